/**
 * The hotlist source kind: ranked lists (热搜榜) from JSON or HTML, with heat parsing and the pure
 * sighting merge storage uses to track topics over time.
 */
import type { SourceKindAdapter } from '../types.js';
import { collectHotlist } from './collect.js';
import { hotlistConfigSchema, type HotlistConfig } from './config.js';

export { hotlistConfigSchema, type HotHtmlConfig, type HotJsonConfig, type HotlistConfig } from './config.js';
export { parseHeat } from './heat.js';
export { hotTopicKey, mergeHotSighting, type HotSighting } from './topic.js';
export { parseHotHtml } from './parse-html.js';
export { parseHotJson } from './parse-json.js';
export { hotItem } from './collect.js';
export type { HotParse } from './entries.js';

/** The hotlist source kind adapter. */
export const hotlistKind: SourceKindAdapter<HotlistConfig> = {
  kind: 'hotlist',
  configSchema: hotlistConfigSchema,
  collect: collectHotlist,
};
