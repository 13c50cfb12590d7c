/**
 * The 信息 page on a phone with a large result, in headless Debian Chromium: with about 2,000 matching items
 * the list holds one page at a time (keyset cursor paging), so the rendered rows stay bounded however far
 * the reader goes; next and previous move through exactly the server's own order, and the page never
 * grows wider than the screen — with no console errors.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../api/seed.js';
import { startItemsServer, type ItemsServer } from './seed-items.js';
import { CHROMIUM, haveChromium, launchChromium, collectPageErrors, signIn } from './browser.js';

if (!haveChromium) {
  console.warn(`${CHROMIUM} is missing: the phone items browser test is skipped (apt-get install chromium).`);
}

/** Rows the phone list shows at once (PHONE_PAGE_SIZE in web/src/features/items/api.ts). */
const PHONE_ROWS = 20;
/** The seeded result. */
const BULK = 2_000;

describe.skipIf(!haveChromium)('the 信息 page on a phone', { timeout: 240_000 }, () => {
  let app: ItemsServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let newest: string[];
  const errors: string[] = [];

  const rowIds = (): Promise<(string | undefined)[]> =>
    page.getByTestId('items-row').evaluateAll((rows) => rows.map((row) => row.dataset['id']));

  beforeAll(async () => {
    app = await startItemsServer({ items: BULK });
    const found = await app.server.storage.items.search({
      scope: { unitIds: null },
      match: null,
      filters: {},
      sort: 'time',
      page: { limit: PHONE_ROWS * 4, cursor: null },
    });
    newest = found.items.map((item) => item.id);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    page = await context.newPage();
    collectPageErrors(page, errors);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('signs in and shows the first page only', async () => {
    expect(await app.server.storage.items.count({ unitIds: null })).toBeGreaterThan(BULK);
    await signIn(page, `${app.server.baseUrl}/items`, PASSWORD, { landing: '[data-testid="items"]' });
    await expect.poll(rowIds).toEqual(newest.slice(0, PHONE_ROWS));
    expect(await page.getByTestId('items-count').textContent()).toBe(`第 1 页 · ${PHONE_ROWS} 条`);
    expect(await page.getByTestId('items-previous').isDisabled()).toBe(true);
  });

  it('moves forward and back by cursor, never rendering more than one page', async () => {
    for (let n = 1; n < 4; n += 1) {
      await page.getByTestId('items-next').click();
      await expect.poll(rowIds).toEqual(newest.slice(n * PHONE_ROWS, (n + 1) * PHONE_ROWS));
      expect(await page.getByTestId('items-row').count()).toBeLessThanOrEqual(PHONE_ROWS);
      expect(await page.locator('.fx-result').count()).toBeLessThanOrEqual(PHONE_ROWS);
    }
    expect(await page.getByTestId('items-count').textContent()).toBe(`第 4 页 · ${PHONE_ROWS} 条`);
    await page.getByTestId('items-previous').click();
    await expect.poll(rowIds).toEqual(newest.slice(2 * PHONE_ROWS, 3 * PHONE_ROWS));
    expect(await page.getByTestId('items-count').textContent()).toBe(`第 3 页 · ${PHONE_ROWS} 条`);
  });

  it('starts again at page 1 when the search changes', async () => {
    const box = page.getByTestId('items-query').locator('input');
    await box.fill('停水');
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('items-count').textContent()).toMatch(/^第 1 页/);
    expect(await page.getByTestId('items-row').count()).toBe(PHONE_ROWS);
  });

  it('fits the phone’s width', async () => {
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('logged no console errors and no page errors', () => {
    expect(errors).toEqual([]);
  });
});
