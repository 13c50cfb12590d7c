/** Configuration: one zod-validated, frozen object read once by the CLI. */
export { loadConfig, type Config, type ConfigSources } from './load.js';
export { CONFIG_FIELDS, type ConfigKey } from './fields.js';
export { renderConfigurationDoc } from './docs.js';
