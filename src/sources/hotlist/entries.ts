/** Turning the rows a list yields into ranked entries: cleaned titles, ranks defaulting to the position. */
import type { HotEntry } from '../../domain/collection.js';
import { parseHeat } from './heat.js';

/** One row as read, before cleaning. */
export interface HotRow {
  title: unknown;
  url: string | null;
  heat: unknown;
  rank: unknown;
}

/** Entries and the rows skipped, with where. */
export interface HotParse {
  entries: HotEntry[];
  skipped: { reason: string; where: string }[];
}

function readRank(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const match = /\d+/u.exec(text.normalize('NFKC'));
  const rank = match ? Number(match[0]) : Number.NaN;
  return Number.isSafeInteger(rank) && rank > 0 ? rank : null;
}

/** Ranked entries from `rows`; rows without a title are skipped, ranks default to 1, 2, 3… by position. */
export function toEntries(rows: readonly HotRow[], limit: number, where: string): HotParse {
  const result: HotParse = { entries: [], skipped: [] };
  rows.forEach((row, index) => {
    const title =
      typeof row.title === 'string' || typeof row.title === 'number' ? String(row.title).trim() : '';
    if (title === '') {
      result.skipped.push({ reason: 'the row has no title', where: `${where} #${index + 1}` });
      return;
    }
    if (result.entries.length >= limit) return;
    result.entries.push({
      rank: readRank(row.rank) ?? result.entries.length + 1,
      title: title.replace(/\s+/gu, ' '),
      url: row.url,
      heat: parseHeat(row.heat),
    });
  });
  return result;
}
