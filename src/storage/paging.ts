/**
 * Keyset paging. A cursor is the sort key of the last row of a page, as base64url JSON, so that a page
 * never skips or repeats rows when rows are added meanwhile. Callers treat cursors as opaque strings.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { AppError } from '../platform/errors.js';
import type { Page } from './repositories.js';

/** The largest page any list returns, whatever the caller asks for. */
export const MAX_PAGE_LIMIT = 500;

/** The sort key of a page ordered by id alone. */
export interface IdCursor {
  id: string;
}

/** The sort key of a page ordered by time, then id. */
export interface TimeIdCursor {
  at: number;
  id: string;
}

/** Encodes a sort key as an opaque cursor. */
export function encodeCursor(key: IdCursor | TimeIdCursor): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function parseCursorObject(cursor: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // reported below with the same error as a well-formed but wrong cursor
  }
  throw new AppError('BAD_REQUEST', 'the page cursor is not valid', { cursor });
}

/** Decodes a cursor made by {@link encodeCursor} for an id-ordered page; BAD_REQUEST when malformed. */
export function decodeIdCursor(cursor: string): IdCursor {
  const value = parseCursorObject(cursor);
  if (typeof value['id'] !== 'string')
    throw new AppError('BAD_REQUEST', 'the page cursor is not valid', { cursor });
  return { id: value['id'] };
}

/** Decodes a cursor made by {@link encodeCursor} for a time-ordered page; BAD_REQUEST when malformed. */
export function decodeTimeIdCursor(cursor: string): TimeIdCursor {
  const value = parseCursorObject(cursor);
  const { at, id } = value;
  if (typeof at !== 'number' || !Number.isFinite(at) || typeof id !== 'string') {
    throw new AppError('BAD_REQUEST', 'the page cursor is not valid', { cursor });
  }
  return { at, id };
}

/**
 * The condition for the rows after `cursor` of a page sorted by `timeColumn` then `id`, both descending: an
 * earlier time, or the same time and a smaller id. Column names as the query builder spells them
 * (camelCase); for single-table queries, where `id` is unambiguous.
 */
export function beforeTimeId(timeColumn: string, cursor: string): RawBuilder<SqlBool> {
  const { at, id } = decodeTimeIdCursor(cursor);
  const time = sql.ref(timeColumn);
  return sql<SqlBool>`(${time} < ${at} or (${time} = ${at} and ${sql.ref('id')} < ${id}))`;
}

/** The number of rows to return: at least 1, at most {@link MAX_PAGE_LIMIT}. */
export function pageLimit(limit: number): number {
  if (!Number.isFinite(limit)) return MAX_PAGE_LIMIT;
  return Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.floor(limit)));
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only tells that another page exists, and the
 * cursor is the key of the last row shown.
 */
export function toPage<Row, T>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => IdCursor | TimeIdCursor,
  map: (row: Row) => T,
): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  const nextCursor = rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null;
  return { items: shown.map(map), nextCursor };
}
