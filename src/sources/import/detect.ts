/**
 * Choosing an import format from the file's path and first bytes: Excel by extension or zip signature,
 * MediaCrawler by its file names or its fields, weibo-crawler by its header, JSON Lines by extension or a
 * leading `{`/`[`, CSV otherwise.
 */
import { MEDIACRAWLER_MARK, MEDIACRAWLER_NAME, platformFromFields } from './mediacrawler/detect.js';
import type { ImportFormat } from './types.js';
import { WEIBO_CRAWLER_COLUMNS } from './weibo-crawler.js';

/** How many bytes detection wants to see. */
export const DETECT_BYTES = 64 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

function extension(path: string): string {
  const name = path.split(/[\\/]/u).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The field names the first record of a JSON or CSV file shows (best effort on a prefix). */
export function firstFieldNames(text: string): string[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const object = /\{[^{}]*/u.exec(trimmed)?.[0] ?? '';
    return [...object.matchAll(/"([^"\\]+)"\s*:/gu)].map((match) => match[1] ?? '');
  }
  const header = trimmed.split(/\r?\n/u)[0] ?? '';
  return header.split(',').map((cell) => cell.trim().replace(/^"|"$/gu, ''));
}

/** The format of the file at `path` that starts with `firstBytes`. */
export function detectImportFormat(path: string, firstBytes: Buffer): ImportFormat {
  const ext = extension(path);
  if (ext === 'xlsx' || ZIP.every((byte, index) => firstBytes[index] === byte)) return 'xlsx';
  const text = firstBytes.toString('utf8').replace(/^\uFEFF/u, '');
  const fields = firstFieldNames(text);
  const name = path.split(/[\\/]/u).pop() ?? '';
  if (MEDIACRAWLER_NAME.test(name)) return 'mediacrawler';
  if (fields.includes(MEDIACRAWLER_MARK) && platformFromFields(fields) !== null) return 'mediacrawler';
  if (WEIBO_CRAWLER_COLUMNS.every((column) => fields.includes(column))) return 'weibo-crawler';
  if (['jsonl', 'ndjson', 'json'].includes(ext)) return 'jsonl';
  if (ext !== 'csv' && /^[{[]/u.test(text.trimStart())) return 'jsonl';
  return 'csv';
}
