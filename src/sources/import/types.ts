/** The shapes of file imports: formats, mappings, the rows a reader yields and the reader itself. */
import type { RawItem } from '../../domain/collection.js';

/** File formats `fengxiang import` reads. */
export const IMPORT_FORMATS = ['jsonl', 'csv', 'xlsx', 'mediacrawler', 'weibo-crawler'] as const;
/** One of {@link IMPORT_FORMATS}. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** An imported item: a raw item whose platform is always stated (null when unknown). */
export type ImportedItem = RawItem & { platform: string | null };

/** One row of an import: an item, or an error that names what was wrong; `line` is 1-based. */
export interface ImportRow {
  line: number;
  item?: ImportedItem;
  error?: string;
}

/**
 * Which column (CSV/Excel header) or key/path (JSONL: `user.name`, `$.stats.like`) fills each field.
 * Fields left out are looked up under common English and Chinese column names.
 */
export interface ColumnMapping {
  title?: string;
  content?: string;
  url?: string;
  author?: string;
  time?: string;
  id?: string;
  parentId?: string;
  likes?: string;
  comments?: string;
  reposts?: string;
  views?: string;
  ipRegion?: string;
  kind?: string;
  platform?: string;
}

/** Options of {@link readImportFile}. */
export interface ImportOptions {
  /** Overrides detection (`--format`). */
  format?: ImportFormat;
  /** Column mapping for jsonl, csv and xlsx. */
  mapping?: ColumnMapping;
  /** The platform of every item (overrides what the file says). */
  platform?: string;
}

/** How far a reader got through its file. */
export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
}

/** The rows of one import file, with progress and the format used. */
export interface ImportReader extends AsyncIterable<ImportRow> {
  /** The format used: the option, else detected from the path and the first bytes. */
  format(): Promise<ImportFormat>;
  /** Bytes of the file read so far and its size (0 of 0 before reading starts). */
  progress(): ImportProgress;
}

/** A record read from a container (a JSONL line, a CSV row, a sheet row), or why it could not be read. */
export interface SourceRecord {
  line: number;
  record?: Record<string, unknown>;
  error?: string;
}

/** Maps a record to an item or an error message; one per file, so it may remember what it learnt. */
export type RecordMapper = (record: Record<string, unknown>) => ImportedItem | { error: string };
