/** Sentence diffs of publication versions. */
import { describe, expect, it } from 'vitest';
import { diffText, splitSentences, type DiffPart } from './diff.js';

describe('splitSentences', () => {
  it.each([
    ['', []],
    ['一句话', ['一句话']],
    ['第一句。第二句！第三句？', ['第一句。', '第二句！', '第三句？']],
    ['他说：“好。”然后走了。', ['他说：“好。”', '然后走了。']],
    ['标题\n正文。', ['标题\n', '正文。']],
  ])('%j', (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
    expect(splitSentences(text).join('')).toBe(text);
  });
});

describe('diffText', () => {
  const CASES: Array<[string, string, string, DiffPart[]]> = [
    ['same text', '甲。乙。', '甲。乙。', [{ op: 'equal', text: '甲。乙。' }]],
    [
      'a sentence changed',
      '甲。乙。丙。',
      '甲。乙二。丙。',
      [
        { op: 'equal', text: '甲。' },
        { op: 'delete', text: '乙。' },
        { op: 'insert', text: '乙二。' },
        { op: 'equal', text: '丙。' },
      ],
    ],
    [
      'added at the end',
      '甲。',
      '甲。乙。',
      [
        { op: 'equal', text: '甲。' },
        { op: 'insert', text: '乙。' },
      ],
    ],
    [
      'removed at the start',
      '甲。乙。',
      '乙。',
      [
        { op: 'delete', text: '甲。' },
        { op: 'equal', text: '乙。' },
      ],
    ],
    ['from nothing', '', '甲。', [{ op: 'insert', text: '甲。' }]],
  ];
  it.each(CASES)('%s', (_name, before, after, parts) => {
    const diff = diffText(before, after);
    expect(diff).toEqual(parts);
    const rebuiltBefore = diff
      .filter((p) => p.op !== 'insert')
      .map((p) => p.text)
      .join('');
    const rebuiltAfter = diff
      .filter((p) => p.op !== 'delete')
      .map((p) => p.text)
      .join('');
    expect([rebuiltBefore, rebuiltAfter]).toEqual([before, after]);
  });
});
