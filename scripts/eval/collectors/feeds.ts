/**
 * Feeds: every file under `rss-feeds/` through the real `parseFeed`, counted against the `<item>` /
 * `<entry>` elements found in the file by a plain regex, with the share of entries that have a title, a
 * link, a readable time and a body. A file that fails to parse is a row with its error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parsePublishedTime } from '../../../src/analysis/time/index.js';
import type { RawItem } from '../../../src/domain/collection.js';
import { parseFeed } from '../../../src/sources/feed/index.js';
import { EVAL_TIME_ZONE, evalUrl } from './setting.js';

/** What parsing one feed file gave. */
export interface FeedRow {
  /** Path under `rss-feeds/`. */
  file: string;
  format: string | null;
  /** `<item>` and `<entry>` elements in the file (the reference count). */
  inFile: number;
  parsed: number;
  withTitle: number;
  withLink: number;
  withTime: number;
  withContent: number;
  error: string | null;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      return entry.isFile() && !entry.name.endsWith('.md') ? [path] : [];
    })
    .sort();
}

/** `<item>` and `<entry>` start tags in `text` (not `<items>` or `<entryx>`). */
export function countEntryElements(text: string): number {
  return (text.match(/<(?:item|entry)(?=[\s>/])/gu) ?? []).length;
}

function hasReadableTime(item: RawItem, now: number): boolean {
  if (item.publishedAt !== null && item.publishedAt !== undefined) return true;
  const text = item.publishedText;
  return !!text && parsePublishedTime(text, { now, timeZone: EVAL_TIME_ZONE }) !== null;
}

function countWhere(items: readonly RawItem[], test: (item: RawItem) => boolean): number {
  return items.filter(test).length;
}

function evaluateFeedFile(root: string, path: string, now: number): FeedRow {
  const bytes = readFileSync(path);
  const file = relative(root, path);
  const inFile = countEntryElements(bytes.toString('utf8'));
  const empty = { file, inFile, withTitle: 0, withLink: 0, withTime: 0, withContent: 0 };
  try {
    const feed = parseFeed(bytes, null, { url: evalUrl(`rss-feeds/${file}`) });
    const items = feed.items;
    return {
      ...empty,
      format: feed.format,
      parsed: items.length,
      withTitle: countWhere(items, (item) => !!item.title?.trim()),
      withLink: countWhere(items, (item) => !!item.url),
      withTime: countWhere(items, (item) => hasReadableTime(item, now)),
      withContent: countWhere(items, (item) => item.content.trim() !== ''),
      error: null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...empty, format: null, parsed: 0, error: message };
  }
}

/** One row per feed file under `dir` (recursively, README files left out), in path order. */
export function evaluateFeeds(dir: string, now: number): FeedRow[] {
  return filesUnder(dir).map((path) => evaluateFeedFile(dir, path, now));
}

/** The sum of `rows` as one row named `total`; its format lists the formats seen. */
export function totalFeedRow(rows: readonly FeedRow[]): FeedRow {
  const sum = (pick: (row: FeedRow) => number): number => rows.reduce((acc, row) => acc + pick(row), 0);
  const formats = [...new Set(rows.flatMap((row) => (row.format ? [row.format] : [])))];
  const failed = rows.filter((row) => row.error !== null).length;
  return {
    file: 'total',
    format: formats.join(', ') || null,
    inFile: sum((row) => row.inFile),
    parsed: sum((row) => row.parsed),
    withTitle: sum((row) => row.withTitle),
    withLink: sum((row) => row.withLink),
    withTime: sum((row) => row.withTime),
    withContent: sum((row) => row.withContent),
    error: failed > 0 ? `${failed} file(s) failed` : null,
  };
}
