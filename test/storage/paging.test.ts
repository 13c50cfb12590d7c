import { describe, expect, it } from 'vitest';
import {
  decodeIdCursor,
  decodeTimeIdCursor,
  encodeCursor,
  MAX_PAGE_LIMIT,
  pageLimit,
  toPage,
} from '../../src/storage/paging.js';

describe('keyset cursors', () => {
  it('round-trip id and (time, id) keys through URL-safe text', () => {
    const idCursor = encodeCursor({ id: '018f2a3b4c5d0123456789abcdef' });
    expect(idCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeIdCursor(idCursor)).toEqual({ id: '018f2a3b4c5d0123456789abcdef' });
    expect(decodeTimeIdCursor(encodeCursor({ at: 1714521600000, id: 'x' }))).toEqual({
      at: 1714521600000,
      id: 'x',
    });
  });

  it('reject garbage, wrong shapes and wrong types with BAD_REQUEST', () => {
    const bad = [
      '%%%',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"id":5}').toString('base64url'),
      Buffer.from('null').toString('base64url'),
    ];
    for (const cursor of bad) {
      expect(() => decodeIdCursor(cursor)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    }
    const noTime = encodeCursor({ id: 'x' });
    expect(() => decodeTimeIdCursor(noTime)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => decodeIdCursor('')).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});

describe('page limits and pages', () => {
  it('clamps the limit between 1 and the maximum', () => {
    expect(pageLimit(0)).toBe(1);
    expect(pageLimit(-5)).toBe(1);
    expect(pageLimit(2.9)).toBe(2);
    expect(pageLimit(10_000)).toBe(MAX_PAGE_LIMIT);
    expect(pageLimit(Number.NaN)).toBe(MAX_PAGE_LIMIT);
  });

  it('uses the extra row only to decide that a next page exists', () => {
    const rows = [{ id: 'c' }, { id: 'b' }, { id: 'a' }];
    const page = toPage(
      rows,
      2,
      (row) => ({ id: row.id }),
      (row) => row.id.toUpperCase(),
    );
    expect(page.items).toEqual(['C', 'B']);
    expect(page.nextCursor).not.toBeNull();
    expect(decodeIdCursor(page.nextCursor ?? '')).toEqual({ id: 'b' });
    const last = toPage(
      rows.slice(0, 2),
      2,
      (row) => ({ id: row.id }),
      (row) => row.id,
    );
    expect(last).toEqual({ items: ['c', 'b'], nextCursor: null });
  });
});
