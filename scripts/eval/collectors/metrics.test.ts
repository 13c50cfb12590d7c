/** The evaluation's own small pieces: text metrics, the entry-element count and the article-link test. */
import { describe, expect, it } from 'vitest';
import { countEntryElements } from './feeds.js';
import { isArticleLike } from './lists.js';
import { bigramF1, charSimilarity, comparable, mean, median, titleForm } from './metrics.js';

describe('bigramF1', () => {
  it.each([
    ['identical text', '今天天气很好', '今天天气很好', 1],
    ['both empty', '', '', 1],
    ['ours empty', '', '今天天气', 0],
    ['reference empty', '今天天气', '', 0],
    ['no shared bigram', '甲乙丙', '丁戊己', 0],
    ['whitespace and full-width ignored', '今天 天气\nＡＢ', '今天天气AB', 1],
    // ours 今天,天天,天气 (3) vs reference 今天,天天,天气,气好 (4): P 1, R 3/4, F1 6/7
    ['one missing bigram', '今天天气', '今天天气好', 6 / 7],
    // repeated bigrams count as a multiset: ours 哈哈×3 vs 哈哈×1 → P 1/3, R 1, F1 1/2
    ['repeats counted once each', '哈哈哈哈', '哈哈', 0.5],
    ['single characters', '好', '好', 1],
  ])('%s', (_name, candidate, reference, expected) => {
    expect(bigramF1(candidate, reference)).toBeCloseTo(expected, 10);
  });
});

describe('charSimilarity', () => {
  it.each([
    ['same', '华为抢跑5G', '华为抢跑5G', 1],
    ['both empty', '', '', 1],
    ['one substitution in four', '甲乙丙丁', '甲乙丙戊', 0.75],
    ['truncated to half', '多地项目', '多地项目连环爆雷', 0.5],
    ['disjoint', 'ab', 'cd', 0],
    ['full-width folded', 'ＡＢＣ', 'ABC', 1],
  ])('%s', (_name, a, b, expected) => {
    expect(charSimilarity(a, b)).toBeCloseTo(expected, 10);
  });
});

describe('comparable and titleForm', () => {
  it.each([
    [' 多地 项目\n', '多地项目', '多地 项目'],
    ['ＡＢ\u3000C', 'ABC', 'AB C'],
    ['60万"12306账号"', '60万"12306账号"', '60万"12306账号"'],
  ])('%j', (text, compared, title) => {
    expect(comparable(text)).toBe(compared);
    expect(titleForm(text)).toBe(title);
  });
});

describe('mean and median', () => {
  it.each([
    [[], null, null],
    [[0.5], 0.5, 0.5],
    [[1, 0, 0.5], 0.5, 0.5],
    [[0.2, 1, 0.4, 0.6], 0.55, 0.5],
  ])('%j', (values, expectedMean, expectedMedian) => {
    const got = { mean: mean(values), median: median(values) };
    expect(got.mean === null ? null : Number(got.mean.toFixed(10))).toBe(expectedMean);
    expect(got.median === null ? null : Number(got.median.toFixed(10))).toBe(expectedMedian);
  });
});

describe('countEntryElements', () => {
  it.each([
    ['<rss><channel><item><title>a</title></item><item>b</item></channel></rss>', 2],
    ['<feed><entry xml:lang="zh"/><entry>x</entry></feed>', 2],
    ['<items><itemref/><entryPoint/></items>', 0],
    ['<item\n  rdf:about="x"></item>', 1],
  ])('%j has %i', (text, expected) => {
    expect(countEntryElements(text)).toBe(expected);
  });
});

describe('isArticleLike', () => {
  it.each([
    ['https://news.163.com/19/0907/13/EOSGK8MF0001899O.html', true],
    ['https://news.example.cn/a/ABCDEF12.html', false],
    ['https://tieba.baidu.com/p/6254852453', true],
    ['http://finance.people.com.cn/n1/2019/0907/c1004-31341208.html', true],
    ['https://example.com/2024/05/03/story/', true],
    ['https://example.com/news/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isArticleLike(url)).toBe(expected);
  });
});
