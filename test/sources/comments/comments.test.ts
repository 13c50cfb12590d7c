import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commentsConfigSchema,
  commentsKind,
  parseCommentThread,
  threadPageUrl,
} from '../../../src/sources/comments/index.js';
import type { HttpClient } from '../../../src/sources/http/index.js';
import {
  startFixtureServer,
  type FixtureResponse,
  type FixtureServer,
} from '../../helpers/fixture-server.js';
import { NOW, collectContext, testHttpClient, testSource } from '../page/collect-context.js';

const fixtures = fileURLToPath(new URL('../../fixtures/sources/comments/', import.meta.url));
const text = (name: string): string => readFileSync(fixtures + name, 'utf8');
const ARTICLE = 'https://news.example.cn/a/1001.html';
const selectors = {
  item: '.comment-item',
  content: '.c-body',
  author: '.c-user',
  time: '.c-time',
  likes: '.c-like',
  ipRegion: '.c-ip',
  id: 'data-cid',
  replyTo: 'data-reply',
};
const mapping = {
  items: '$.data.comments',
  id: 'id',
  content: 'text',
  author: 'user.name',
  time: 'created_at',
  likes: 'like_count',
  replyTo: 'reply_id',
  ipRegion: 'user.ip_location',
  nextCursor: '$.data.next_cursor',
};

describe('parseCommentThread', () => {
  it('reads an HTML thread with replies, likes, IP regions and relative times', () => {
    const page = parseCommentThread(text('thread-p1.html'), { format: 'html', selectors }, ARTICLE);
    expect(page.nextCursor).toBeNull();
    expect(page.comments).toEqual([
      {
        kind: 'comment',
        externalId: 'c9001',
        content: '早该查了，去年我们小区地下车库淹了好几辆车。',
        author: '江城老王',
        publishedAt: null,
        publishedText: '3分钟前',
        parent: { url: ARTICLE },
        replyToExternalId: null,
        engagement: { likes: 12000 },
        ipRegion: '江苏',
      },
      expect.objectContaining({
        externalId: 'c9002',
        replyToExternalId: 'c9001',
        publishedText: '昨天 14:20',
        engagement: { likes: 35 },
      }),
      expect.objectContaining({
        externalId: 'c9003',
        author: 'rain_walker',
        content: '建议公布检查结果，接受群众监督。\n附：可以在政务网站开个专栏。',
        engagement: { likes: 0 },
        ipRegion: '上海',
      }),
    ]);
    expect(page.comments[1]?.content).toMatch(/^同意楼上，希望这次真能整改到位\s*，别走过场。$/);
  });

  it('reads a JSON thread through the path mapping, with Unix and zoned times and a cursor', () => {
    const first = parseCommentThread(text('api-p1.json'), { format: 'json', mapping }, ARTICLE);
    expect(first.nextCursor).toBe('c-502');
    expect(
      first.comments.map((c) => [c.externalId, c.replyToExternalId, c.author, c.publishedAt, c.engagement]),
    ).toEqual([
      ['501', null, '热心市民张先生', 1714704000000, { likes: 12 }],
      ['502', '501', '街道工作人员', 1714704600000, { likes: 3 }],
    ]);
    expect(first.comments[0]?.ipRegion).toBe('广东');
    const second = parseCommentThread(text('api-p2.json'), { format: 'json', mapping }, ARTICLE);
    expect(second.nextCursor).toBeNull();
    expect(second.comments[0]).toMatchObject({
      content: '希望收费合理一些。',
      publishedAt: Date.parse('2024-05-03T09:00:00+08:00'),
      engagement: { likes: 1024 },
    });
  });

  it.each([
    ['{not json', /is not JSON/],
    ['{"data":{"comments":null}}', /no array at "\$\.data\.comments"/],
  ])('refuses %s with PARSE_FAILED', (body, message) => {
    expect(() => parseCommentThread(body, { format: 'json', mapping }, ARTICLE)).toThrow(message);
  });
});

describe('threadPageUrl', () => {
  it.each([
    [undefined, 1, '', ARTICLE],
    [
      'https://c.example.cn/t?url={articleUrl}&p={page}',
      2,
      '',
      `https://c.example.cn/t?url=${encodeURIComponent(ARTICLE)}&p=2`,
    ],
    ['https://c.example.cn/t?cursor={cursor}', 1, 'c 5', 'https://c.example.cn/t?cursor=c%205'],
  ])('%s page %s cursor %j', (template, page, cursor, expected) => {
    expect(threadPageUrl(template, ARTICLE, page, cursor)).toBe(expected);
  });
});

describe('commentsConfigSchema', () => {
  it.each([
    [{ format: 'html', selectors }, 'articleUrl'],
    [{ articleUrl: ARTICLE, format: 'html' }, 'selectors'],
    [{ articleUrl: ARTICLE, format: 'json' }, 'mapping'],
  ])('refuses %j at %s', (config, path) => {
    const parsed = commentsConfigSchema.safeParse(config);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('fills defaults', () => {
    expect(commentsConfigSchema.parse({ articleUrl: ARTICLE, format: 'json', mapping })).toMatchObject({
      maxPages: 1,
      firstPage: 1,
      freshForHours: 48,
    });
  });
});

describe('commentsKind.collect', () => {
  let server: FixtureServer;
  let http: HttpClient;
  let later = false;
  const json = (name: string): FixtureResponse => ({
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: text(name),
  });

  beforeAll(async () => {
    server = await startFixtureServer({
      '/a/1001.html': { headers: { 'content-type': 'text/html' }, body: text('thread-p1.html') },
      '/thread?page=1': { headers: { 'content-type': 'text/html' }, body: text('thread-p1.html') },
      '/thread?page=2': { headers: { 'content-type': 'text/html' }, body: text('thread-p2.html') },
      '/thread?page=3': { headers: { 'content-type': 'text/html' }, body: text('thread-p3.html') },
      '/api/comments': (request) =>
        request.query.get('cursor') === 'c-502'
          ? json('api-p2.json')
          : json(later ? 'api-p1-later.json' : 'api-p1.json'),
    });
    http = testHttpClient();
  });
  afterAll(async () => {
    await http.close();
    await server.close();
  });

  it('pages an HTML thread by page number until an empty page, resolving relative times', async () => {
    const config = commentsConfigSchema.parse({
      articleUrl: server.url('/a/1001.html'),
      format: 'html',
      urlTemplate: `${server.origin}/thread?page={page}`,
      selectors,
      maxPages: 5,
    });
    const result = await commentsKind.collect(collectContext(http), testSource('comments', null), config, {});
    expect(result.items.map((item) => item.externalId)).toEqual(['c9001', 'c9002', 'c9003', 'c8999']);
    expect(result.items.map((item) => item.publishedAt)).toEqual([
      NOW - 3 * 60_000,
      Date.parse('2024-05-02T14:20:00+08:00'),
      Date.parse('2024-05-03T10:05:00+08:00'),
      Date.parse('2024-05-02T22:10:00+08:00'),
    ]);
    expect(result.items.every((item) => item.parent?.url === server.url('/a/1001.html'))).toBe(true);
    expect(server.count('/thread?page=3')).toBe(1);
    expect(server.count('/thread?page=4')).toBe(0);
  });

  it('reads the thread on the article page itself when there is no template', async () => {
    const config = commentsConfigSchema.parse({
      articleUrl: server.url('/a/1001.html'),
      format: 'html',
      selectors,
    });
    const result = await commentsKind.collect(collectContext(http), testSource('comments', null), config, {});
    expect(result.items).toHaveLength(3);
  });

  it('follows cursors, then returns only new comments while fresh and stops once the article is old', async () => {
    const articleUrl = 'https://rexian.example.cn/weekly/0503-07';
    const config = commentsConfigSchema.parse({
      articles: [articleUrl],
      format: 'json',
      urlTemplate: `${server.origin}/api/comments?url={articleUrl}&cursor={cursor}`,
      mapping,
      maxPages: 5,
      freshForHours: 48,
    });
    const source = testSource('comments', null);
    const first = await commentsKind.collect(collectContext(http), source, config, {});
    expect(first.items.map((item) => item.externalId)).toEqual(['501', '502', '499']);
    expect(first.items[1]).toMatchObject({ parent: { url: articleUrl }, replyToExternalId: '501' });
    expect(first.state['threads']).toMatchObject({
      [articleUrl]: { firstSeenAt: NOW, newestId: '502', newestAt: 1714704600000 },
    });

    later = true;
    const second = await commentsKind.collect(
      collectContext(http, NOW + 3_600_000),
      source,
      config,
      first.state,
    );
    expect(second.items.map((item) => [item.externalId, item.replyToExternalId, item.content])).toEqual([
      ['503', '502', '那收费标准什么时候公布？'],
    ]);
    expect(second.state['threads']).toMatchObject({
      [articleUrl]: { firstSeenAt: NOW, newestId: '503', newestAt: 1714708800000 },
    });

    const requestsBefore = server.requests.length;
    const stale = await commentsKind.collect(
      collectContext(http, NOW + 49 * 3_600_000),
      source,
      config,
      second.state,
    );
    expect(stale.items).toEqual([]);
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('throws the fetch error when every thread fails', async () => {
    const config = commentsConfigSchema.parse({
      articleUrl: server.url('/gone.html'),
      format: 'html',
      selectors,
    });
    const run = commentsKind.collect(collectContext(http), testSource('comments', null), config, {});
    await expect(run).rejects.toMatchObject({ code: 'FETCH_HTTP_STATUS' });
  });
});
