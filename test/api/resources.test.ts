/**
 * Resource behaviour through the API: item search with the real expression parser and jieba
 * segmentation (filters, sort, paging, syntax errors), source and scheme CRUD with paging, and audit
 * filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseExpression } from '../../src/analysis/expression/index.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import type {
  auditPage,
  item,
  itemPage,
  scheme,
  schemePage,
  source,
  sourcePage,
} from '../../src/contract/index.js';
import type { NewItem } from '../../src/storage/repositories.js';
import { sqliteTarget } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken } from './seed.js';

const segmenter = new Segmenter();
let server: TestServer;
let api: ApiClient;
let unitId: string;
const HOUR = 3_600_000;

function newItem(overrides: Partial<NewItem> & { content: string }, index: number): NewItem {
  return {
    unitId,
    kind: 'post',
    contentHash: `hash-${index}`,
    tokens: segmenter.tokensForIndex(`${overrides.title ?? ''} ${overrides.content}`),
    publishedAt: Date.UTC(2024, 4, 1) + index * HOUR,
    collectedAt: Date.UTC(2024, 4, 2),
    ...overrides,
  };
}

beforeAll(async () => {
  server = await startServer(sqliteTarget, {
    parseSearchQuery: (q) => segmenter.toSearchTree(parseExpression(q)),
  });
  const root = await seedRoot(server);
  unitId = root.unit.id;
  api = new ApiClient(server.baseUrl, (await seedToken(server, root.user)).secret);
  await server.storage.items.insertMany(
    [
      newItem(
        { content: '苏州市地铁施工导致道路塌陷，市民投诉', platform: 'weibo', sentiment: 'negative' },
        0,
      ),
      newItem({ content: '苏州工业园区举办招聘会，岗位充足', platform: 'news', sentiment: 'positive' }, 1),
      newItem({ content: '南京地铁新线开通，市民点赞', platform: 'weibo', sentiment: 'positive' }, 2),
      newItem({ content: '地铁站附近道路塌陷后已修复', platform: 'forum', kind: 'comment' }, 3),
      newItem({ content: 'Suzhou metro construction news in English', platform: 'news', language: 'en' }, 4),
    ].map((entry) => entry),
  );
}, 60_000);

afterAll(async () => {
  await server.close();
});

type ItemView = z.output<typeof item>;
const contents = (items: ItemView[]): string[] => items.map((entry) => entry.content);

describe('GET /items', () => {
  it('finds items by a Chinese expression with AND, OR and NOT', async () => {
    const both = await api.get<z.output<typeof itemPage>>(
      `/api/v1/items?q=${encodeURIComponent('地铁+塌陷')}`,
    );
    expect(both.status).toBe(200);
    expect(contents(both.body.items).sort()).toEqual(
      ['地铁站附近道路塌陷后已修复', '苏州市地铁施工导致道路塌陷，市民投诉'].sort(),
    );
    const except = await api.get<z.output<typeof itemPage>>(
      `/api/v1/items?q=${encodeURIComponent('(苏州|南京)+地铁-塌陷')}`,
    );
    expect(contents(except.body.items)).toEqual(['南京地铁新线开通，市民点赞']);
  });

  it('applies filters: platform, kind, sentiment, time range, language', async () => {
    const weibo = await api.get<z.output<typeof itemPage>>('/api/v1/items?platform=weibo&sentiment=negative');
    expect(contents(weibo.body.items)).toEqual(['苏州市地铁施工导致道路塌陷，市民投诉']);
    const comments = await api.get<z.output<typeof itemPage>>('/api/v1/items?kind=comment');
    expect(contents(comments.body.items)).toEqual(['地铁站附近道路塌陷后已修复']);
    const from = encodeURIComponent('2024-05-01T09:30:00+08:00');
    const to = encodeURIComponent('2024-05-01T11:30:00+08:00');
    const window = await api.get<z.output<typeof itemPage>>(`/api/v1/items?from=${from}&to=${to}`);
    expect(window.status).toBe(200);
    expect(window.body.items.map((entry) => entry.publishedAt).sort()).toEqual([
      '2024-05-01T02:00:00.000Z',
      '2024-05-01T03:00:00.000Z',
    ]);
    const english = await api.get<z.output<typeof itemPage>>('/api/v1/items?language=en');
    expect(contents(english.body.items)).toEqual(['Suzhou metro construction news in English']);
  });

  it('pages newest first with a cursor and no repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await api.get<z.output<typeof itemPage>>(`/api/v1/items?limit=2${query}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((entry) => entry.publishedAt));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('answers EXPRESSION_SYNTAX with the position from the real parser', async () => {
    const response = await api.get(`/api/v1/items?q=${encodeURIComponent('地铁+(塌陷|')}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('EXPRESSION_SYNTAX');
    expect(response.body.error.details['position']).toBe(7);
  });

  it('returns a single item and 404 for an unknown one', async () => {
    const list = await api.get<z.output<typeof itemPage>>('/api/v1/items?limit=1');
    const first = list.body.items[0];
    expect(first).toBeDefined();
    const one = await api.get<ItemView>(`/api/v1/items/${first?.id}`);
    expect(one.status).toBe(200);
    expect(one.body.content).toBe(first?.content);
    expect((await api.get('/api/v1/items/nope')).status).toBe(404);
  });
});

describe('sources and schemes', () => {
  it('creates, pages, changes and deletes sources, auditing each change', async () => {
    const created: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await api.post<z.output<typeof source>>('/api/v1/sources', {
        name: `来源 ${i}`,
        kind: 'feed',
        url: `https://news${i}.example.cn/rss`,
        tier: 'local',
        intervalSeconds: 600,
      });
      expect(response.status).toBe(201);
      created.push(response.body.id);
      server.clock.advance(1000);
    }
    const first = await api.get<z.output<typeof sourcePage>>('/api/v1/sources?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await api.get<z.output<typeof sourcePage>>(
      `/api/v1/sources?limit=2&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
    );
    expect([...first.body.items, ...second.body.items].map((entry) => entry.id)).toEqual(
      [...created].reverse(),
    );

    const changed = await api.patch<z.output<typeof source>>(`/api/v1/sources/${created[0]}`, {
      enabled: false,
    });
    expect(changed.body.enabled).toBe(false);
    const disabled = await api.get<z.output<typeof sourcePage>>('/api/v1/sources?enabled=false');
    expect(disabled.body.items.map((entry) => entry.id)).toEqual([created[0]]);
    expect((await api.delete(`/api/v1/sources/${created[1]}`)).status).toBe(200);
    expect((await api.get(`/api/v1/sources/${created[1]}`)).status).toBe(404);

    const audit = await api.get<z.output<typeof auditPage>>(`/api/v1/audit?targetId=${created[0]}`);
    expect(audit.body.items.map((entry) => entry.action)).toEqual(['source.update', 'source.create']);
    expect(audit.body.items[0]?.detail).toEqual({ fields: ['enabled'] });
  });

  it('validates scheme expressions on create and update and keeps the old one on error', async () => {
    const created = await api.post<z.output<typeof scheme>>('/api/v1/schemes', {
      name: '地铁施工',
      expression: '苏州+地铁+(塌陷|投诉)',
      target: 'both',
    });
    expect(created.status).toBe(201);
    expect(created.body.createdBy).not.toBeNull();
    const broken = await api.patch(`/api/v1/schemes/${created.body.id}`, { expression: '苏州+' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('EXPRESSION_SYNTAX');
    expect(typeof broken.body.error.details['position']).toBe('number');
    const stored = await api.get<z.output<typeof scheme>>(`/api/v1/schemes/${created.body.id}`);
    expect(stored.body.expression).toBe('苏州+地铁+(塌陷|投诉)');
    const list = await api.get<z.output<typeof schemePage>>('/api/v1/schemes?enabled=true');
    expect(list.body.items.map((entry) => entry.id)).toContain(created.body.id);
    expect((await api.delete(`/api/v1/schemes/${created.body.id}`)).status).toBe(200);
    expect((await api.get(`/api/v1/schemes/${created.body.id}`)).status).toBe(404);
  });
});
