import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/platform/errors.js';
import { feedConfigSchema, feedKind, parseFeed, prepareFeedXml } from '../../../src/sources/feed/index.js';
import type { HttpClient } from '../../../src/sources/http/index.js';
import {
  startFixtureServer,
  type FixtureResponse,
  type FixtureServer,
} from '../../helpers/fixture-server.js';
import { collectContext, testHttpClient, testSource } from '../page/collect-context.js';

const fixtures = fileURLToPath(new URL('../../fixtures/sources/feed/', import.meta.url));
const read = (name: string): Buffer => readFileSync(fixtures + name);

describe('parseFeed on fixtures', () => {
  it('reads RSS 2.0 with leading junk, HTML entities, bare ampersands and content:encoded', () => {
    const feed = parseFeed(read('rss2.xml'), 'application/rss+xml', {
      url: 'https://news.example.cn/rss.xml',
    });
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('江城日报\u00a0要闻');
    expect(feed.items).toHaveLength(3);
    const [metro, elevator, rain] = feed.items;
    expect(metro).toMatchObject({
      kind: 'article',
      externalId: 'jcrb-20240503-0001',
      url: 'https://news.example.cn/2024/05/03/metro-line5.html',
      title: '市交通局：地铁5号线 6月试运营 & 沿线公交调整',
      author: '记者 王晓明',
      publishedAt: Date.parse('2024-05-03T08:30:00+08:00'),
      publishedText: null,
      images: ['https://news.example.cn/images/2024/line5.jpg', 'https://img.example.cn/line5-cover.jpg'],
    });
    expect(metro?.content).toContain('沿线12条公交线路同步调整');
    expect(metro?.content).toContain('市民可通过“江城出行”查询');
    expect(elevator).toMatchObject({
      url: 'https://news.example.cn/2024/05/03/elevator.html',
      title: '老旧小区加装电梯…居民盼了三年',
      publishedAt: null,
      publishedText: '2024-05-03 10:15:00',
    });
    expect(elevator?.content).toMatch(/今年将加装电梯\s12部/);
    expect(rain).toMatchObject({
      externalId: 'https://news.example.cn/2024/05/03/rain.html',
      publishedAt: Date.parse('2024-05-03T02:00:00Z'),
      content: '市气象台发布暴雨蓝色预警信号。',
    });
  });

  it('reads RSS declared gb2312 in GBK bytes, keeping a Chinese date as text', () => {
    const feed = parseFeed(read('rss2-gbk.xml'), 'text/xml', {
      url: 'http://www.nanzhou.example.cn/rss.xml',
    });
    expect(feed.title).toBe('南州新闻网');
    expect(feed.items[0]).toMatchObject({
      externalId: '1001',
      title: '南州市召开安全生产工作会议',
      content: '会议强调，要压实企业主体责任，开展隐患排查整治。',
      publishedAt: null,
      publishedText: '2024年5月3日 08:30',
    });
  });

  it('reads RSS 1.0 (RDF) with Dublin Core author and date', () => {
    const feed = parseFeed(read('rdf.xml'), 'application/rdf+xml', { url: 'https://blog.example.cn/rss' });
    expect(feed.format).toBe('rdf');
    expect(feed.items).toEqual([
      {
        kind: 'article',
        externalId: 'https://blog.example.cn/posts/42',
        url: 'https://blog.example.cn/posts/42',
        title: '菜市场改造之后，菜价涨了吗？',
        content: '我们走访了三个改造后的菜市场，记录了二十种蔬菜的价格。',
        author: '陈观',
        publishedAt: Date.parse('2024-05-02T21:40:00+08:00'),
        publishedText: null,
        images: [],
      },
    ]);
  });

  it('reads Atom: HTML titles, alternate links, published before updated, summary as fallback', () => {
    const feed = parseFeed(read('atom.xml'), 'application/atom+xml', {
      url: 'https://gov.example.cn/atom.xml',
    });
    expect(feed.format).toBe('atom');
    const [notice, holiday] = feed.items;
    expect(notice).toMatchObject({
      externalId: 'tag:gov.example.cn,2024:notice-318',
      url: 'https://gov.example.cn/notice/318.html',
      title: '关于2024年义务教育招生工作的通知',
      author: '高新区教育局',
      publishedAt: Date.parse('2024-05-03T09:00:00+08:00'),
    });
    expect(notice?.content).toContain('请登录招生平台报名');
    expect(holiday).toMatchObject({
      url: 'https://gov.example.cn/notice/317.html',
      content: '5月1日至5日政务服务中心暂停线下办理，网上办事大厅正常运行。',
      publishedAt: Date.parse('2024-04-28T16:30:00Z'),
      author: null,
    });
  });

  it('reads JSON Feed with images and a zone-less date', () => {
    const feed = parseFeed(read('feed.json'), 'application/feed+json', {
      url: 'https://rexian.example.cn/feed.json',
    });
    expect(feed.format).toBe('json');
    const [weekly, heating] = feed.items;
    expect(weekly).toMatchObject({
      externalId: 'rx-2024-0503-07',
      title: '市民反映小区停车难，街道已协调新增车位',
      content: '本周热线共受理诉求1,236件。',
      author: '12345热线',
      publishedAt: Date.parse('2024-05-03T18:00:00+08:00'),
      images: ['https://rexian.example.cn/img/chart.png', 'https://rexian.example.cn/img/cover.jpg'],
    });
    expect(heating).toMatchObject({ publishedAt: null, publishedText: '2024-05-03 19:00' });
  });

  it('fails with PARSE_FAILED naming the URL when the body is no feed', () => {
    const attempt = (): unknown =>
      parseFeed(Buffer.from('<html><body>维护中</body></html>'), 'text/html', {
        url: 'https://x.example.cn/rss',
      });
    expect(attempt).toThrow(/x\.example\.cn\/rss/);
    try {
      attempt();
    } catch (error) {
      expect(isAppError(error, 'PARSE_FAILED')).toBe(true);
    }
  });
});

describe('prepareFeedXml', () => {
  it.each([
    ['  \n<rss/>', '<rss/>'],
    ['<t>A &nbsp;B</t>', '<t>A &#160;B</t>'],
    ['<t>A & B</t>', '<t>A &amp; B</t>'],
    ['<t>&amp; &lt; &#8220; &#x4e2d;</t>', '<t>&amp; &lt; &#8220; &#x4e2d;</t>'],
    ['<t>&unknownentity; x</t>', '<t>&amp;unknownentity; x</t>'],
    ['<t><![CDATA[a & b &nbsp;]]> &mdash;</t>', '<t><![CDATA[a & b &nbsp;]]> &#8212;</t>'],
  ])('%j → %j', (input, expected) => {
    expect(prepareFeedXml(input)).toBe(expected);
  });
});

describe('feedKind.collect', () => {
  let server: FixtureServer;
  let http: HttpClient;

  beforeAll(async () => {
    server = await startFixtureServer({
      '/rss.xml': (request): FixtureResponse =>
        request.headers['if-none-match'] === '"v1"'
          ? { status: 304, headers: { etag: '"v1"' } }
          : {
              headers: { 'content-type': 'application/rss+xml', etag: '"v1"' },
              body: read('rss2-gbk.xml'),
            },
    });
    http = testHttpClient();
  });
  afterAll(async () => {
    await http.close();
    await server.close();
  });

  it('collects, resolves Chinese dates in the source time zone, then answers notModified on 304', async () => {
    const source = testSource('feed', server.url('/rss.xml'));
    const config = feedConfigSchema.parse({});
    const first = await feedKind.collect(collectContext(http), source, config, {});
    expect(first.notModified).toBe(false);
    expect(first.httpStatus).toBe(200);
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({
      title: '南州市召开安全生产工作会议',
      publishedAt: Date.parse('2024-05-03T08:30:00+08:00'),
      publishedText: '2024年5月3日 08:30',
    });
    expect(first.state['validators']).toEqual({
      [server.url('/rss.xml')]: { etag: '"v1"', lastModified: null },
    });

    const second = await feedKind.collect(collectContext(http), source, config, first.state);
    expect(second).toMatchObject({ notModified: true, items: [], httpStatus: 304 });
    expect(server.count('/rss.xml')).toBe(2);
  });

  it('uses the config url and time zone over the source defaults', async () => {
    const source = testSource('feed', null);
    const config = feedConfigSchema.parse({ url: server.url('/rss.xml'), timeZone: 'UTC' });
    const result = await feedKind.collect(collectContext(http), source, config, {});
    expect(result.items[0]?.publishedAt).toBe(Date.parse('2024-05-03T08:30:00Z'));
  });

  it('refuses a source with no url', async () => {
    const run = feedKind.collect(collectContext(http), testSource('feed', null), {}, {});
    await expect(run).rejects.toMatchObject({ code: 'SOURCE_CONFIG_INVALID' });
  });
});
