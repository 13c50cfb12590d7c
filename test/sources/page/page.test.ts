import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../src/sources/http/index.js';
import { decodeBody } from '../../../src/sources/encoding/index.js';
import {
  extractArticle,
  pageConfigSchema,
  pageKind,
  parseListPage,
} from '../../../src/sources/page/index.js';
import {
  startFixtureServer,
  type FixtureResponse,
  type FixtureServer,
} from '../../helpers/fixture-server.js';
import { collectContext, testHttpClient, testSource } from './collect-context.js';

const fixtures = fileURLToPath(new URL('../../fixtures/sources/page/', import.meta.url));
const read = (name: string): Buffer => readFileSync(fixtures + name);
const html = (name: string, contentType = 'text/html'): FixtureResponse => ({
  headers: { 'content-type': contentType },
  body: read(name),
});
const selectors = { item: 'li.news-item', link: 'a', time: '.date', summary: '.summary', nextPage: 'a.next' };

describe('parseListPage', () => {
  it('reads entries, times, summaries and the next page, skipping javascript: links', () => {
    const { text } = decodeBody(read('list-utf8.html'), 'text/html');
    const page = parseListPage(text, 'https://news.example.cn/list.html', selectors);
    expect(page.nextUrl).toBe('https://news.example.cn/list-2.html');
    expect(page.entries).toEqual([
      {
        url: 'https://news.example.cn/a/1001.html',
        title: '我市启动汛期安全大检查',
        summary: '全市将开展为期一个月的汛期安全大检查。',
        publishedAt: null,
        publishedText: '2024-05-03 08:30',
      },
      {
        url: 'https://news.example.cn/a/1002.html',
        title: '江城日报：老旧小区改造进度过半',
        summary: '今年计划改造的86个老旧小区已完工45个。',
        publishedAt: null,
        publishedText: '05-03 09:15',
      },
    ]);
  });

  it('reads a GBK list page declared gb2312', () => {
    const { text } = decodeBody(read('list-gbk.html'), 'text/html');
    const page = parseListPage(text, 'http://www.nanzhou.example.cn/news/', { item: 'li', link: 'a' });
    expect(page.entries.map((entry) => [entry.url, entry.title])).toEqual([
      ['http://www.nanzhou.example.cn/news/g/2001.html', '南州市召开安全生产工作会议'],
    ]);
    expect(page.nextUrl).toBeNull();
  });
});

describe('extractArticle', () => {
  it.each([
    [
      'a/1001.html',
      'text/html',
      '我市启动汛期安全大检查',
      '王晓明',
      '2024-05-03T08:30:00+08:00',
      null,
      '重点检查河道堤防',
    ],
    [
      'a/1002.html',
      'text/html',
      '老旧小区改造进度过半',
      '李娜',
      null,
      '2024-05-03 09:15',
      '已有45个完成主体工程',
    ],
    [
      'a/1003.html',
      'text/html',
      '市民热线反映夜间施工噪音扰民',
      '张伟',
      null,
      '2024年5月2日 17:40',
      '责令立即停工',
    ],
    [
      'a/1004.html',
      'text/html; charset=utf-8',
      '五一假期全市接待游客创新高',
      '孙芳',
      null,
      '2024-05-01 10:00:00',
      '同比增长18.6%',
    ],
    [
      'g/2001.html',
      'text/html',
      '南州市召开安全生产工作会议',
      '刘强',
      '2024-05-03T10:00:00+08:00',
      null,
      '朱镕基时期',
    ],
  ])('%s', (file, contentType, title, author, zoned, publishedText, excerpt) => {
    const { text } = decodeBody(read(file), contentType);
    const article = extractArticle(text, `https://news.example.cn/${file}`);
    expect(article.title).toBe(title);
    expect(article.author).toBe(author);
    expect(article.publishedAt).toBe(zoned === null ? null : Date.parse(zoned));
    expect(article.publishedText).toBe(publishedText);
    expect(article.content).toContain(excerpt);
    expect(article.content).not.toMatch(/版权所有|相关新闻|首页/);
  });

  it('keeps the article images as absolute URLs', () => {
    const { text } = decodeBody(read('a/1001.html'), 'text/html');
    expect(extractArticle(text, 'https://news.example.cn/a/1001.html').images).toEqual([
      'https://news.example.cn/img/2024/0503/flood-check.jpg',
    ]);
  });
});

describe('pageKind.collect', () => {
  let server: FixtureServer;
  let http: HttpClient;
  let listVersion = 'v1';

  beforeAll(async () => {
    server = await startFixtureServer({
      '/list.html': (request): FixtureResponse =>
        request.headers['if-none-match'] === `"${listVersion}"`
          ? { status: 304 }
          : {
              headers: { 'content-type': 'text/html', etag: `"${listVersion}"` },
              body: read('list-utf8.html'),
            },
      '/list-2.html': html('list-2.html', 'text/html; charset=utf-8'),
      '/a/1001.html': html('a/1001.html', 'text/html; charset=utf-8'),
      '/a/1002.html': html('a/1002.html'),
      '/a/1003.html': html('a/1003.html'),
      '/a/1004.html': html('a/1004.html', 'text/html; charset=utf-8'),
      '/news/list.html': html('list-gbk.html'),
      '/news/g/2001.html': html('g/2001.html', 'text/html; charset=gbk'),
    });
    http = testHttpClient();
  });
  afterAll(async () => {
    await http.close();
    await server.close();
  });

  it('walks two list pages and extracts UTF-8, GBK and mismatched-charset articles', async () => {
    const config = pageConfigSchema.parse({ ...selectors, maxPages: 3 });
    const result = await pageKind.collect(
      collectContext(http),
      testSource('page', server.url('/list.html')),
      config,
      {},
    );
    expect(result.notModified).toBe(false);
    expect(result.skipped).toEqual([]);
    expect(result.items.map((item) => [item.url, item.title, item.author, item.publishedAt])).toEqual([
      [
        server.url('/a/1001.html'),
        '我市启动汛期安全大检查',
        '王晓明',
        Date.parse('2024-05-03T08:30:00+08:00'),
      ],
      [server.url('/a/1002.html'), '老旧小区改造进度过半', '李娜', Date.parse('2024-05-03T09:15:00+08:00')],
      [
        server.url('/a/1003.html'),
        '市民热线反映夜间施工噪音扰民',
        '张伟',
        Date.parse('2024-05-02T17:40:00+08:00'),
      ],
      [
        server.url('/a/1004.html'),
        '五一假期全市接待游客创新高',
        '孙芳',
        Date.parse('2024-05-01T10:00:00+08:00'),
      ],
    ]);
    expect(result.items[1]?.content).toContain('雨污管网重新铺设');
    expect(result.items[3]?.content).toContain('古城墙、湿地公园');
    expect(result.state['seenUrls']).toHaveLength(4);

    const again = await pageKind.collect(
      collectContext(http),
      testSource('page', server.url('/list.html')),
      config,
      result.state,
    );
    expect(again).toMatchObject({ notModified: true, items: [], httpStatus: 304 });
    expect(server.count('/a/1001.html')).toBe(1);

    listVersion = 'v2';
    const changed = await pageKind.collect(
      collectContext(http),
      testSource('page', server.url('/list.html')),
      config,
      again.state,
    );
    expect(changed.notModified).toBe(false);
    expect(changed.items).toEqual([]);
    expect(server.count('/a/1001.html')).toBe(1);
    expect(server.count('/list-2.html')).toBe(2);
  });

  it('stops at maxPages and maxArticles', async () => {
    const config = pageConfigSchema.parse({
      ...selectors,
      listUrl: server.url('/list.html'),
      maxArticles: 1,
    });
    const result = await pageKind.collect(collectContext(http), testSource('page', null), config, {});
    expect(result.items.map((item) => item.url)).toEqual([server.url('/a/1001.html')]);
    expect(result.state['seenUrls']).toEqual([server.url('/a/1001.html')]);
  });

  it('reads a GBK list and GBK article', async () => {
    const config = pageConfigSchema.parse({ item: 'li.news-item', link: 'a', time: '.date' });
    const result = await pageKind.collect(
      collectContext(http),
      testSource('page', server.url('/news/list.html')),
      config,
      {},
    );
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({
      title: '南州市召开安全生产工作会议',
      author: '刘强',
      publishedAt: Date.parse('2024-05-03T10:00:00+08:00'),
    });
  });

  it('builds items from the list alone when fetchArticles is off, resolving list times', async () => {
    const config = pageConfigSchema.parse({ ...selectors, fetchArticles: false });
    const before = server.count('/a/1002.html');
    const result = await pageKind.collect(
      collectContext(http),
      testSource('page', server.url('/list-2.html')),
      config,
      {},
    );
    expect(result.items).toEqual([
      expect.objectContaining({
        title: '市民热线反映夜间施工噪音扰民',
        content: '城管部门已约谈施工单位。',
        publishedAt: Date.parse('2024-05-02T17:40:00+08:00'),
      }),
      expect.objectContaining({ title: '五一假期全市接待游客创新高', publishedText: '2024-05-01' }),
    ]);
    expect(server.count('/a/1002.html')).toBe(before);
  });

  it('reports an article page that fails and falls back to the list entry, retrying it next time', async () => {
    server.set({ '/broken/list.html': html('list-2.html'), '/a/1003.html': { status: 404 } });
    const config = pageConfigSchema.parse(selectors);
    const result = await pageKind.collect(
      collectContext(http),
      testSource('page', server.url('/broken/list.html')),
      config,
      {},
    );
    expect(result.skipped).toEqual([expect.objectContaining({ where: server.url('/a/1003.html') })]);
    expect(result.items[0]).toMatchObject({
      title: '市民热线反映夜间施工噪音扰民',
      content: '城管部门已约谈施工单位。',
    });
    expect(result.state['seenUrls']).toEqual([server.url('/a/1004.html')]);
  });

  it('refuses maxPages over 10', () => {
    expect(pageConfigSchema.safeParse({ ...selectors, maxPages: 11 }).success).toBe(false);
  });
});
