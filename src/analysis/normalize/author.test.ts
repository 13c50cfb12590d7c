import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { hashAuthor, isAuthorHash, normalizeAuthorName } from './author.js';

const KEY = 'office-secret-key';

describe('hashAuthor', () => {
  it('is the documented HMAC-SHA256 with an h: prefix', () => {
    const expected = 'h:' + createHmac('sha256', KEY).update('张三', 'utf8').digest('hex');
    expect(hashAuthor('张三', KEY)).toBe(expected);
    expect(isAuthorHash(expected)).toBe(true);
  });

  it.each([
    ['surrounding space', '张三', '  张三 '],
    ['a leading @', '张三', '@张三'],
    ['full-width letters', 'Reporter', 'Ｒｅｐｏｒｔｅｒ'],
    ['case', 'John Smith', 'john   SMITH'],
  ])('treats names differing only in %s as the same', (_name, a, b) => {
    expect(hashAuthor(a, KEY)).toBe(hashAuthor(b, KEY));
  });

  it.each([
    ['different names', '张三', KEY, '李四', KEY],
    ['different keys', '张三', KEY, '张三', 'other-key'],
  ])('gives different hashes for %s', (_name, nameA, keyA, nameB, keyB) => {
    expect(hashAuthor(nameA, keyA)).not.toBe(hashAuthor(nameB, keyB));
  });

  it.each([
    ['an empty key', '张三', '', 'CONFIG_INVALID'],
    ['an empty name', '  ', KEY, 'VALIDATION_FAILED'],
    ['a name of only @', '@', KEY, 'VALIDATION_FAILED'],
  ] as const)('rejects %s', (_name, name, key, code) => {
    let caught: unknown;
    try {
      hashAuthor(name, key);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, code)).toBe(true);
  });
});

describe('normalizeAuthorName and isAuthorHash', () => {
  it.each([
    ['@新华社 ', '新华社'],
    ['@@Someone', 'someone'],
    ['人民 日报', '人民 日报'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeAuthorName(input)).toBe(expected);
  });

  it.each([
    ['h:' + 'a'.repeat(64), true],
    ['张三', false],
    ['h:' + 'a'.repeat(63), false],
    ['h:' + 'A'.repeat(64), false],
  ])('%s → %s', (value, expected) => {
    expect(isAuthorHash(value)).toBe(expected);
  });
});
