import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/analysis/expression/parser.js';
import type { SearchNode, SearchTerm } from '../../src/analysis/expression/search-tree.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import type { Item, Unit } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import { toTsQuery } from '../../src/storage/dialect/search-postgres.js';
import { toFts5Match } from '../../src/storage/dialect/search-sqlite.js';
import { INSERT_CHUNK_ROWS, KyselyItemRepository } from '../../src/storage/items/repository.js';
import type { ItemFilters, ItemSearch, NewItem, Scope } from '../../src/storage/repositories.js';
import { KyselySourceRepository } from '../../src/storage/sources/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';
import { NOTICES, POSTS, publishedAtOf, type CorpusItem } from './items-corpus.js';

const segmenter = new Segmenter();

describe('search compilers', () => {
  const term = (...tokens: string[]): SearchTerm => ({ type: 'term', tokens });
  it.each<[string, SearchNode, string, string]>([
    ['a token', term('腐败'), '"腐败"', "'腐败'"],
    ['a phrase', term('长江', '大桥'), '"长江 大桥"', "('长江' <-> '大桥')"],
    ['and', { type: 'and', children: [term('a'), term('b')] }, '("a" AND "b")', "('a' & 'b')"],
    ['or', { type: 'or', children: [term('a'), term('b')] }, '("a" OR "b")', "('a' | 'b')"],
    ['except', { type: 'except', include: term('a'), exclude: term('b') }, '("a" NOT "b")', "('a' & !'b')"],
    [
      'near',
      { type: 'near', left: term('a'), right: term('b'), distance: 1 },
      'NEAR("a" "b", 1)',
      "('a' <1> 'b' | 'b' <1> 'a' | 'a' <2> 'b' | 'b' <2> 'a')",
    ],
    ['quotes escaped', term('a"b', "c'd\\"), '"a""b c\'d\\"', "('a\"b' <-> 'c''d\\\\')"],
    ['operator words stay words', term('OR', 'NOT', 'NEAR'), '"OR NOT NEAR"', "('OR' <-> 'NOT' <-> 'NEAR')"],
    ['punctuation tokens dropped', term('!', 'a', '*'), '"a"', "'a'"],
  ])('%s', (_name, node, fts5, tsquery) => {
    expect(toFts5Match(node)).toBe(fts5);
    expect(toTsQuery(node)).toBe(tsquery);
  });

  it('refuses a term with nothing searchable', () => {
    for (const compile of [toFts5Match, toTsQuery]) {
      expect(() => compile(term('"', "'", '*'))).toThrow(
        expect.objectContaining({ code: 'EXPRESSION_SYNTAX' }),
      );
    }
  });
});

describe.each(databaseTargets)('item repository on $name', (target) => {
  let test: TestDatabase;
  let items: KyselyItemRepository;
  let unit: Unit;
  let otherUnit: Unit;
  let sourceId: string;
  const everything: Scope = { unitIds: null };
  let mine: Scope;

  function newItem(item: CorpusItem): NewItem {
    const { hour: _hour, fromSource, otherUnit: elsewhere, ...fields } = item;
    return {
      ...fields,
      unitId: elsewhere ? otherUnit.id : unit.id,
      sourceId: fromSource ? sourceId : null,
      tokens: segmenter.tokensForIndex(`${item.title ?? ''} ${item.content}`),
      contentHash: `hash-${item.id}`,
      publishedAt: publishedAtOf(item, START),
      collectedAt: publishedAtOf(item, START) + 60_000,
    };
  }

  async function search(expression: string | null, extra: Partial<ItemSearch> = {}): Promise<Item[]> {
    const match = expression === null ? null : segmenter.toSearchTree(parseExpression(expression));
    const page = await items.search({
      scope: mine,
      match,
      filters: {},
      sort: 'time',
      page: { limit: 100 },
      ...extra,
    });
    return page.items;
  }

  async function ids(expression: string | null, extra: Partial<ItemSearch> = {}): Promise<string[]> {
    return (await search(expression, extra)).map((item) => item.id).sort();
  }

  async function filtered(filters: ItemFilters, expression: string | null = null): Promise<string[]> {
    return ids(expression, { filters });
  }

  beforeAll(async () => {
    test = await openTestDatabase(target);
    items = new KyselyItemRepository(test.handle.db, test.handle.dialect, test.clock);
    unit = await makeUnit(test, 'office');
    otherUnit = await makeUnit(test, 'elsewhere');
    mine = { unitIds: [unit.id] };
    sourceId = (
      await new KyselySourceRepository(test.handle.db, test.clock).create({
        unitId: unit.id,
        name: '微博',
        kind: 'json',
      })
    ).id;
    const inserted = await items.insertMany([...POSTS, ...NOTICES].map(newItem));
    expect(inserted).toEqual([...POSTS, ...NOTICES].map((item) => item.id));
  });
  afterAll(async () => {
    await test.close();
  });

  it('reads an item back as the domain type', async () => {
    const item = await items.get('edu-fees');
    expect(item).toMatchObject({
      id: 'edu-fees',
      unitId: unit.id,
      sourceId,
      kind: 'post',
      platform: 'weibo',
      title: '苏州市教育局回应学校乱收费问题',
      sentiment: 'negative',
      sentimentScore: null,
      emotion: null,
      emotionScore: null,
      appealDepartment: null,
      categories: ['education'],
      regions: [{ province: '江苏省', city: '苏州市', county: null }],
      appeal: true,
      keywords: [],
      engagement: { likes: 0, comments: 0, reposts: 0, views: 0 },
      publishedAt: START + 3_600_000,
      collectedAt: START + 3_660_000,
      analysedAt: null,
    });
    expect((await items.get('bridge'))?.appeal).toBe(false);
    expect((await items.get('comment'))?.appeal).toBeNull();
    expect(await items.get('elsewhere-corruption', mine)).toBeNull();
    expect((await items.get('elsewhere-corruption', { unitIds: [otherUnit.id] }))?.id).toBe(
      'elsewhere-corruption',
    );
    expect(await items.get('missing')).toBeNull();
  });

  it('counts items in scope', async () => {
    expect(await items.count(mine)).toBe(POSTS.length + NOTICES.length - 1);
    expect(await items.count({ unitIds: [otherUnit.id] })).toBe(1);
    expect(await items.count({ unitIds: [] })).toBe(0);
    expect(await items.count(everything)).toBe(POSTS.length + NOTICES.length);
  });

  it.each([
    ['a single term', '腐败', ['ad', 'official-probe', 'repost', 'trial']],
    ['a short word inside a longer indexed word', '长江', ['bridge']],
    ['a term cut into adjacent tokens', '人大代表建议', ['deputy']],
    ['a quoted phrase', '"空气质量通报"', NOTICES.map((n) => n.id)],
    ['AND', '北京+腐败', ['trial']],
    ['implicit AND', '强拆 补偿', ['demolition']],
    ['OR', '北京|上海', ['metro', 'rainstorm', 'trial']],
    ['except', '腐败-广告', ['official-probe', 'repost', 'trial']],
    ['A + B - C', '(北京|上海)+市民-暴雨', ['metro']],
    ['NEAR', 'NEAR/3(强拆, 村民)', ['comment', 'demolition']],
    ['NEAR with a larger distance', 'NEAR/30(强拆, 村民)', ['comment', 'demolition', 'demolition-later']],
    ['a Latin word', 'flood', ['flood-en']],
    ['a Latin phrase', '"tax reform"', ['tax-en']],
    ['a Latin phrase in the wrong order', '"reform tax"', []],
    ['full-width input', 'ＦＬＯＯＤ｜（暴雨）', ['flood-en', 'rainstorm']],
    ['a word found nowhere', '地震', []],
    ['SQL and engine syntax inside a phrase', '"\'); drop table items; --"', []],
    ['engine operators as words', '"OR" | "NOT" | "NEAR" | AND', []],
  ])('matches %s: %s', async (_name, expression, expected) => {
    expect(await ids(expression)).toEqual([...expected].sort());
  });

  it('keeps the items table intact after hostile input', async () => {
    expect(await items.count(everything)).toBe(POSTS.length + NOTICES.length);
  });

  it.each<[string, ItemFilters, string[]]>([
    [
      'from and to (to exclusive)',
      { from: START + 5 * 3_600_000, to: START + 7 * 3_600_000 },
      ['metro', 'official-probe'],
    ],
    ['sources', { sourceIds: ['missing', 'SOURCE'] }, ['bridge', 'edu-fees']],
    ['kinds', { kinds: ['comment', 'message'] }, ['comment', 'hospital']],
    ['platforms', { platforms: ['board', 'forum'] }, ['comment', 'demolition', 'hospital']],
    ['sentiments', { sentiments: ['positive'] }, ['deputy', 'metro']],
    ['categories', { categories: ['public_safety', 'food_drug'] }, ['accident', 'food']],
    ['categories with LIKE characters', { categories: ['cat_%'] }, ['tricky-json']],
    ['a category that is only a prefix', { categories: ['cat'] }, []],
    ['provinces', { provinces: ['江苏省'] }, ['bridge', 'edu-fees', 'hospital']],
    ['appeal', { appeal: true }, ['demolition', 'edu-fees', 'hospital']],
    ['languages', { languages: ['en'] }, ['flood-en', 'tax-en']],
    ['parent', { parentId: 'demolition' }, ['comment']],
    ['replies only', { originalsOnly: false }, ['comment', 'repost']],
    [
      'filters combined',
      { kinds: ['article'], categories: ['corruption'], sentiments: ['negative'] },
      ['official-probe', 'trial'],
    ],
  ])('filters by %s', async (_name, filters, expected) => {
    const resolved = filters.sourceIds
      ? { ...filters, sourceIds: filters.sourceIds.map((id) => (id === 'SOURCE' ? sourceId : id)) }
      : filters;
    expect(await filtered(resolved)).toEqual(expected);
  });

  it('combines filters with a text match, and empty lists filter nothing', async () => {
    expect(await filtered({ originalsOnly: true }, '腐败')).toEqual(['ad', 'official-probe', 'trial']);
    expect(await filtered({ appeal: false }, '长江|腐败')).toEqual(['bridge']);
    expect(await filtered({ kinds: [], categories: [] }, '腐败')).toEqual([
      'ad',
      'official-probe',
      'repost',
      'trial',
    ]);
  });

  it('keeps other units out of the results', async () => {
    expect(await ids('腐败', { scope: { unitIds: [otherUnit.id] } })).toEqual(['elsewhere-corruption']);
    expect(await ids('腐败', { scope: everything })).toContain('elsewhere-corruption');
    expect(await ids('腐败', { scope: { unitIds: [] } })).toEqual([]);
    expect(await ids(null, { scope: { unitIds: [] } })).toEqual([]);
  });

  it('sorts by time, newest first, ties by insertion order reversed', async () => {
    const listed = await search(null);
    expect(listed).toHaveLength(POSTS.length + NOTICES.length - 1);
    const times = listed.map((item) => item.publishedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const atHour15 = listed
      .filter((item) => item.publishedAt === START + 15 * 3_600_000)
      .map((item) => item.id);
    expect(atHour15).toEqual(['accident', 'repost', 'comment']);
  });

  it('sorts by relevance, most occurrences first', async () => {
    const ranked = await search('腐败', { sort: 'relevance' });
    expect(ranked.map((item) => item.id)[0]).toBe('trial');
    expect(ranked).toHaveLength(4);
  });

  async function everyPage(
    query: Omit<ItemSearch, 'page'>,
    limit: number,
  ): Promise<{ ids: string[]; pages: number }> {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await items.search({ ...query, page: { limit, cursor } });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
      expect(pages).toBeLessThan(100);
    } while (cursor !== null);
    return { ids: seen, pages };
  }

  it.each<[string, string | null, 'time' | 'relevance', number]>([
    ['a listing by time', null, 'time', 4],
    ['a listing in pages that divide it exactly', null, 'time', 19],
    ['a match by time', '通报', 'time', 3],
    ['a match by relevance', '通报|腐败', 'relevance', 2],
    ['relevance without a match (time order)', null, 'relevance', 7],
  ])('pages through %s, each item exactly once in order', async (_name, expression, sort, limit) => {
    const match = expression === null ? null : segmenter.toSearchTree(parseExpression(expression));
    const base = { scope: mine, match, filters: {}, sort };
    const single = await items.search({ ...base, page: { limit: 500 } });
    expect(single.nextCursor).toBeNull();
    const paged = await everyPage(base, limit);
    expect(paged.ids).toEqual(single.items.map((item) => item.id));
    expect(new Set(paged.ids).size).toBe(paged.ids.length);
    expect(paged.pages).toBe(Math.ceil(single.items.length / limit));
    expect(single.items.length).toBeGreaterThan(limit);
  });

  it('refuses malformed cursors and cursors of the other order', async () => {
    const first = await items.search({
      scope: mine,
      match: null,
      filters: {},
      sort: 'time',
      page: { limit: 2 },
    });
    const relevance = {
      scope: mine,
      match: segmenter.toSearchTree(parseExpression('通报')),
      filters: {},
      sort: 'relevance' as const,
    };
    for (const cursor of ['not-a-cursor', Buffer.from('[1]').toString('base64url'), first.nextCursor]) {
      await expect(items.search({ ...relevance, page: { limit: 2, cursor } })).rejects.toSatisfy((e) =>
        isAppError(e, 'BAD_REQUEST'),
      );
    }
  });

  it('reports syntax errors before any SQL runs', () => {
    expect(() => segmenter.toSearchTree(parseExpression('北京+(腐败|'))).toThrow(
      expect.objectContaining({ code: 'EXPRESSION_SYNTAX' }),
    );
    expect(() => segmenter.toSearchTree(parseExpression('"!!!"|"。。"'))).toThrow(
      expect.objectContaining({ code: 'EXPRESSION_SYNTAX' }),
    );
    expect(() => segmenter.toSearchTree(parseExpression('-腐败'))).toThrow(/nothing to include/);
  });

  it('runs raw hostile token trees safely', async () => {
    const hostile: SearchNode = {
      type: 'or',
      children: [
        { type: 'term', tokens: ['"', 'a"b', "c'd", '\\', '*'] },
        { type: 'term', tokens: ['items:', 'NEAR(', ')', '^x'] },
        {
          type: 'near',
          left: { type: 'term', tokens: ["'"] },
          right: { type: 'term', tokens: ['OR'] },
          distance: 2,
        },
      ],
    };
    await expect(
      items.search({ scope: mine, match: hostile, filters: {}, sort: 'relevance', page: { limit: 5 } }),
    ).rejects.toSatisfy((e) => isAppError(e, 'EXPRESSION_SYNTAX'));
    const harmless: SearchNode = { type: 'term', tokens: ['"', 'a"b', "c'd", '\\', '*'] };
    const page = await items.search({
      scope: mine,
      match: harmless,
      filters: {},
      sort: 'relevance',
      page: { limit: 5 },
    });
    expect(page.items).toEqual([]);
  });

  it('stores an analysis and re-indexes the new tokens', async () => {
    expect(await filtered({ analysed: true })).toEqual([]);
    await items.saveAnalysis('food', {
      language: 'zh',
      sentiment: 'negative',
      sentimentScore: -0.8,
      emotion: null,
      emotionScore: null,
      appealDepartment: null,
      categories: ['food_drug', 'consumer'],
      regions: [{ province: '浙江省', city: '杭州市', county: null }],
      appeal: false,
      keywords: ['食品安全', '抽检'],
      simhash: '0123456789abcdef',
      normalizedText: '食品安全抽检结果公布 不合格 奶粉',
      tokens: segmenter.tokensForIndex('食品安全抽检结果公布 不合格 奶粉'),
      analysedAt: START + 99,
    });
    expect(await items.get('food')).toMatchObject({
      sentiment: 'negative',
      sentimentScore: -0.8,
      emotion: null,
      emotionScore: null,
      appealDepartment: null,
      categories: ['food_drug', 'consumer'],
      regions: [{ province: '浙江省', city: '杭州市', county: null }],
      appeal: false,
      keywords: ['食品安全', '抽检'],
      simhash: '0123456789abcdef',
      analysedAt: START + 99,
    });
    expect(await ids('奶粉')).toEqual(['food']);
    expect(await ids('市场监管局')).toEqual([]);
    expect(await filtered({ analysed: true })).toEqual(['food']);
    expect(await filtered({ analysed: false })).not.toContain('food');
    await expect(
      items.saveAnalysis('missing', {
        language: null,
        sentiment: null,
        sentimentScore: null,
        emotion: null,
        emotionScore: null,
        appealDepartment: null,
        categories: [],
        regions: [],
        appeal: null,
        keywords: [],
        simhash: null,
        normalizedText: '',
        tokens: '',
        analysedAt: 1,
      }),
    ).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('inserts many items over several chunks in input order, with empty tokens when none are given', async () => {
    const bulkUnit = await makeUnit(test, 'bulk');
    const count = INSERT_CHUNK_ROWS * 2 + 7;
    const bulk: NewItem[] = Array.from({ length: count }, (_, i) => ({
      unitId: bulkUnit.id,
      kind: 'post',
      content: `批量 ${i}`,
      contentHash: `bulk-${i}`,
      publishedAt: START + i,
      collectedAt: START + i,
      engagement: { likes: i },
    }));
    const inserted = await items.insertMany(bulk);
    expect(inserted).toHaveLength(count);
    expect(new Set(inserted).size).toBe(count);
    const last = await items.get(inserted.at(-1) ?? '');
    expect(last).toMatchObject({
      content: `批量 ${count - 1}`,
      engagement: { likes: count - 1, comments: 0 },
    });
    expect(await items.count({ unitIds: [bulkUnit.id] })).toBe(count);
    expect(await ids('批量', { scope: { unitIds: [bulkUnit.id] } })).toEqual([]);
    expect(await items.insertMany([])).toEqual([]);
  });

  it('inserts nothing when one item of a batch fails', async () => {
    const before = await items.count(everything);
    const good = newItem({ id: 'atomic-good', hour: 1, kind: 'post', content: '好' });
    await expect(
      items.insertMany([good, { ...good, id: 'atomic-bad', unitId: 'missing-unit' }]),
    ).rejects.toThrow();
    expect(await items.count(everything)).toBe(before);
  });
});
