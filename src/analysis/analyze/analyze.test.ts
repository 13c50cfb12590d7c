import { beforeAll, describe, expect, it } from 'vitest';
import { detectAppeal, loadAppealModel } from '../appeal/index.js';
import { categorize, loadBuiltInTaxonomy } from '../categories/index.js';
import { simhashOfText } from '../dedup/index.js';
import { extractKeywords, loadIdfModel } from '../keywords/index.js';
import { normalizeText } from '../normalize/text.js';
import { extractRegions, loadGazetteer } from '../regions/index.js';
import { Segmenter } from '../segment/segmenter.js';
import { analyzeSentiment, loadSentimentModel } from '../sentiment/index.js';
import { analyzeItem, type Analysers } from './analyze.js';
import { KEYWORDS_PER_ITEM, loadAnalysers } from './load.js';

let analysers: Analysers;
let segmenter: Segmenter;

beforeAll(() => {
  analysers = loadAnalysers(new Segmenter());
  segmenter = new Segmenter();
});

describe('analyzeItem', () => {
  it.each([
    ['an appeal', '我家楼下的化工厂每天晚上排放废气，味道刺鼻，恳请环保部门尽快查处！'],
    ['a news item with places', '江苏省苏州市工业园区发生火灾，消防部门已到场处置，目前无人员伤亡。'],
    [
      'a repost with a source line',
      '太吓人了//@成都身边事: 今天上午锦江区春熙路一商场发生火灾\n来源：成都日报',
    ],
    ['traditional and full-width text', '【突發】成都市錦江區春熙路一商場發生火災，ＡＰＰ用戶請注意安全！'],
    ['a corruption report', '某局长涉嫌贪污受贿被立案调查，纪委监委通报称其收受巨额财物'],
    ['English', 'The city government announced new measures for the residents on Friday.'],
    ['empty', ''],
  ])('gives each analyser’s own answer for %s', (_name, text) => {
    const result = analyzeItem({ content: text }, analysers);
    const tokens = segmenter.tokens(text);
    const appeal = detectAppeal(text, loadAppealModel());
    expect(result.normalizedText).toBe(normalizeText(text));
    expect(result.categories).toEqual(categorize(text, tokens, loadBuiltInTaxonomy()));
    expect(result.regions).toEqual(extractRegions(normalizeText(text), loadGazetteer()));
    expect(result.appeal).toBe(appeal.appeal);
    expect(result.appealDepartment).toBe(appeal.department);
    expect(result.keywords).toEqual(extractKeywords(tokens, loadIdfModel(), KEYWORDS_PER_ITEM));
    expect(result.simhash).toBe(simhashOfText(text));
    expect(result.tokens).toBe(segmenter.tokensForIndex(text));
  });

  it.each([
    ['simplified text', '我家楼下的化工厂每天晚上排放废气，味道刺鼻，恳请环保部门尽快查处！'],
    ['capitals, full-width forms and whitespace runs', '  ＡＰＰ太好用了　　Hello  WORLD，非常满意！ '],
    ['traditional characters', '【突發】這家餐廳的服務太差了，非常失望！'],
    ['several lines', '太吓人了\n今天上午春熙路一商场发生火灾\n来源：成都日报'],
  ])('gives the sentiment model’s own answer for %s (handed the normal form it shares)', (_name, text) => {
    const result = analyzeItem({ title: '标题', content: text }, analysers);
    const own = analyzeSentiment(`标题\n${text}`, loadSentimentModel(), segmenter.tokens(`标题\n${text}`));
    expect(result.sentimentScore).toBe(own.score);
    expect(result.emotionScore).toBe(own.emotionScore);
    expect(result.sentiment).toBe(own.label);
  });

  it('reads the title with the content', () => {
    const result = analyzeItem({ title: '江苏省苏州市', content: '工业园区发生火灾' }, analysers);
    expect(result.regions.map((region) => region.city)).toContain('苏州市');
  });
});
