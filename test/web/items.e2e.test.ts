/**
 * The 信息 page end to end in headless Debian Chromium against a real server with searchable items and
 * the real expression parser: search with highlighted hits, a syntax error shown in place with a caret,
 * the item drawer (safe original link, analysis, spread), a sentiment correction that changes the stored
 * item, an incident opened from checked items, a CSV export whose download holds the search's rows, the
 * copies of an original and the way back from a copy, the duplicate/original filter, the shell's unit
 * switcher narrowing the list, and a hostile item whose text, comment and copy run nothing in the drawer —
 * with no console errors. The test run builds web/dist first (vitest global setup).
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseExpression } from '../../src/analysis/expression/index.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import type { incidentDetail, incidentPage } from '../../src/contract/index.js';
import type { ItemFilters } from '../../src/storage/repositories.js';
import { ApiClient } from '../api/harness.js';
import { PASSWORD, seedToken } from '../api/seed.js';
import { CHILD_UNIT, startItemsServer, type ItemsServer } from './seed-items.js';
import { CHROMIUM, haveChromium, launchChromium, collectPageErrors, signIn } from './browser.js';

if (!haveChromium) {
  console.warn(`${CHROMIUM} is missing: the items page browser test is skipped (apt-get install chromium).`);
}

describe.skipIf(!haveChromium)('the 信息 page in Chromium', { timeout: 180_000 }, () => {
  const segmenter = new Segmenter();
  let app: ItemsServer;
  let api: ApiClient;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  /** The ids the server's own search returns for `q`, every page, newest first. */
  async function storedSearch(q: string, filters: ItemFilters = {}): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const found = await app.server.storage.items.search({
        scope: { unitIds: null },
        match: q ? segmenter.toSearchTree(parseExpression(q)) : null,
        filters,
        sort: 'time',
        page: { limit: 200, cursor },
      });
      ids.push(...found.items.map((item) => item.id));
      cursor = found.nextCursor;
    } while (cursor !== null);
    return ids;
  }

  function rowIds(): Promise<(string | undefined)[]> {
    return page.getByTestId('items-row').evaluateAll((rows) => rows.map((row) => row.dataset['id']));
  }

  async function openRow(id: string): Promise<void> {
    await page.locator(`[data-testid="items-row"][data-id="${id}"] [data-testid="items-open"]`).click();
    await page.getByTestId('items-detail').waitFor();
  }

  async function search(q: string): Promise<void> {
    const box = page.getByTestId('items-query').locator('input');
    await box.fill(q);
    await box.press('Enter');
  }

  beforeAll(async () => {
    app = await startItemsServer();
    api = new ApiClient(app.server.baseUrl, (await seedToken(app.server, app.admin)).secret);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    collectPageErrors(page, errors);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('signs in on the items page and lists the newest items', async () => {
    await signIn(page, `${app.server.baseUrl}/items`, PASSWORD, { landing: '[data-testid="items"]' });
    const newest = (await storedSearch('')).slice(0, 50);
    await expect
      .poll(() => page.getByTestId('items-row').evaluateAll((rows) => rows.map((row) => row.dataset['id'])))
      .toEqual(newest);
    expect(await page.getByTestId('items-results').locator('script, img[src="x"]').count()).toBe(0);
  });

  it('searches with an expression and marks the hits', async () => {
    await search('停水-食堂');
    const expected = await storedSearch('停水-食堂');
    expect(expected.length).toBeGreaterThan(3);
    await expect
      .poll(() => page.getByTestId('items-row').evaluateAll((rows) => rows.map((row) => row.dataset['id'])))
      .toEqual(expected);
    const marks = await page.locator('[data-testid="items-row"] mark.fx-hit').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(expected.length);
    expect(new Set(marks)).toEqual(new Set(['停水']));
  });

  it('shows a syntax error in place, with a caret under the position', async () => {
    await search('停水+(食堂|');
    const problem = page.getByTestId('items-syntax-error');
    await problem.waitFor();
    expect(await page.getByTestId('items-syntax-caret').textContent()).toBe(`${' '.repeat(7)}^`);
    expect(await problem.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByTestId('items-row').count()).toBe(0);
    // The refused expression is the one error Chromium logs on purpose here; anything else is a failure.
    expect(errors).toEqual([expect.stringMatching(/status of 400/)]);
    errors.length = 0;
  });

  it('opens an item: text, a safe original link, the analysis and its spread', async () => {
    await search('停水+物业');
    await expect.poll(() => page.getByTestId('items-row').count()).toBeGreaterThan(0);
    await page
      .locator(`[data-testid="items-row"][data-id="${app.postId}"] [data-testid="items-open"]`)
      .click();
    const detail = page.getByTestId('items-detail');
    await detail.waitFor();
    expect(await page.getByTestId('items-detail-content').textContent()).toContain('物业和水务都没有回应');
    const link = page.getByTestId('items-original-link');
    expect(await link.getAttribute('href')).toBe('https://weibo.example.cn/post/1');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await page.getByTestId('items-analysis').textContent()).toContain('愤怒');
    await page.getByRole('tab', { name: '传播关系' }).click();
    await expect.poll(() => page.getByTestId('items-spread').textContent()).toContain('同样停水，楼上也没水');
    await page.getByRole('tab', { name: '分析' }).click();
  });

  it('corrects the sentiment and the stored item changes', async () => {
    expect((await app.server.storage.items.get(app.postId))?.sentiment).toBe('negative');
    const correction = page.getByTestId('items-correct');
    await correction.getByText('正面', { exact: true }).click();
    await correction.getByRole('button', { name: '更正情感' }).click();
    await expect
      .poll(async () => (await app.server.storage.items.get(app.postId))?.sentiment)
      .toBe('positive');
    await expect.poll(() => page.getByTestId('items-detail-sentiment').textContent()).toContain('正面');
    await page.locator('.ant-drawer-close').click();
    await expect
      .poll(() => page.locator(`[data-testid="items-row"][data-id="${app.postId}"]`).textContent())
      .toContain('正面');
  });

  it('opens an incident from the checked items', async () => {
    const rows = page.getByTestId('items-row');
    const ids = await rows.evaluateAll((found) => found.slice(0, 2).map((row) => row.dataset['id'] ?? ''));
    for (const id of ids)
      await page.locator(`[data-testid="items-row"][data-id="${id}"] input[type="checkbox"]`).check();
    await page.getByTestId('items-action-incident').click();
    await page.getByTestId('items-action-title').fill('小区停水处置');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /创\s?建/ })
      .click();
    await page.locator('.ant-message-success').filter({ hasText: '已创建处置事项' }).waitFor();
    const list = await api.get<z.output<typeof incidentPage>>('/api/v1/incidents');
    const created = list.body.items.find((incident) => incident.title === '小区停水处置');
    expect(created).toBeDefined();
    const detail = await api.get<z.output<typeof incidentDetail>>(`/api/v1/incidents/${created?.id}`);
    expect([...detail.body.itemIds].sort()).toEqual([...ids].sort());
  });

  it('exports the results as CSV with progress, holding the search’s rows', async () => {
    await search('停水');
    const expected = await storedSearch('停水');
    await expect.poll(() => page.getByTestId('items-row').count()).toBe(expected.length);
    // A string, not a function: this file compiles without the DOM library.
    await page.evaluate(`
      window.progressSeen = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="items-export-progress"]')) window.progressSeen = true;
      }).observe(document.body, { childList: true, subtree: true });
    `);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('items-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^items-.*\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('编号,发布时间')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(expected);
    await page
      .locator('.ant-message-success')
      .filter({ hasText: `已导出 ${expected.length} 条` })
      .waitFor();
    expect(await page.evaluate('window.progressSeen')).toBe(true);
    const audit = await app.server.storage.audit.list(
      { unitIds: null },
      { action: 'item.export' },
      { limit: 5, cursor: null },
    );
    expect(audit.items[0]?.detail['q']).toBe('停水');
  });

  it('lists the copies of an original and leads from a copy back to it', async () => {
    await search('停水+物业');
    await expect.poll(rowIds).toContain(app.postId);
    await openRow(app.postId);
    expect(await page.getByTestId('items-copy-of').count()).toBe(0);
    await page.getByRole('tab', { name: '传播关系' }).click();
    const copies = page.getByTestId('items-copy');
    await expect
      .poll(() => copies.evaluateAll((rows) => rows.map((row) => row.dataset['id'])))
      .toEqual([app.copyId]);
    expect(await page.getByTestId('items-copies').textContent()).toContain('转载与相似内容（1）');
    await copies.first().locator('button').click();
    const back = page.getByTestId('items-copy-of');
    await expect.poll(() => back.textContent()).toContain('小区停水三天无人管');
    expect(await page.getByTestId('items-detail').textContent()).toContain('搬运号');
    await back.locator('button').click();
    await expect.poll(() => page.getByTestId('items-detail').textContent()).toContain('居民甲');
    expect(await page.getByTestId('items-copy-of').count()).toBe(0);
    await page.locator('.ant-drawer-close').click();
  });

  it('filters to the copies only, and to distinct voices', async () => {
    const filters = page.getByTestId('items-filters');
    const distinct = await storedSearch('停水+物业', { distinctOnly: true });
    expect(distinct).toContain(app.postId);
    await filters.getByText('仅重复', { exact: true }).click();
    await expect.poll(rowIds).toEqual([app.copyId]);
    await filters.getByText('去除重复', { exact: true }).click();
    await expect.poll(rowIds).toEqual(distinct);
    expect(distinct).not.toContain(app.copyId);
    await filters.getByText('全部', { exact: true }).click();
    await expect.poll(rowIds).toEqual(await storedSearch('停水+物业'));
  });

  it('narrows the list to the unit chosen in the shell’s unit switcher', async () => {
    await search('');
    const everyUnit = (await storedSearch('')).slice(0, 50);
    expect(everyUnit).toEqual(expect.arrayContaining(app.child.itemIds));
    await expect.poll(rowIds).toEqual(everyUnit);
    await page.getByRole('combobox', { name: '单位' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: CHILD_UNIT }).click();
    await expect.poll(rowIds).toEqual(app.child.itemIds);
    await page.getByRole('combobox', { name: '单位' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '全部单位' }).click();
    await expect.poll(rowIds).toEqual(everyUnit);
  });

  it('shows a hostile item, its comment and its copy as text in the drawer and runs nothing', async () => {
    await expect.poll(rowIds).toContain(app.xss.id);
    await openRow(app.xss.id);
    const drawer = page.locator('.ant-drawer');
    const unsafe = 'script, img[src="x"], a[href^="javascript"], [onerror], [onmouseover]';
    expect(await page.getByTestId('items-detail-content').textContent()).toContain(
      '<script>window.__xss=2</script>',
    );
    expect(await page.getByTestId('items-original-link').count()).toBe(0);
    await page.getByRole('tab', { name: '传播关系' }).click();
    await expect.poll(() => page.getByTestId('items-copy').count()).toBe(1);
    const spread = await page.getByTestId('items-spread').textContent();
    expect(spread).toContain('评论 测试内容 <img src=x onerror="window.__xss=1">');
    expect(spread).toContain('转载 <script>window.__xss=2</script>恶意标题');
    expect(await drawer.locator(unsafe).count()).toBe(0);
    await page.getByTestId('items-copy').locator('button').click();
    await expect.poll(() => page.getByTestId('items-copy-of').textContent()).toContain('恶意标题');
    expect(await page.getByTestId('items-detail-content').textContent()).toContain('转载 测试内容');
    expect(await drawer.locator(unsafe).count()).toBe(0);
    await page.getByTestId('items-detail-content').getByText('点击', { exact: false }).click();
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    await page.locator('.ant-drawer-close').click();
  });

  it('logged no console errors and no page errors', () => {
    expect(errors).toEqual([]);
  });
});
