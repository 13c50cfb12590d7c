import { describe, expect, it } from 'vitest';
import {
  collapseWhitespace,
  foldCompatibilityForms,
  normalizeText,
  normalizeTextNoting,
  simplifyCharacters,
} from './text.js';

describe('normalizeText', () => {
  it.each([
    ['full-width letters and digits', 'ＡＢＣ１２３', 'abc123'],
    ['full-width punctuation', '（北京）！', '(北京)!'],
    ['ideographic space and runs of whitespace', '北京\u3000\u3000市\n\t朝阳区  ', '北京 市 朝阳区'],
    ['upper case Latin', 'Hello WORLD', 'hello world'],
    ['Chinese stays as it is', '网络舆情工作', '网络舆情工作'],
    ['empty', '   ', ''],
    ['traditional to simplified', '網路輿情　監測', '网路舆情 监测'],
    ['full-width traditional with Latin', 'ＡＰＰ下載', 'app下载'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['plain simplified text is returned as it is', '网络舆情工作，今天开会。', '网络舆情工作,今天开会。'],
    ['a single inner space stays', '北京 上海', '北京 上海'],
    ['a leading space goes', ' 北京', '北京'],
    ['a trailing space goes', '北京 ', '北京'],
    ['two spaces become one', '北京  上海', '北京 上海'],
    ['a tab becomes a space', '北京\t上海', '北京 上海'],
    ['capitals in otherwise plain text', '华为Mate60发布', '华为mate60发布'],
    ['one traditional character among simplified ones', '网络舆情監测', '网络舆情监测'],
    ['Greek capitals', 'ΑΒΓ', 'αβγ'],
    ['a non-breaking space', '北京\u00a0上海', '北京 上海'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
    expect(normalizeText(input)).toBe(
      collapseWhitespace(simplifyCharacters(foldCompatibilityForms(input)).toLowerCase()),
    );
  });

  it('keeps each step separate and named', () => {
    expect(foldCompatibilityForms('ｆｕｌｌ')).toBe('full');
    expect(collapseWhitespace(' a \n b ')).toBe('a b');
    expect(simplifyCharacters('發佈')).toBe('发布');
  });
});

describe('normalizeTextNoting', () => {
  it.each([
    ['plain simplified text', '网络舆情工作，今天开会。', false],
    ['capitals, full-width forms and whitespace', ' ＡＰＰ  Hello\u3000WORLD\n今天 ', false],
    ['traditional characters', '網路輿情　監測', true],
    ['a compatibility ideograph that folds to a traditional one', '\uf900', true],
    ['empty', '', false],
  ])('gives normalizeText and notes simplification for %s', (_name, text, simplified) => {
    const noted = normalizeTextNoting(text);
    expect(noted.normalized).toBe(normalizeText(text));
    expect(noted.simplified).toBe(simplified);
    // Without simplification the result is the plain form: NFKC, lower case, whitespace collapsed.
    if (!simplified) expect(noted.normalized).toBe(collapseWhitespace(text.normalize('NFKC').toLowerCase()));
  });
});

describe('normalizeText on every BMP code unit', () => {
  /** The steps one by one, as the normal form is defined. */
  const reference = (text: string): string =>
    collapseWhitespace(simplifyCharacters(foldCompatibilityForms(text)).toLowerCase());

  it('gives what the steps one by one give, alone, doubled, between ideographs and after a space', () => {
    const disagreements: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      const char = String.fromCharCode(unit);
      for (const text of [char, char + char, `甲${char}乙`, `甲 ${char}`, `${char}，`]) {
        if (normalizeText(text) !== reference(text)) disagreements.push(text);
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });
});
