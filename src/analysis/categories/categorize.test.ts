import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { Segmenter } from '../segment/segmenter.js';
import { categorize, explainCategories } from './categorize.js';
import { compileCustomCategories, withCustomCategories } from './custom.js';
import { loadBuiltInTaxonomy } from './load.js';
import { compileTaxonomy, parseTaxonomyFile, type Taxonomy } from './taxonomy.js';

let taxonomy: Taxonomy;
let segmenter: Segmenter;

beforeAll(() => {
  taxonomy = loadBuiltInTaxonomy();
  segmenter = new Segmenter();
});

function tags(text: string, using: Taxonomy = taxonomy): string[] {
  return categorize(text, segmenter.tokens(text), using);
}

describe('categorize with the built-in taxonomy', () => {
  it('loads every key of DESIGN.md §5', () => {
    expect(taxonomy.keys).toEqual([
      'corruption',
      'wealth_gap',
      'finance',
      'public_safety',
      'environment',
      'food_drug',
      'education',
      'healthcare',
      'housing',
      'labor',
      'traffic',
      'law_enforcement',
      'disaster',
      'gov_service',
      'consumer',
    ]);
  });

  it.each<[string, string, string[]]>([
    ['a strong term alone', '某县原县长收受贿赂被开除党籍', ['corruption']],
    ['stock market news', '沪指收盘下跌1.2%，创业板指跌逾2%', ['finance']],
    [
      'multi-label: school canteen poisoning',
      '学校食堂发生集体食物中毒，30余名学生腹泻',
      ['food_drug', 'education'],
    ],
    [
      'multi-label: unpaid wages reported to the police',
      '包工头拖欠工资后失联，工人报警后警方已立案',
      ['labor', 'law_enforcement'],
    ],
    ['multi-label: flood closes the metro', '暴雨导致地铁站进水，多条线路停运', ['traffic', 'disaster']],
    ['full-width letters are normalised', 'ＰＭ２.５浓度超过300，连续三天重度雾霾', ['environment']],
    ['a whole-token term (贪)', '村民怀疑修路的钱被村支书贪了', ['corruption', 'traffic']],
    ['two weak terms together reach the threshold', '这家超市卖的猪肉味道不对', ['food_drug']],
  ])('%s', (_name, text, expected) => {
    expect(tags(text)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['sports', '国足客场0比2不敌对手，出线形势不妙', []],
    ['老师傅 is not a teacher', '老师傅手艺精湛，修表四十年', []],
    ['交通银行 is a bank name, not traffic', '交通银行发布年度社会责任报告', ['finance']],
    ['防腐木 is not corruption', '这家防腐木地板质量不错，装修可以考虑', []],
    ['股市地震 is market news, not an earthquake', '一则消息引发股市地震', ['finance']],
    ['one weak term alone is not enough', '周末带孩子去动物园看熊猫', []],
    ['empty text', '', []],
  ])('look-alikes: %s', (_name, text, expected) => {
    expect(tags(text)).toEqual(expected);
  });

  it('explains a tag by its terms and score', () => {
    const explained = explainCategories('某化工厂发生爆炸，造成3人死亡', [], taxonomy);
    const safety = explained.find((entry) => entry.key === 'public_safety');
    expect(safety?.score).toBeGreaterThanOrEqual(safety?.threshold ?? Infinity);
    expect(safety?.hits).toEqual(expect.arrayContaining([{ term: '爆炸', kind: 'strong' }]));
  });
});

describe('taxonomy files', () => {
  const base = {
    version: 1,
    weights: { strong: 2, weak: 1, exclude: -3 },
    threshold: 2,
    categories: {
      tea: { zh: '茶', en: 'Tea', strong: ['龙井'], weak: ['绿茶', '=茶'], exclude: ['茶几'] },
    },
  };

  it.each<[string, string, string[]]>([
    ['a strong term', '明前龙井上市', ['tea']],
    ['a weak term and a whole-token weak term', '绿茶 和 茶', ['tea']],
    ['a weak term inside another word does not count as a token', '绿茶奶茶', []],
    ['an exclusion cancels the key', '龙井放在茶几上', []],
  ])('%s', (_name, text, expected) => {
    const small = compileTaxonomy(parseTaxonomyFile(base, 'test'));
    expect(tags(text, small)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['a missing threshold', { ...base, threshold: undefined }],
    ['a bad key', { ...base, categories: { 'Bad Key': base.categories.tea } }],
    ['not an object', 'taxonomy'],
  ])('rejects %s as CONFIG_INVALID naming the file', (_name, value) => {
    expect(() => parseTaxonomyFile(value, 'custom.json')).toThrow(/taxonomy custom\.json/);
    try {
      parseTaxonomyFile(value, 'custom.json');
    } catch (error) {
      expect(isAppError(error, 'CONFIG_INVALID')).toBe(true);
    }
  });
});

describe('office-defined categories', () => {
  it.each<[string, string, string[]]>([
    ['matches its expression', '我市高铁站周边出租车拒载严重', ['traffic', 'hsr_station']],
    ['respects the except part', '高铁站出租车旁新开了一家书店', ['traffic']],
    ['is matched on normalised text', 'ＨＳＲ 高铁站 出租车 拒载', ['traffic', 'hsr_station']],
  ])('%s', (_name, text, expected) => {
    const custom = compileCustomCategories([
      { key: 'hsr_station', expression: '高铁站 + (出租车 | 拒载 | 黑车) - 书店' },
    ]);
    expect(tags(text, withCustomCategories(taxonomy, custom))).toEqual(expected);
  });

  it('keeps definition order and allows Chinese keys', () => {
    const custom = compileCustomCategories([
      { key: '校园', expression: '学校' },
      { key: 'school', expression: '学校|校园' },
    ]);
    expect(tags('学校门口', withCustomCategories(taxonomy, custom))).toEqual(['education', '校园', 'school']);
  });

  it.each<[string, Array<{ key: string; expression: string }>, string, RegExp]>([
    [
      'a syntax error names the category and position',
      [{ key: 'x', expression: '高铁站 + (' }],
      'EXPRESSION_SYNTAX',
      /custom category "x".*position/,
    ],
    ['an empty key', [{ key: '', expression: '高铁' }], 'VALIDATION_FAILED', /custom category 1/],
    [
      'a key defined twice',
      [
        { key: 'a', expression: 'x' },
        { key: 'a', expression: 'y' },
      ],
      'VALIDATION_FAILED',
      /defined twice/,
    ],
  ])('rejects %s', (_name, definitions, code, message) => {
    let caught: unknown;
    try {
      compileCustomCategories(definitions);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(message);
    expect(isAppError(caught) ? caught.code : null).toBe(code);
  });

  it('rejects a custom key that repeats a built-in key', () => {
    const custom = compileCustomCategories([{ key: 'finance', expression: '银行' }]);
    expect(() => withCustomCategories(taxonomy, custom)).toThrow(/same key as a built-in/);
  });
});
