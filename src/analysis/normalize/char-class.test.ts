import { describe, expect, it } from 'vitest';
import {
  isLowerStable,
  LETTER_UNIT,
  lettersAndDigits,
  OTHER_UNIT,
  RUN_UNIT,
  unitClass,
} from './char-class.js';

describe('unitClass', () => {
  it.each([
    ['a CJK character', '中', RUN_UNIT],
    ['a lower-case letter', 'a', RUN_UNIT],
    ['a digit', '7', RUN_UNIT],
    ['an upper-case letter', 'A', LETTER_UNIT],
    ['a modifier letter', 'ʰ', LETTER_UNIT],
    ['full-width punctuation', '，', OTHER_UNIT],
    ['a space', ' ', OTHER_UNIT],
    ['a lone surrogate half', '\ud840', OTHER_UNIT],
  ])('%s', (_name, char, expected) => {
    expect(unitClass(char.charCodeAt(0))).toBe(expected);
  });

  it('agrees with the Unicode property expressions on every BMP code unit', () => {
    const run = /^[\p{Ll}\p{Lo}\p{N}]$/u;
    const letterOrDigit = /^[\p{L}\p{N}]$/u;
    let disagreements = 0;
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit);
      const expected = run.test(char) ? RUN_UNIT : letterOrDigit.test(char) ? LETTER_UNIT : OTHER_UNIT;
      if (unitClass(unit) !== expected) disagreements++;
      if (isLowerStable(unit) !== (char.toLowerCase() === char)) disagreements++;
    }
    expect(disagreements).toBe(0);
  });
});

describe('lettersAndDigits', () => {
  const reference = (text: string): string => text.replace(/[^\p{L}\p{N}]+/gu, '');
  it.each([
    ['plain Chinese', '网络舆情', '网络舆情'],
    ['punctuation and spaces go', '北京，今天！ 下雨了。', '北京今天下雨了'],
    ['Latin and digits stay', 'covid-19 (2020)', 'covid192020'],
    ['only punctuation', '，。！？', ''],
    ['empty', '', ''],
    ['astral letters stay, emoji go', '𠀀好😡', '𠀀好'],
    ['leading and trailing marks', '【通报】东风路', '通报东风路'],
  ])('%s', (_name, text, expected) => {
    expect(lettersAndDigits(text)).toBe(expected);
    expect(lettersAndDigits(text)).toBe(reference(text));
  });
});
