/**
 * The console's form → expression compiler gives exactly what the server's compileSchemeWords gives, and
 * the expressions it builds parse.
 */
import { describe, expect, it } from 'vitest';
import { compileSchemeWords, parseExpression } from '../../src/analysis/expression/index.js';
import { compileWords, EMPTY_WORDS } from '../../web/src/features/schemes/compile-words.js';

const CASES = [
  { ...EMPTY_WORDS, subjects: ['金鸡湖'] },
  { ...EMPTY_WORDS, regions: ['苏州', '姑苏区'], events: ['停水', '停电'], excludes: ['演练'] },
  { ...EMPTY_WORDS, people: ['张 三', 'a+b', 'near/5', '（括号）'], excludes: ['"引号"', '演练', '演练'] },
  { regions: [' 苏州 '], subjects: ['x|y'], people: ['甲，乙'], events: ['a-b'], excludes: ['“中文引号”'] },
];

describe('the scheme form compiler of the console', () => {
  it.each(CASES)('matches the server for %j', (words) => {
    const expression = compileWords(words);
    expect(expression).toBe(compileSchemeWords(words));
    expect(() => parseExpression(expression ?? '')).not.toThrow();
  });

  it('gives null where the server refuses a form with nothing to include', () => {
    const excludesOnly = { ...EMPTY_WORDS, excludes: ['演练'] };
    expect(compileWords(excludesOnly)).toBeNull();
    expect(() => compileSchemeWords(excludesOnly)).toThrow(/nothing to include/);
  });
});
