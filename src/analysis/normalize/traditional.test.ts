import { describe, expect, it } from 'vitest';
import { hasTraditional, toSimplified } from './traditional.js';

describe('toSimplified', () => {
  it.each([
    ['traditional characters', '網路輿情監測', '网路舆情监测'],
    ['a government notice', '關於加強環境衛生整治的通知', '关于加强环境卫生整治的通知'],
    ['phrases keep their simplified form', '臺灣著名醫院', '台湾著名医院'],
    ['mixed traditional and simplified', '北京發佈通报', '北京发布通报'],
    ['simplified text stays as it is', '网络舆情工作要认真落实', '网络舆情工作要认真落实'],
    ['Latin and digits pass through', 'Hello 2024 世界', 'Hello 2024 世界'],
    ['empty', '', ''],
  ])('%s', (_name, text, expected) => {
    expect(toSimplified(text)).toBe(expected);
  });
});

describe('hasTraditional', () => {
  it.each([
    ['traditional-only characters', '這個問題', true],
    ['a character above the basic plane next to simplified text', '𠮷野家', false],
    ['simplified only', '这个问题', false],
    ['characters shared by both scripts', '中国人民', false],
    ['no Chinese at all', 'plain ascii, punctuation!', false],
  ])('%s', (_name, text, expected) => {
    expect(hasTraditional(text)).toBe(expected);
  });
});
