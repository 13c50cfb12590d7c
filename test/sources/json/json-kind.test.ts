import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/platform/errors.js';
import { jsonConfigSchema, jsonKind } from '../../../src/sources/json/index.js';
import { startServer, type Answer, type TestServer } from './server.js';
import { testContext, testSource } from './context.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../fixtures/sources/json/${name}`, import.meta.url));

const NEWS_PAGES: Record<string, string> = { '1': 'news-page-1.json', '2': 'news-page-2.json' };
const CURSOR_PAGES: Record<string, string> = { '': 'posts-cursor-1.json', c2: 'posts-cursor-2.json' };

let server: TestServer;
const { context, client } = testContext();

beforeAll(async () => {
  server = await startServer((request): Answer => {
    const json = { 'Content-Type': 'application/json; charset=utf-8' };
    if (request.url.pathname === '/api/news') {
      const name = NEWS_PAGES[request.url.searchParams.get('page') ?? ''] ?? 'news-page-3.json';
      return { headers: json, body: fixture(name) };
    }
    if (request.url.pathname === '/api/posts') {
      const cursor = (JSON.parse(request.body || '{}') as { since_id?: string }).since_id ?? '';
      return { headers: json, body: fixture(CURSOR_PAGES[cursor] ?? 'posts-cursor-1.json') };
    }
    if (request.url.pathname === '/api/static') {
      const fresh = request.headers['if-none-match'] === '"v1"';
      return fresh
        ? { status: 304 }
        : { headers: { ...json, ETag: '"v1"' }, body: fixture('news-page-2.json') };
    }
    if (request.url.pathname === '/api/broken') return { headers: json, body: '{"data": [' };
    return { status: 404 };
  });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

const newsConfig = () =>
  jsonConfigSchema.parse({
    url: `${server.origin}/api/news?size=20`,
    items: '$.data.list',
    fields: {
      id: 'id',
      title: 'title',
      content: 'summary',
      url: 'link',
      author: 'source',
      time: 'pubTime',
      views: 'stats.read',
      likes: 'stats.like',
      comments: 'stats.comment',
      reposts: 'stats.share',
      ipRegion: 'ipLocation',
    },
    kind: 'article',
    pagination: { type: 'page', maxPages: 10 },
  });

describe('json source kind, page paging', () => {
  it('reads every page until an empty one, mapping each field', async () => {
    const source = testSource('json', `${server.origin}/api/news`, 'news-site');
    const result = await jsonKind.collect(context, source, newsConfig(), {});
    const pages = server.requests.filter((r) => r.url.pathname === '/api/news').map((r) => r.url.search);
    expect(pages).toEqual(['?size=20&page=1', '?size=20&page=2', '?size=20&page=3']);
    expect(result.items.map((item) => item.externalId)).toEqual(['880101', '880102', '880098', '880097']);
    expect(result.skipped).toEqual([
      {
        reason: 'the record has neither content nor title',
        where: `${server.origin}/api/news?size=20&page=1 $.data.list[2]`,
      },
    ]);
    expect(result.items[0]).toEqual({
      kind: 'article',
      externalId: '880101',
      url: `${server.origin}/news/880101.html`,
      title: '我区启动老旧小区改造二期工程',
      content: '区住建局消息：二期工程涉及12个小区，预计年底完工。\n居民可拨打12345咨询。',
      author: '区融媒体中心',
      publishedAt: Date.UTC(2024, 4, 3, 4, 0),
      publishedText: null,
      platform: 'news-site',
      ipRegion: '江苏',
      engagement: { likes: 356, comments: 48, reposts: 21, views: 12000 },
    });
    expect(result.items[1]?.publishedAt).toBe(Date.UTC(2024, 4, 3, 1, 30));
    expect(result.items[2]).toMatchObject({ publishedAt: null, publishedText: '昨天 16:40' });
    expect(result.items[3]).toMatchObject({ publishedAt: 1714620000000, engagement: { views: 23000 } });
    expect(result.state.seen).toEqual(['id:880101', 'id:880102', 'id:880098', 'id:880097']);
    expect(result.httpStatus).toBe(200);
  });

  it('stops after the first page when it holds only items seen last time', async () => {
    server.requests.length = 0;
    const source = testSource('json', `${server.origin}/api/news`);
    const state = { seen: ['id:880101', 'id:880102', 'id:880098'] };
    const result = await jsonKind.collect(context, source, newsConfig(), state);
    expect(server.requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1']);
    expect(result.items).toHaveLength(2);
    expect(result.state.seen).toEqual(['id:880101', 'id:880102', 'id:880098']);
  });
});

describe('json source kind, cursor paging', () => {
  it('posts the cursor in the body and follows it until the answer has none', async () => {
    server.requests.length = 0;
    const config = jsonConfigSchema.parse({
      url: `${server.origin}/api/posts`,
      method: 'POST',
      body: { containerid: '100103type=1&q=城市更新' },
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      items: '$.data.cards[*].mblog',
      fields: {
        id: 'mid',
        content: 'text',
        time: 'created_at',
        author: 'user.screen_name',
        likes: 'attitudes_count',
        comments: 'comments_count',
        reposts: 'reposts_count',
      },
      pagination: { type: 'cursor', param: 'since_id', next: '$.data.cardlistInfo.since_id', in: 'body' },
    });
    const result = await jsonKind.collect(context, testSource('json', config.url, 'weibo'), config, {});
    expect(server.requests.map((r) => JSON.parse(r.body) as unknown)).toEqual([
      { containerid: '100103type=1&q=城市更新' },
      { containerid: '100103type=1&q=城市更新', since_id: 'c2' },
    ]);
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(server.requests[0]?.headers['x-requested-with']).toBe('XMLHttpRequest');
    expect(result.items.map((item) => item.externalId)).toEqual([
      '5031234567890123',
      '5031234567890124',
      '5031234567890120',
    ]);
    expect(result.items[0]).toMatchObject({
      kind: 'post',
      content: '家门口的菜市场终于改造好了，干净整洁，点赞！#城市更新#',
      author: '苏州小市民',
      publishedAt: Date.UTC(2024, 4, 3, 4, 0),
      platform: 'weibo',
    });
    expect(result.items[1]?.engagement).toEqual({ likes: 31000, comments: 890, reposts: 402 });
  });
});

describe('json source kind, conditional GET and errors', () => {
  it('answers notModified on a 304 and keeps the validators', async () => {
    const config = jsonConfigSchema.parse({
      url: `${server.origin}/api/static`,
      items: 'data.list',
      fields: { id: 'id', title: 'title', content: 'summary' },
    });
    const source = testSource('json', config.url);
    const first = await jsonKind.collect(context, source, config, {});
    expect(first.items).toHaveLength(2);
    expect(first.state.etag).toBe('"v1"');
    const second = await jsonKind.collect(context, source, config, first.state);
    expect(second).toMatchObject({ notModified: true, items: [], state: first.state, httpStatus: 304 });
  });

  it('fails with PARSE_FAILED naming the URL when the answer is not JSON', async () => {
    const config = jsonConfigSchema.parse({
      url: `${server.origin}/api/broken`,
      items: 'data',
      fields: { content: 'text' },
    });
    const error = await jsonKind
      .collect(context, testSource('json', config.url), config, {})
      .catch((e: unknown) => e);
    expect(isAppError(error, 'PARSE_FAILED')).toBe(true);
    expect((error as Error).message).toContain('/api/broken: the answer is not JSON');
  });

  it.each([
    ['no content or title', { url: 'https://a.cn/api', items: 'data', fields: { id: 'id' } }, 'fields'],
    ['bad path', { url: 'https://a.cn/api', items: 'data[x]', fields: { content: 'c' } }, 'items'],
    ['not http', { url: 'ftp://a.cn/api', items: 'data', fields: { content: 'c' } }, 'url'],
    [
      'body paging with a text body',
      {
        url: 'https://a.cn/api',
        method: 'POST',
        body: 'q=1',
        items: 'd',
        fields: { content: 'c' },
        pagination: { type: 'page', in: 'body' },
      },
      'pagination',
    ],
  ])('refuses a config with %s', (_name, config, path) => {
    const parsed = jsonConfigSchema.safeParse(config);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path[0]).toBe(path);
  });
});
