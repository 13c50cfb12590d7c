// Writes docs/configuration.md from the settings table (src/config/fields.ts).
import { writeFileSync } from 'node:fs';
import { renderConfigurationDoc } from '../src/config/index.js';

writeFileSync(new URL('../docs/configuration.md', import.meta.url), renderConfigurationDoc());
console.log('wrote docs/configuration.md');
