/**
 * The console end to end in headless Debian Chromium against a real server with a seeded database: sign
 * in, see the dashboard, generate a daily report and download its DOCX, switch to English, and show that
 * an item carrying script, event-handler and `javascript:` payloads runs nothing — with no console errors.
 * The test run builds web/dist first (vitest global setup).
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_PASSWORD, startConsoleServer, type ConsoleServer } from './console-server.js';
import { CHROMIUM, haveChromium, launchChromium, collectPageErrors } from './browser.js';

const required = process.env['FENGXIANG_TEST_REQUIRE_SERVICES'] === '1';

if (!haveChromium) {
  console.warn(`${CHROMIUM} is missing: the console browser tests are skipped (apt-get install chromium).`);
}

describe('the browser is there when services are required', () => {
  it.runIf(required)('finds Debian chromium', () => {
    expect(haveChromium).toBe(true);
  });
});

describe.skipIf(!haveChromium)('the console in Chromium', { timeout: 180_000 }, () => {
  let app: ConsoleServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startConsoleServer();
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

  it('serves the console with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${app.server.baseUrl}/reports`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<div id="root">');
  });

  it('signs in and shows the dashboard with the seeded items', async () => {
    await page.goto(`${app.server.baseUrl}/`);
    await page.locator('#username').fill('root');
    await page.locator('#password').fill('wrong password!');
    await page.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('.ant-alert-error').textContent()).toMatch(/[\u4e00-\u9fff]/);
    // The refused login is the one error Chromium logs on purpose here; anything else is a failure.
    expect(errors).toEqual([expect.stringMatching(/status of 401/)]);
    errors.length = 0;
    await page.locator('#password').fill(CONSOLE_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('latest-items').waitFor();
    expect(await page.getByTestId('dashboard').textContent()).toContain('总览');
  });

  it('shows the hostile item as text and runs none of its payloads', async () => {
    const list = page.getByTestId('latest-items');
    await expect.poll(() => list.textContent()).toContain('<script>window.__xss=2</script>');
    expect(await list.locator('script, img[src="x"], a[href^="javascript"]').count()).toBe(0);
    await list.getByText('点击', { exact: false }).first().click();
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
  });

  it('generates a daily report, previews it and downloads its DOCX', async () => {
    await page.getByRole('menuitem', { name: '报告' }).click();
    await page.getByTestId('reports').waitFor();
    await page.getByTestId('report-generate').click();
    await page.getByTestId('report-preview').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('report-preview').getAttribute('sandbox')).toBe('');
    expect(await page.getByTestId('report-status').textContent()).toBe('草稿');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-docx').click(),
    ]);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.keyboard.press('Escape');
  });

  it('switches to English and keeps the choice', async () => {
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Reports' }).count()).toBe(1);
    await page.reload();
    await page.getByTestId('reports').waitFor();
    expect(await page.getByRole('tab', { name: 'Schedules' }).count()).toBe(1);
    expect(await page.evaluate('localStorage.getItem("fengxiang.language")')).toBe('en');
  });

  it('opens every area of the navigation', async () => {
    const names = await page.getByRole('menuitem').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(13);
    for (const name of names) {
      await page.getByRole('menuitem', { name }).click();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.ant-result-title').allTextContents(), name).not.toContain('Coming soon');
    }
  });

  it('logged no console errors and no page errors', () => {
    expect(errors).toEqual([]);
  });
});
