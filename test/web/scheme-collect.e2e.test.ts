/**
 * "Create a scheme and see matching items after a fixture feed is collected", end to end in headless Debian
 * Chromium: a real server (real expression parser and jieba search) and a real RSS feed served on
 * 127.0.0.1. In the console: add a source for the feed on 信息源, build a scheme with the form on 监测方案,
 * press 立即采集 — the queued collect job runs on the server's own job queue, as a worker would, over the
 * real HTTP client and the collect pipeline — then open 信息 filtered by the scheme and see exactly the
 * collected items it matches, not the others. No console errors.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import type { ProcessHandle } from '../../src/jobs/queue.js';
import { collectSource, type CollectDeps } from '../../src/pipeline/collect/run.js';
import { createLogger } from '../../src/platform/logger.js';
import { createHttpClient } from '../../src/sources/http/index.js';
import { builtInKinds } from '../../src/sources/registry.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { PASSWORD } from '../api/seed.js';
import { startItemsServer, type ItemsServer } from './seed-items.js';
import { CHROMIUM, haveChromium, launchChromium, collectPageErrors, signIn } from './browser.js';

if (!haveChromium) {
  console.warn(
    `${CHROMIUM} is missing: the scheme → collect browser test is skipped (apt-get install chromium).`,
  );
}

const ALL = { unitIds: null };
const SOURCE = '苏州水务新闻';
const SCHEME = '苏州河道清淤';
/** Titles the scheme 苏州 + 清淤 must find, and titles it must not (one word of the two missing). */
const MATCHING = ['苏州吴中区启动河道清淤工程', '苏州清淤工程进展顺利'];
const OTHERS = ['苏州木渎镇新增公交线路', '无锡启动河道清淤工程'];

/** An RSS feed of the four articles, published in the last hours. */
function feed(now: number): string {
  const entries = [...MATCHING, ...OTHERS].map((title, n) => {
    const at = new Date(now - (n + 1) * 3_600_000).toUTCString();
    return `<item><guid>sz-${n}</guid><title>${title}</title>
<link>https://sz.example.cn/news/${n}.html</link>
<description><![CDATA[<p>${title}。记者从有关部门获悉相关情况。</p>]]></description>
<pubDate>${at}</pubDate></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${SOURCE}</title><link>https://sz.example.cn/</link>
${entries.join('\n')}
</channel></rss>`;
}

describe.skipIf(!haveChromium)('a scheme finds the items of a collected feed', { timeout: 240_000 }, () => {
  let app: ItemsServer;
  let fixtures: FixtureServer;
  let worker: ProcessHandle;
  let closeHttp: () => Promise<void>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const collected: string[] = [];
  const errors: string[] = [];

  /** Runs the server's collect jobs with the collect pipeline, as `fengxiang worker` does. */
  function startCollectWorker(): ProcessHandle {
    const http = createHttpClient({
      allowPrivate: true,
      perHostMinIntervalMs: 0,
      retries: 0,
      clock: app.server.clock,
    });
    closeHttp = () => http.close();
    const deps: CollectDeps = {
      storage: app.server.storage,
      http,
      kinds: builtInKinds(),
      segmenter: new Segmenter(),
      analysers: null,
      clock: app.server.clock,
      logger: createLogger('silent'),
      random: () => 0.5,
      settings: { defaultTimeZone: 'Asia/Shanghai', failingAfter: 3, author: { mode: 'plain', key: '' } },
    };
    return app.server.queue.process('collect', async (job) => {
      const payload = job.payload as { sourceId: string };
      const report = await collectSource(deps, payload.sourceId, job.signal);
      collected.push(...report.inserted);
    });
  }

  async function addWords(group: string, words: string[]): Promise<void> {
    const input = page.getByTestId(`words-${group}`).locator('input');
    for (const word of words) {
      await input.fill(word);
      await input.press('Enter');
    }
  }

  const rowTitles = (): Promise<string[]> =>
    page.getByTestId('items-row').locator('[data-testid="items-open"]').allTextContents();

  beforeAll(async () => {
    app = await startItemsServer({ items: 12 });
    fixtures = await startFixtureServer({
      '/news.xml': {
        headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
        body: feed(Date.now()),
      },
    });
    worker = startCollectWorker();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    collectPageErrors(page, errors);
    await signIn(page, app.server.baseUrl, PASSWORD);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await worker?.stop();
    await closeHttp?.();
    await fixtures?.close();
    await app?.close();
  });

  it('adds a source for the feed', async () => {
    await page.getByRole('menuitem', { name: '信息源' }).click();
    await page.getByTestId('sources').waitFor();
    await page.getByTestId('source-add').click();
    await page.locator('#source_name').fill(SOURCE);
    await page.locator('#source_url').fill(fixtures.url('/news.xml'));
    await page.getByTestId('source-save').click();
    await expect.poll(() => page.getByTestId('source-table').textContent()).toContain(SOURCE);
    const sources = await app.server.storage.sources.list(ALL, {}, { limit: 10, cursor: null });
    expect(sources.items.map((source) => source.name)).toEqual([SOURCE]);
    expect(fixtures.count('/news.xml')).toBe(0);
  });

  it('builds a scheme with the form and saves it', async () => {
    await page.getByRole('menuitem', { name: '监测方案' }).click();
    await page.getByTestId('scheme-table').waitFor();
    await page.getByTestId('scheme-new').click();
    await page.getByTestId('scheme-editor').waitFor();
    await page.getByTestId('scheme-name').fill(SCHEME);
    await addWords('regions', ['苏州']);
    await addWords('events', ['清淤']);
    await expect.poll(() => page.getByTestId('scheme-expression').inputValue()).toBe('苏州+清淤');
    await expect.poll(() => page.getByTestId('scheme-save').isDisabled(), { timeout: 15_000 }).toBe(false);
    await page.getByTestId('scheme-save').click();
    await page.waitForURL((url) => /^\/schemes\/(?!new$)[^/]+$/.test(url.pathname));
    const schemes = await app.server.storage.schemes.list(ALL, {}, { limit: 10, cursor: null });
    expect(schemes.items.map((scheme) => scheme.name)).toEqual([SCHEME]);
  });

  it('collects the feed now from the source’s menu', async () => {
    await page.getByRole('menuitem', { name: '信息源' }).click();
    const row = page.getByTestId('source-table').locator('tr').filter({ hasText: SOURCE });
    await row.getByRole('button', { name: '更多' }).click();
    // The queue's answer is awaited rather than its toast, which a slow machine may show and hide unseen.
    const queued = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && /\/api\/v1\/sources\/[^/]+\/fetch$/.test(response.url()),
    );
    await page.getByRole('menuitem', { name: '立即采集' }).click();
    expect((await queued).ok()).toBe(true);
    await expect.poll(() => collected.length, { timeout: 30_000 }).toBe(MATCHING.length + OTHERS.length);
    expect(fixtures.count('/news.xml')).toBe(1);
  });

  it('shows on 信息, filtered by the scheme, the collected items it matches and no others', async () => {
    await page
      .getByRole('menuitem')
      .filter({ hasText: /^信息$/ })
      .click();
    await page.getByTestId('items').waitFor();
    await page.getByTestId('items-filters').locator('.ant-select').filter({ hasText: '监测方案' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: SCHEME }).click();
    await expect.poll(rowTitles).toEqual(MATCHING);
    const rows = await page
      .getByTestId('items-row')
      .evaluateAll((found) => found.map((row) => row.dataset['id'] ?? ''));
    expect(collected).toEqual(expect.arrayContaining(rows));
    expect(await page.locator('[data-testid="items-row"] mark.fx-hit').allTextContents()).toEqual(
      expect.arrayContaining(['苏州', '清淤']),
    );
  });

  it('logged no console errors and no page errors', () => {
    expect(errors).toEqual([]);
  });
});
