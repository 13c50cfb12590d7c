import { describe, expect, it } from 'vitest';
import { getPath, isValidPath, parsePath, selectAll } from './path.js';

const answer = {
  data: {
    list: [
      { title: '市民反映小区停水', user: { name: '张三' }, tags: ['民生', '供水'] },
      { title: '地铁5号线延误', user: { name: '李四' }, tags: [] },
    ],
    'next.cursor': 'abc',
    total: 2,
  },
};

describe('getPath', () => {
  it.each([
    ['$.data.list[0].title', '市民反映小区停水'],
    ['data.list[1].title', '地铁5号线延误'],
    ['$.data.list[1].user.name', '李四'],
    ['$.data.total', 2],
    ["$.data['next.cursor']", 'abc'],
    ['$.data.list[5].title', undefined],
    ['$.data.missing.deep', undefined],
    ['$.data.list.title', undefined],
    ['$', answer],
  ])('%s', (path, expected) => {
    expect(getPath(answer, path)).toEqual(expected);
  });
});

describe('selectAll', () => {
  it.each([
    ['$.data.list[*].title', ['市民反映小区停水', '地铁5号线延误']],
    ['data.list.*.user.name', ['张三', '李四']],
    ['$.data.list[*].tags[*]', ['民生', '供水']],
    ['$.data.list[*].nothing', []],
  ])('%s', (path, expected) => {
    expect(selectAll(answer, parsePath(path))).toEqual(expected);
  });
});

describe('parsePath', () => {
  it.each([
    ['$.a.b', true],
    ['a[0][1]', true],
    ['$', true],
    ['a[x]', false],
    ['a]b', false],
  ])('%s valid: %s', (path, valid) => {
    expect(isValidPath(path)).toBe(valid);
  });

  it('names the bad part', () => {
    expect(() => parsePath('$.data[x]')).toThrow(/bad path "\$\.data\[x\]" at "\[x\]"/u);
  });
});
