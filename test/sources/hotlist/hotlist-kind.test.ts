import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotlistConfigSchema, hotlistKind } from '../../../src/sources/hotlist/index.js';
import { NOW, testContext, testSource } from '../json/context.js';
import { startServer, type Answer, type TestServer } from '../json/server.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../fixtures/sources/hotlist/${name}`, import.meta.url));

let server: TestServer;
const { context, client } = testContext();

beforeAll(async () => {
  server = await startServer((request): Answer => {
    if (request.url.pathname === '/ajax/side/hotSearch') {
      if (request.headers['if-none-match'] === '"hs-1"') return { status: 304 };
      return {
        headers: { 'Content-Type': 'application/json', ETag: '"hs-1"' },
        body: fixture('realtime.json'),
      };
    }
    if (request.url.pathname === '/board/hot.html') {
      const gbk = iconv.encode(fixture('board.html').toString('utf8'), 'gbk');
      return { headers: { 'Content-Type': 'text/html' }, body: gbk };
    }
    return { status: 404 };
  });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

describe('hotlist from JSON', () => {
  const config = () =>
    hotlistConfigSchema.parse({
      format: 'json',
      url: `${server.origin}/ajax/side/hotSearch`,
      items: '$.data.realtime',
      fields: { title: 'word', url: 'scheme', heat: 'num', rank: 'realpos' },
    });

  it('returns ranked entries and searchable hot items', async () => {
    const result = await hotlistKind.collect(
      context,
      testSource('hotlist', config().url, 'weibo'),
      config(),
      {},
    );
    expect(result.hotEntries).toEqual([
      {
        rank: 1,
        title: '#五一假期景区人从众#',
        url: `${server.origin}/weibo?q=%23%E4%BA%94%E4%B8%80%E5%81%87%E6%9C%9F%E6%99%AF%E5%8C%BA%E4%BA%BA%E4%BB%8E%E4%BC%97%23`,
        heat: 4521368,
      },
      {
        rank: 2,
        title: '多地发布暴雨预警',
        url: expect.stringContaining('/weibo?q=') as string,
        heat: 3025000,
      },
      {
        rank: 3,
        title: '苏州地铁5号线延误',
        url: expect.stringMatching(/^https:\/\/s\.weibo\.example\//u) as string,
        heat: 987654,
      },
      { rank: 4, title: '高考报名时间公布', url: expect.stringContaining('/weibo?q=') as string, heat: null },
    ]);
    expect(result.skipped).toEqual([{ reason: 'the row has no title', where: `${config().url} #4` }]);
    expect(result.items[0]).toEqual({
      kind: 'hot',
      externalId: 'hot:五一假期景区人从众',
      url: result.hotEntries?.[0]?.url,
      title: '#五一假期景区人从众#',
      content: '#五一假期景区人从众#',
      publishedAt: NOW,
      platform: 'weibo',
      engagement: { views: 4521368 },
    });
    expect(result.items[3]?.engagement).toBeUndefined();
    expect(result.state).toEqual({ etag: '"hs-1"', lastModified: null });
  });

  it('answers notModified when the list did not change', async () => {
    const result = await hotlistKind.collect(context, testSource('hotlist', config().url), config(), {
      etag: '"hs-1"',
    });
    expect(result).toMatchObject({ notModified: true, items: [], httpStatus: 304 });
  });
});

describe('hotlist from HTML', () => {
  it('reads a GBK page by selectors, ranking unranked rows by position', async () => {
    const config = hotlistConfigSchema.parse({
      format: 'html',
      url: `${server.origin}/board/hot.html`,
      selectors: { item: 'table.hot-board tbody tr', title: 'td.topic a', heat: 'td.heat', rank: 'td.rank' },
    });
    const result = await hotlistKind.collect(context, testSource('hotlist', config.url, 'bbs'), config, {});
    expect(result.hotEntries).toEqual([
      { rank: 1, title: '关于五一假期文明出行的倡议', url: `${server.origin}/thread/1001.html`, heat: null },
      { rank: 1, title: '城东片区停水何时恢复？', url: `${server.origin}/thread/1024.html`, heat: 126000 },
      { rank: 2, title: '新建小学划片范围公示', url: `${server.origin}/board/thread/1031.html`, heat: 8956 },
      { rank: 3, title: '#夜市烟火气回来了#', url: 'https://bbs.example.cn/thread/1040.html', heat: null },
    ]);
    expect(result.skipped).toHaveLength(1);
    expect(result.items.map((item) => item.kind)).toEqual(['hot', 'hot', 'hot', 'hot']);
  });

  it('refuses a config without selectors, naming the field', () => {
    const parsed = hotlistConfigSchema.safeParse({
      format: 'html',
      url: 'https://bbs.example.cn/hot',
      selectors: { item: 'li' },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['selectors', 'title']);
  });
});
