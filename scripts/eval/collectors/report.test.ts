/** The collector evaluation end to end on a small data folder written here, and its rendering. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateCollectors, renderCollectors } from '../collectors.js';

const NOW = Date.UTC(2024, 5, 1);

const RSS = `
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>测试频道</title><link>https://news.example.cn/</link>
<item><title>第一条</title><link>https://news.example.cn/2024/0501/a.html</link>
<description>&lt;p&gt;第一条正文&lt;/p&gt;</description><pubDate>Wed, 01 May 2024 08:00:00 +0800</pubDate></item>
<item><title>第二条</title><link>/2024/0502/b.html</link><pubDate>2024-05-02 09:30</pubDate></item>
</channel></rss>`;

const ARTICLE_TEXT = '市里今天召开了新闻发布会，介绍了全年道路改造计划的进展情况。'.repeat(12);

const ARTICLE = `<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>道路改造计划过半_示例新闻</title></head><body>
<div class="info">2024-05-03 08:30 来源：示例日报 作者：张三</div>
<article><h1>道路改造计划过半</h1><p>${ARTICLE_TEXT}</p><p>${ARTICLE_TEXT}</p></article></body></html>`;

const LIST = `<html><head><meta charset="utf-8"></head><body><ul>
<li><a href="/2024/05/03/road.html">道路</a></li><li><a href="/p/12345678">帖子</a></li>
<li><a href="/about/">关于</a></li><li><a href="javascript:void(0)">更多</a></li></ul></body></html>`;

function manifestLine(value: Record<string, unknown>): string {
  return JSON.stringify({
    declared_charset: 'utf-8',
    actual_encoding: 'utf-8',
    charset_mismatch: false,
    ...value,
  });
}

let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fx-eval-collectors-'));
  mkdirSync(join(dir, 'rss-feeds/native'), { recursive: true });
  writeFileSync(join(dir, 'rss-feeds/README.md'), '# not a feed');
  writeFileSync(join(dir, 'rss-feeds/native/good.xml'), RSS);
  writeFileSync(join(dir, 'rss-feeds/native/broken.xml'), '<rss><channel><item>');
  mkdirSync(join(dir, 'html-news-pages/gne/article/demo'), { recursive: true });
  mkdirSync(join(dir, 'html-news-pages/gne/list/demo'), { recursive: true });
  writeFileSync(join(dir, 'html-news-pages/gne/article/demo/1.html'), ARTICLE);
  writeFileSync(join(dir, 'html-news-pages/gne/list/demo/1.html'), LIST);
  const reference = {
    title: '道路改造计划过半',
    author: '张三',
    publish_time: '2024年05月03日 08:30:59',
    content: `${ARTICLE_TEXT}\n${ARTICLE_TEXT}`,
  };
  writeFileSync(
    join(dir, 'html-news-pages/gne/manifest.jsonl'),
    [
      manifestLine({
        file: 'gne/article/demo/1.html',
        kind: 'article',
        site: 'demo',
        declared_charset: 'gb2312',
        charset_mismatch: true,
        gne_extraction: reference,
      }),
      manifestLine({ file: 'gne/list/demo/1.html', kind: 'list', site: 'demo', gne_extraction: null }),
    ].join('\n'),
  );
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('evaluateCollectors', () => {
  it('counts feed entries and reports a feed that does not parse with its error', () => {
    const report = evaluateCollectors(dir, NOW);
    if (report.missing !== null) throw new Error('data reported missing');
    expect(report.feeds.map((row) => row.file)).toEqual(['native/broken.xml', 'native/good.xml']);
    const [broken, good] = report.feeds;
    expect(broken).toMatchObject({ format: null, parsed: 0, inFile: 1 });
    expect(broken?.error).toContain('broken.xml');
    expect(good).toMatchObject({
      format: 'rss',
      inFile: 2,
      parsed: 2,
      withTitle: 2,
      withLink: 2,
      withTime: 2,
      withContent: 1,
      error: null,
    });
    expect(report.feedTotal).toMatchObject({ inFile: 3, parsed: 2, error: '1 file(s) failed' });
  });

  it('compares an article page with its reference and checks the charset over a wrong declaration', () => {
    const report = evaluateCollectors(dir, NOW);
    if (report.missing !== null) throw new Error('data reported missing');
    const total = report.articles.find((row) => row.site === 'total');
    expect(report.articles.map((row) => row.site)).toEqual(['demo', 'total']);
    expect(total).toMatchObject({
      pages: 1,
      charsetRight: { hits: 1, of: 1 },
      mismatchRight: { hits: 1, of: 1 },
      emptyBodies: 0,
      withReference: 1,
      titleExact: { hits: 1, of: 1 },
      timeMatch: { hits: 1, of: 1 },
      authorMatch: { hits: 1, of: 1 },
    });
    expect(total?.titleSimilarity).toBe(1);
    expect(total?.bodyF1Mean).toBeGreaterThan(0.95);
  });

  it('reads list pages with the generic link selector and counts article-like links', () => {
    const report = evaluateCollectors(dir, NOW);
    if (report.missing !== null) throw new Error('data reported missing');
    expect(report.lists).toEqual([
      { file: 'gne/list/demo/1.html', site: 'demo', charsetRight: true, links: 3, articleLinks: 2 },
    ]);
  });

  it('renders the section with one table per collector', () => {
    const text = renderCollectors(evaluateCollectors(dir, NOW)).join('\n');
    expect(text).toContain('## Collectors');
    expect(text).toContain('| `native/good.xml` | rss | 2/2 | 2/2 | 2/2 | 2/2 | 1/2 |  |');
    expect(text).toContain('| **total** | 1 | 1/1 (100.0%) | 0 | 1 | 1/1 (100.0%) | 100.0% |');
    expect(text).toContain('| `gne/list/demo/1.html` | yes | 3 | 2 |');
  });

  it('names the missing data instead of measuring', () => {
    rmSync(join(dir, 'rss-feeds'), { recursive: true });
    const report = evaluateCollectors(dir, NOW);
    expect(report).toEqual({ missing: [join(dir, 'rss-feeds')] });
    expect(renderCollectors(report).join('\n')).toContain(
      `Not measured: the shared data is missing (${join(dir, 'rss-feeds')}`,
    );
  });
});
