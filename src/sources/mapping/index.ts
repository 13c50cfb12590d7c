/** Field mapping shared by the json, hotlist and import source kinds: paths, value readers, record → item. */
export { compilePath, getPath, isValidPath, parsePath, selectAll, selectFirst } from './path.js';
export type { FieldGetter, PathStep } from './path.js';
export { epochToMs, parseCount, toId, toText, toTime, type MappedTime } from './values.js';
export {
  cleanText,
  isRecordError,
  ITEM_FIELDS,
  recordToItem,
  type FieldReader,
  type FieldReaders,
  type ItemField,
  type RecordError,
  type RecordOptions,
} from './record.js';
