import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { compileLineExpression, matchLine } from './match-line.js';

describe('matchLine', () => {
  const matcher = compileLineExpression('(北京|上海)+拆迁-广告');

  it.each([
    [
      'a match with its hits',
      { id: 1, text: '北京某区拆迁补偿' },
      {
        id: 1,
        matched: true,
        hits: [
          { term: '北京', start: 0, end: 2 },
          { term: '拆迁', start: 4, end: 6 },
        ],
      },
    ],
    ['no match', { id: 'a', text: '上海拆迁广告' }, { id: 'a', matched: false, hits: [] }],
    [
      'a missing id is null',
      { text: '上海拆迁' },
      {
        id: null,
        matched: true,
        hits: [
          { term: '上海', start: 0, end: 2 },
          { term: '拆迁', start: 2, end: 4 },
        ],
      },
    ],
    [
      'positions refer to the normalised text',
      { id: 2, text: '  上海　　拆迁' },
      {
        id: 2,
        matched: true,
        hits: [
          { term: '上海', start: 0, end: 2 },
          { term: '拆迁', start: 3, end: 5 },
        ],
      },
    ],
  ])('%s', (_name, record, expected) => {
    expect(matchLine(matcher, record)).toEqual(expected);
  });

  it.each([
    ['a missing text', { id: 3 }],
    ['a text that is not a string', { id: 4, text: 42 }],
  ])('refuses %s', (_name, record) => {
    expect(() => matchLine(matcher, record)).toThrow(/"text" must be a string/);
  });

  it('refuses a bad expression with its position', () => {
    try {
      compileLineExpression('北京+');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, 'EXPRESSION_SYNTAX') && error.details['position']).toBe(3);
    }
  });
});
