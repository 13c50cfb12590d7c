import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash, normalizeForHash } from './content-hash.js';

describe('contentHash', () => {
  it('is SHA-256 hex over the normalised title and content joined by a newline', () => {
    const expected = createHash('sha256').update('标题\n正文内容a b', 'utf8').digest('hex');
    expect(contentHash({ title: ' 标题 ', content: '正文\n\n内容 A  b' })).toBe(expected);
    expect(contentHash({ content: 'x' })).toMatch(/^[0-9a-f]{64}$/u);
  });

  const base = { title: '某市发布通告', content: '今天上午，某市政府发布通告。ABC 123' };
  it.each([
    ['extra whitespace', { title: ' 某市发布通告 ', content: '今天上午，某市政府发布通告。\n\n ABC   123 ' }],
    [
      'full-width letters and digits',
      { title: '某市发布通告', content: '今天上午，某市政府发布通告。ＡＢＣ　１２３' },
    ],
    ['case', { title: '某市发布通告', content: '今天上午，某市政府发布通告。abc 123' }],
    [
      'zero-width characters',
      { title: '某市\u200b发布通告', content: '\ufeff今天上午，某市政府发布通告。ABC 123' },
    ],
  ])('ignores %s', (_name, variant) => {
    expect(contentHash(variant)).toBe(contentHash(base));
  });

  it.each([
    ['a changed word', { title: '某市发布通告', content: '今天下午，某市政府发布通告。ABC 123' }],
    ['a different title', { title: '某县发布通告', content: base.content }],
    ['no title', { content: base.content }],
    ['text moved from title to content', { title: '', content: `${base.title} ${base.content}` }],
  ])('changes with %s', (_name, variant) => {
    expect(contentHash(variant)).not.toBe(contentHash(base));
  });

  it('treats a null title as no title', () => {
    expect(contentHash({ title: null, content: 'a' })).toBe(contentHash({ content: 'a' }));
  });

  it.each([
    ['a\u00adb', 'ab'],
    [' Ａ\u200bB ', 'ab'],
    ['第一段。\n\n第二段 AB CD', '第一段。第二段ab cd'],
  ])('normalizeForHash(%j) → %j', (input, expected) => {
    expect(normalizeForHash(input)).toBe(expected);
  });
});
