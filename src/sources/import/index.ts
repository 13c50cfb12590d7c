/**
 * File imports (no network): JSON Lines, CSV, Excel, MediaCrawler output and weibo-crawler CSV, read as a
 * stream of rows, each an item or an error naming its line.
 */
export { readImportFile } from './read.js';
export { detectImportFormat, DETECT_BYTES } from './detect.js';
export { DEFAULT_COLUMNS } from './columns.js';
export { PLATFORMS as MEDIACRAWLER_PLATFORMS, type MediaCrawlerFileType } from './mediacrawler/platforms.js';
export {
  IMPORT_FORMATS,
  type ColumnMapping,
  type ImportedItem,
  type ImportFormat,
  type ImportOptions,
  type ImportProgress,
  type ImportReader,
  type ImportRow,
} from './types.js';
