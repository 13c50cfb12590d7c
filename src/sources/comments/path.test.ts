import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { readCount } from './count.js';
import { getPath, parsePath } from './path.js';

const doc = {
  data: {
    comments: [
      { id: 7, user: { name: '张三' } },
      { id: 8, tags: ['a', 'b'] },
    ],
    total: 2,
  },
  list: [[1, 2], [3]],
};

describe('getPath', () => {
  it.each([
    ['$.data.comments[0].id', 7],
    ['data.comments[1].tags[1]', 'b'],
    ['$.data.comments[0].user.name', '张三'],
    ['data.total', 2],
    ['list[1][0]', 3],
    ['$', doc],
    ['data.missing.deeper', undefined],
    ['data.comments[5].id', undefined],
    ['data.total.value', undefined],
    ['data[0]', undefined],
  ])('%s', (path, expected) => {
    expect(getPath(doc, path)).toEqual(expected);
  });

  it.each(['data..x', 'data.[x]', 'a.b]'])('refuses the malformed path %s', (path) => {
    expect(() => parsePath(path)).toThrow(path);
    try {
      parsePath(path);
    } catch (error) {
      expect(isAppError(error, 'SOURCE_CONFIG_INVALID')).toBe(true);
    }
  });
});

describe('readCount', () => {
  it.each([
    [35, 35],
    ['35', 35],
    ['赞 35', 35],
    ['1,024', 1024],
    ['1.2万', 12000],
    ['3k', 3000],
    ['2亿', 200_000_000],
    ['赞', null],
    [null, null],
    [-1, null],
  ])('%j → %s', (value, expected) => {
    expect(readCount(value)).toBe(expected);
  });
});
