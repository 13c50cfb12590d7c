/**
 * Keyset cursors of the item search: the sort key of the last row shown, as base64url JSON. A time
 * cursor holds (publishedAt, seq); a relevance cursor holds (score, seq). The sort is part of the
 * cursor, so a cursor of one order is refused by the other.
 */
import { AppError } from '../../platform/errors.js';

/** The position after a row in time order (published_at desc, seq desc). */
export interface TimeCursor {
  sort: 'time';
  publishedAt: number;
  seq: number;
}

/** The position after a row in relevance order (score desc, seq desc). */
export interface RelevanceCursor {
  sort: 'relevance';
  score: number;
  seq: number;
}

/** Either cursor. */
export type ItemCursor = TimeCursor | RelevanceCursor;

/** The opaque text of a cursor. */
export function encodeItemCursor(cursor: ItemCursor): string {
  const keys =
    cursor.sort === 'time' ? { t: cursor.publishedAt, s: cursor.seq } : { r: cursor.score, s: cursor.seq };
  return Buffer.from(JSON.stringify(keys), 'utf8').toString('base64url');
}

function invalid(cursor: string): AppError {
  return new AppError('BAD_REQUEST', 'the page cursor is not valid', { cursor });
}

function parseKeys(cursor: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // reported below like any other malformed cursor
  }
  throw invalid(cursor);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Decodes a cursor for `sort`; BAD_REQUEST when it is malformed or belongs to the other order. */
export function decodeItemCursor(cursor: string, sort: 'time' | 'relevance'): ItemCursor {
  const keys = parseKeys(cursor);
  const seq = keys['s'];
  if (!isFiniteNumber(seq)) throw invalid(cursor);
  if (sort === 'time' && isFiniteNumber(keys['t'])) return { sort, publishedAt: keys['t'], seq };
  if (sort === 'relevance' && isFiniteNumber(keys['r'])) return { sort, score: keys['r'], seq };
  throw invalid(cursor);
}
