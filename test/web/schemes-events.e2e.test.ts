/**
 * 监测方案 and 事件 end to end in headless Debian Chromium against a real server with seeded posts and
 * an event: build a scheme in the structured form and see the expression follow it, see a syntax error
 * at its position, see the live preview's hits, save the scheme (it is stored with its words) and see the
 * items it matches; open an event's detail and generate a special report on it — with no console errors.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_PASSWORD, startConsoleServer, type ConsoleServer } from './console-server.js';
import { seedSchemes, type SchemeSeed } from './seed-schemes.js';
import { haveChromium, launchChromium, collectPageErrors, signIn } from './browser.js';

const EXPECTED_EXPRESSION = '苏州+金鸡湖+(游船|落水)-演练';

describe.skipIf(!haveChromium)('schemes and events in Chromium', { timeout: 180_000 }, () => {
  let app: ConsoleServer;
  let seed: SchemeSeed;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startConsoleServer({ items: 20 });
    seed = await seedSchemes(app, app.admin.unitId);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    collectPageErrors(page, errors);
    await signIn(page, app.server.baseUrl, CONSOLE_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  async function addWords(group: string, words: string[]): Promise<void> {
    const input = page.getByTestId(`words-${group}`).locator('input');
    for (const word of words) {
      await input.fill(word);
      await input.press('Enter');
    }
  }

  it('builds a scheme in the form and keeps the expression in step', async () => {
    await page.getByRole('menuitem', { name: '监测方案' }).click();
    await page.getByTestId('scheme-table').waitFor();
    await page.getByTestId('scheme-new').click();
    await page.getByTestId('scheme-editor').waitFor();
    await page.getByTestId('scheme-name').fill('金鸡湖游船安全');
    await addWords('regions', ['苏州']);
    await addWords('subjects', ['金鸡湖']);
    await addWords('events', ['游船', '落水']);
    await addWords('excludes', ['演练']);
    expect(await page.getByTestId('scheme-expression').inputValue()).toBe(EXPECTED_EXPRESSION);
  });

  it('shows the live preview with the matching items only', async () => {
    const summary = page.getByTestId('preview-summary');
    await expect
      .poll(() => summary.textContent(), { timeout: 15_000 })
      .toContain(`命中 ${seed.matchingIds.length} 条`);
    const hits = page.getByTestId('preview-hits').locator('.ant-list-item');
    expect(await hits.count()).toBe(seed.matchingIds.length);
    const texts = await hits.allTextContents();
    expect(texts.every((text) => text.includes('金鸡湖') && !text.includes('演练'))).toBe(true);
    expect(await page.getByTestId('preview-hits').locator('mark').first().textContent()).toMatch(
      /苏州|金鸡湖|游船|落水/,
    );
  });

  it('shows a syntax error at its position and rebuilds the expression from the form', async () => {
    const editor = page.getByTestId('scheme-expression');
    await editor.fill('苏州+(金鸡湖');
    await page.getByTestId('syntax-error').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('syntax-caret').locator('.fx-caret-at').textContent()).toBe('␣');
    expect(await page.getByTestId('syntax-error').textContent()).toContain('第 8 个字符');
    // The refused expression is the one error Chromium logs on purpose here; anything else is a failure.
    expect(errors).toEqual([expect.stringMatching(/status of 400/)]);
    errors.length = 0;
    expect(await page.getByTestId('scheme-save').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '按表单重新生成' }).click();
    expect(await editor.inputValue()).toBe(EXPECTED_EXPRESSION);
    await expect.poll(() => page.getByTestId('syntax-error').count(), { timeout: 15_000 }).toBe(0);
  });

  it('saves the scheme and shows the items it matches', async () => {
    await expect.poll(() => page.getByTestId('scheme-save').isDisabled(), { timeout: 15_000 }).toBe(false);
    await page.getByTestId('scheme-save').click();
    await page.waitForURL((url) => /^\/schemes\/(?!new$)[^/]+$/.test(url.pathname));
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const stored = await app.server.storage.schemes.get(id);
    expect(stored).toMatchObject({
      name: '金鸡湖游船安全',
      expression: EXPECTED_EXPRESSION,
      target: 'both',
      words: {
        regions: ['苏州'],
        subjects: ['金鸡湖'],
        people: [],
        events: ['游船', '落水'],
        excludes: ['演练'],
      },
    });
    const preview = page.getByTestId('scheme-preview');
    await expect.poll(() => preview.locator('.ant-card-head-title').textContent()).toBe('匹配信息');
    await expect
      .poll(() => page.getByTestId('preview-hits').locator('.ant-list-item').count(), { timeout: 15_000 })
      .toBe(seed.matchingIds.length);
    await page.getByRole('button', { name: '返回方案列表' }).click();
    await expect.poll(() => page.getByTestId('scheme-table').textContent()).toContain('金鸡湖游船安全');
  });

  it('lists the events with heat, stage and trend, and opens one', async () => {
    await page.getByRole('menuitem', { name: '事件' }).click();
    const table = page.getByTestId('event-table');
    await expect.poll(() => table.textContent()).toContain('苏州金鸡湖游船落水事故');
    await table.getByTestId('sparkline').first().waitFor();
    await table.getByText('苏州金鸡湖游船落水事故', { exact: false }).first().click();
    await page.getByTestId('event-detail').waitFor();
    expect(page.url()).toContain(`/events/${seed.eventId}`);
    const event = await app.server.storage.events.get(seed.eventId);
    expect(await page.getByTestId('event-title').textContent()).toBe(event?.title);
    await page.getByTestId('event-timeline').locator('canvas').first().waitFor();
    expect(await page.getByTestId('event-first').textContent()).toContain('苏州金鸡湖游船落水事故 0');
    const tree = await page.getByTestId('event-spread').locator('.ant-tree-title').allTextContents();
    expect(tree).toEqual([expect.stringMatching(/^媒体0 · /), expect.stringMatching(/^媒体13 · /)]);
    expect(await page.getByTestId('event-regions').textContent()).toContain('江苏省 · 苏州市');
  });

  it('generates a special report on the event and links to it', async () => {
    await page.getByTestId('event-special').click();
    await page.getByTestId('event-special-done').waitFor({ timeout: 60_000 });
    const reports = await app.server.storage.reports.list({ unitIds: null }, {}, { limit: 10, cursor: null });
    expect(reports.items.filter((report) => report.type === 'special')).toHaveLength(1);
    await page.getByTestId('event-special-link').click();
    await page.getByTestId('reports').waitFor();
  });

  it('logged no console errors and no page errors', () => {
    expect(errors).toEqual([]);
  });
});
