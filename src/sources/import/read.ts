/**
 * readImportFile: open the file, settle its format (the option, else detection on the path and first
 * bytes), read its records from the right container (JSON Lines or array, CSV, Excel) and map each to an
 * item with the format's mapper. A bad record becomes an error row naming its line, and reading goes on.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { AppError } from '../../platform/errors.js';
import { columnMapper } from './columns.js';
import { decodeStream, fileCharset } from './containers/charset.js';
import { readCsvRows } from './containers/csv.js';
import { readJsonArray, readJsonLines } from './containers/jsonl.js';
import { readSheetRows } from './containers/xlsx.js';
import { DETECT_BYTES, detectImportFormat } from './detect.js';
import { mediaCrawlerMapper } from './mediacrawler/map.js';
import type {
  ImportFormat,
  ImportOptions,
  ImportReader,
  ImportRow,
  RecordMapper,
  SourceRecord,
} from './types.js';
import { weiboCrawlerMapper } from './weibo-crawler.js';

/** What opening learnt: the format, the first bytes and the size. */
interface Opened {
  format: ImportFormat;
  head: Buffer;
  size: number;
}

async function openFile(path: string, options: ImportOptions): Promise<Opened> {
  try {
    const { size } = await stat(path);
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(size, DETECT_BYTES));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const head = buffer.subarray(0, bytesRead);
      return { format: options.format ?? detectImportFormat(path, head), head, size };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('IMPORT_FORMAT', `${path}: cannot read the file (${reason})`, { path });
  }
}

function extensionOf(path: string): string {
  return (path.split(/[\\/]/u).pop() ?? '').split('.').pop()?.toLowerCase() ?? '';
}

/** The records of the file and the word its positions are counted in. */
function recordsOf(format: ImportFormat, path: string, opened: Opened, bytes: ReadStream) {
  if (format === 'xlsx') return { unit: 'line', records: readSheetRows(bytes) };
  const text = decodeStream(bytes, fileCharset(opened.head));
  const ext = extensionOf(path);
  const startsArray = opened.head
    .toString('utf8')
    .replace(/^\uFEFF/u, '')
    .trimStart()
    .startsWith('[');
  const csv = format === 'csv' || format === 'weibo-crawler' || (format === 'mediacrawler' && ext === 'csv');
  if (csv) return { unit: 'line', records: readCsvRows(text) };
  if (startsArray) return { unit: 'item', records: readJsonArray(text) };
  return { unit: 'line', records: readJsonLines(text) };
}

function mapperOf(format: ImportFormat, path: string, options: ImportOptions): RecordMapper {
  if (format === 'mediacrawler') return mediaCrawlerMapper(path, options);
  if (format === 'weibo-crawler') return weiboCrawlerMapper(path, options);
  return columnMapper(options);
}

function toRow(source: SourceRecord, mapper: RecordMapper, unit: string): ImportRow {
  if (source.record === undefined) return { line: source.line, error: source.error ?? 'unreadable record' };
  const mapped = mapper(source.record);
  if ('error' in mapped) return { line: source.line, error: `${unit} ${source.line}: ${mapped.error}` };
  return { line: source.line, item: mapped };
}

/** Reads the import file at `path` (see the module comment); throws IMPORT_FORMAT when it cannot be opened. */
export function readImportFile(path: string, options: ImportOptions = {}): ImportReader {
  let opening: Promise<Opened> | null = null;
  let size = 0;
  let bytes: ReadStream | null = null;
  const opened = async (): Promise<Opened> => {
    opening ??= openFile(path, options);
    const result = await opening;
    size = result.size;
    return result;
  };
  async function* rows(): AsyncGenerator<ImportRow> {
    const file = await opened();
    const stream = createReadStream(path);
    bytes = stream;
    try {
      const { unit, records } = recordsOf(file.format, path, file, stream);
      const mapper = mapperOf(file.format, path, options);
      for await (const source of records) yield toRow(source, mapper, unit);
    } finally {
      stream.destroy();
    }
  }
  return {
    format: async () => (await opened()).format,
    progress: () => ({ bytesRead: Math.min(bytes?.bytesRead ?? 0, size), totalBytes: size }),
    [Symbol.asyncIterator]: () => rows(),
  };
}
