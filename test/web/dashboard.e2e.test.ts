/**
 * The dashboard and the big screen (大屏) in headless Debian Chromium against a seeded server: the panels
 * show the server's figures (item totals, the seeded keyword in the word cloud, the seeded alert), the
 * China map draws the seeded provinces, platforms carry their names (微博, Weibo in English), the page
 * marks itself `data-ready`; the big screen opens with a display token and no login, rotates its panel
 * sets (the map among them), picks up a new item on its next refresh, and refuses a revoked token; the
 * alerts page shows an alert raised while it is open — with no console errors.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../api/harness.js';
import { seedToken } from '../api/seed.js';
import { rangeOf } from '../../web/src/features/dashboard/aggregate.js';
import { CONSOLE_PASSWORD, startConsoleServer, type ConsoleServer } from './console-server.js';
import {
  DASHBOARD_ALERT_TITLE,
  LIVE_ALERT_TITLE,
  liveAlertOf,
  seedDashboard,
  TOP_KEYWORD,
} from './seed-dashboard.js';
import { haveChromium, launchChromium, collectPageErrors, signIn } from './browser.js';

describe.skipIf(!haveChromium)('the dashboard and the big screen in Chromium', { timeout: 180_000 }, () => {
  let app: ConsoleServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: ApiClient;
  const errors: string[] = [];
  /** Names the URL of a missing file (the console error alone does not). */
  const collectNotFound = (target: Page): void => {
    target.on('response', (response) => {
      if (response.status() === 404) errors.push(`404 ${response.url()}`);
    });
  };

  beforeAll(async () => {
    app = await startConsoleServer();
    await seedDashboard(app);
    admin = new ApiClient(app.server.baseUrl, (await seedToken(app.server, app.admin)).secret);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    collectPageErrors(page, errors);
    collectNotFound(page);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('shows the server figures of the week on every panel', async () => {
    await signIn(page, `${app.server.baseUrl}/`, CONSOLE_PASSWORD, {
      landing: '[data-testid="dashboard"][data-ready="true"]',
    });
    await page.getByText('近7天').click();
    const range = rangeOf('week', new Date());
    const totals = await app.server.storage.reportData.itemTotals({
      unitIds: null,
      from: range.from.getTime(),
      to: app.server.clock.now() + 60_000,
    });
    const total = page.getByTestId('figure-total').locator('.ant-statistic-content-value');
    await expect.poll(() => total.textContent()).toBe(totals.value.total.toLocaleString('en-US'));
    const negative = page.getByTestId('figure-negative').locator('.ant-statistic-content-value');
    await expect.poll(() => negative.textContent()).toBe(totals.value.negative.toLocaleString('en-US'));
    const cloud = page.getByTestId('word-cloud');
    const biggest = await cloud
      .locator('span', { hasText: TOP_KEYWORD })
      .evaluate((span) => span.style.fontSize);
    const smaller = await cloud.locator('span', { hasText: '小区' }).evaluate((span) => span.style.fontSize);
    expect(Number.parseInt(biggest, 10)).toBeGreaterThan(Number.parseInt(smaller, 10));
    expect(await page.getByTestId('latest-alerts').textContent()).toContain(DASHBOARD_ALERT_TITLE);
    expect(await page.getByTestId('province-ranking').locator('canvas').count()).toBe(1);
    await page.getByTestId('latest-items').waitFor();
  });

  it('draws the China map with the provinces that have items, and names platforms', async () => {
    const map = page.getByTestId('china-map');
    await map.locator('canvas').waitFor();
    // The seed puts 3 of its items in 北京市 (the sample items of the console server name no 北京).
    await expect.poll(() => map.getAttribute('data-regions')).toContain('北京:3');
    expect(await map.getAttribute('data-regions')).toMatch(/(^|\|)江苏:\d+/);
    const ring = page.getByTestId('platform-ring');
    const names = async () => (await ring.getAttribute('data-platforms'))?.split('|') ?? [];
    expect(await names()).toEqual(expect.arrayContaining(['微博', '微信', '新闻网站']));
    expect(await names()).not.toContain('weibo');
    await page.getByTestId('language-switch').click();
    await expect.poll(names).toEqual(expect.arrayContaining(['Weibo', 'WeChat', 'News sites']));
    await page.getByTestId('language-switch').click();
    await expect.poll(names).toContain('微博');
  });

  it('lays the dashboard out on a phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-testid="dashboard"][data-ready="true"]').waitFor();
    // Charts resize on their ResizeObserver, a moment after the viewport changes.
    await expect
      .poll(() => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'))
      .toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('opens the big screen with a display token, without a login, and rotates its panels', async () => {
    const created = await admin.post<{ secret: string; screenPath: string; id: string }>(
      '/api/v1/display-tokens',
      { name: '指挥中心大屏' },
    );
    expect(created.status).toBe(201);
    const wall = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const screen = await wall.newPage();
    collectPageErrors(screen, errors);
    collectNotFound(screen);
    await screen.goto(`${app.server.baseUrl}${created.body.screenPath}&rotate=5`);
    await screen.locator('[data-testid="bigscreen"][data-ready="true"]').waitFor();
    expect(await screen.locator('#username').count()).toBe(0);
    const totals = await app.server.storage.reportData.itemTotals({
      unitIds: null,
      from: rangeOf('today', new Date()).from.getTime(),
      to: app.server.clock.now() + 60_000,
    });
    await expect
      .poll(() => screen.getByTestId('screen-figure-total').locator('.value').textContent())
      .toBe(totals.value.total.toLocaleString());
    expect(await screen.getByTestId('bigscreen').getAttribute('data-set')).toBe('0');
    await expect
      .poll(() => screen.getByTestId('bigscreen').getAttribute('data-set'), { timeout: 10_000 })
      .toBe('1');
    await screen.getByTestId('china-map').locator('canvas').waitFor();
    expect(await screen.getByTestId('screen-province-ranking').textContent()).toContain('江苏省');
    await expect
      .poll(() => screen.getByTestId('bigscreen').getAttribute('data-set'), { timeout: 10_000 })
      .toBe('2');
    expect(await screen.getByTestId('word-cloud').textContent()).toContain(TOP_KEYWORD);
    await expect
      .poll(() => screen.getByTestId('bigscreen').getAttribute('data-set'), { timeout: 10_000 })
      .toBe('3');
    expect(await screen.getByTestId('screen-alert-list').textContent()).toContain(DASHBOARD_ALERT_TITLE);
    await wall.close();

    expect((await admin.request('DELETE', `/api/v1/tokens/${created.body.id}`)).status).toBe(200);
    const revoked = await browser.newContext();
    const refused = await revoked.newPage();
    await refused.goto(`${app.server.baseUrl}${created.body.screenPath}`);
    await expect.poll(() => refused.getByTestId('screen-notice').textContent()).toContain('显示令牌无效');
    await revoked.close();
  });

  it('shows an item stored after the big screen opened on its next refresh', async () => {
    const created = await admin.post<{ screenPath: string }>('/api/v1/display-tokens', { name: '值班室' });
    const wall = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const screen = await wall.newPage();
    collectPageErrors(screen, errors);
    await screen.goto(`${app.server.baseUrl}${created.body.screenPath}&refresh=5`);
    const total = screen.getByTestId('screen-figure-total').locator('.value');
    await total.waitFor();
    const before = Number((await total.textContent())?.replace(/,/g, ''));
    await seedDashboard(app, 1, 'late');
    await expect.poll(() => total.textContent(), { timeout: 15_000 }).toBe((before + 1).toLocaleString());
    await wall.close();
  });

  it('lists an alert raised while the alerts page is open, without a reload', async () => {
    await page.goto(`${app.server.baseUrl}/alerts`);
    await page.getByTestId('alert-row').first().waitFor();
    const rows = await page.getByTestId('alert-row').count();
    await page.evaluate('window.__notReloaded = true');
    const { storage, clock } = app.server;
    const record = await storage.alerts.insert(liveAlertOf(app.admin.unitId, clock.now()));
    app.bus.publish({ alert: record, deliveryId: `live-${record.id}` });
    const first = page.getByTestId('alert-row').first();
    await expect.poll(() => first.getAttribute('data-alert-id')).toBe(record.id);
    expect(await first.textContent()).toContain(LIVE_ALERT_TITLE);
    expect(await page.getByTestId('alert-row').count()).toBe(rows + 1);
    expect(await page.evaluate('window.__notReloaded')).toBe(true);
    await expect.poll(() => page.getByTestId('alert-badge').textContent()).toContain('1');
  });

  it('logged no console errors and no page errors', () => {
    expect(errors).toEqual([]);
  });
});
