import { describe, expect, it } from 'vitest';
import { normalizeSlow, normalizeText } from './normalize.js';

describe('normalizeText', () => {
  it.each([
    ['', ''],
    ['这家酒店服务很好，房间干净！', '这家酒店服务很好,房间干净!'],
    ['  Hello   World \n', 'hello world'],
    ['ＡＢＣ１２３？', 'abc123?'],
    ['不错\t\t的 “高效” 服务…', '不错 的 “高效” 服务...'],
    ['㈱会社　全角空格', '(株)会社 全角空格'],
    ['《书》【标签】·—', '《书》【标签】·—'],
    ['Ⅻ月 ﬁle café', 'xii月 file café'],
    ['😀好开心', '😀好开心'],
  ])('%j → %j, as the general path', (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
    expect(normalizeSlow(text)).toBe(expected);
  });

  it('agrees with the general path on every character of the ranges it handles fast', () => {
    const ranges: [number, number][] = [
      [0x09, 0x7f],
      [0xa0, 0x100],
      [0x2000, 0x2030],
      [0x3000, 0x3020],
      [0x4e00, 0x4e40],
      [0xff00, 0xff70],
    ];
    for (const [from, to] of ranges) {
      for (let code = from; code < to; code++) {
        const text = `好${String.fromCharCode(code)} 的${String.fromCharCode(code)}`;
        expect(normalizeText(text)).toBe(normalizeSlow(text));
      }
    }
  });
});
