/**
 * The json source kind: an HTTP JSON API mapped to items by paths (`$.data.list`, `[n]`, `[*]`), with page
 * or cursor paging.
 */
import type { SourceKindAdapter } from '../types.js';
import { collectJson } from './collect.js';
import { jsonConfigSchema, type JsonConfig } from './config.js';

export { jsonConfigSchema, type JsonConfig, type JsonPagination } from './config.js';
export { decodeJson, parseJsonPage, type JsonPage } from './parse.js';

/** The json source kind adapter. */
export const jsonKind: SourceKindAdapter<JsonConfig> = {
  kind: 'json',
  configSchema: jsonConfigSchema,
  collect: collectJson,
};
