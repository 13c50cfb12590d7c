/**
 * The 预警 and 处置 pages end to end in headless Debian Chromium against a real server: the inbox filtered
 * by level, an alert's evidence (statistic against baseline and threshold, the rule's version, the top
 * items with no `javascript:` link), acknowledging it and opening an incident from it, then moving the
 * incident to closed through verification and a statement that is drafted, submitted, approved and
 * published — checking the server's records after every step — and both pages at phone width, with no
 * console errors. The test run builds web/dist first (vitest global setup). Screenshots of both pages (desktop
 * and phone) are written to FENGXIANG_SCREENSHOT_DIR when it is set.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_PASSWORD, startConsoleServer, type ConsoleServer } from './console-server.js';
import { seedAlert, type SeededAlert } from './seed-alerts.js';
import { CHROMIUM, haveChromium, launchChromium, collectPageErrors, signIn } from './browser.js';

const SHOTS = process.env['FENGXIANG_SCREENSHOT_DIR'];

if (!haveChromium) {
  console.warn(
    `${CHROMIUM} is missing: the alerts and incidents browser test is skipped (apt-get install chromium).`,
  );
}

describe.skipIf(!haveChromium)('the 预警 and 处置 pages in Chromium', { timeout: 180_000 }, () => {
  let app: ConsoleServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let orange: SeededAlert;
  let red: SeededAlert;
  let incidentId = '';
  const errors: string[] = [];

  const storage = () => app.server.storage;
  const incident = async () => {
    const found = await storage().incidents.get(incidentId);
    if (!found) throw new Error(`incident ${incidentId} is not stored`);
    return found;
  };
  const responses = () => storage().incidentResponses.listFor(incidentId);
  const detail = () => page.getByTestId('incident-detail');
  const shot = async (target: Page, name: string): Promise<void> => {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    await target.waitForTimeout(600); // drawers and toasts finish their animations
    await target.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  /** Clicks an incident action and confirms its Popconfirm. */
  const act = async (testId: string): Promise<void> => {
    await detail().getByTestId(testId).click();
    await page
      .locator('.ant-popconfirm')
      .last()
      .getByRole('button', { name: /开始|转入/ })
      .click();
  };
  const stateShown = (state: string) =>
    expect.poll(() => detail().getAttribute('data-incident-state'), { timeout: 10_000 }).toBe(state);

  beforeAll(async () => {
    app = await startConsoleServer({ items: 20 });
    orange = await seedAlert(app, { level: 'orange', tag: 'orange' });
    app.server.clock.advance(1_000);
    red = await seedAlert(app, { level: 'red', tag: 'red', title: '化工园区异味投诉集中出现' });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    collectPageErrors(page, errors);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('signs in and shows the inbox newest first, filtered by level', async () => {
    await signIn(page, app.server.baseUrl, CONSOLE_PASSWORD);
    await page.getByRole('menuitem', { name: '预警' }).click();
    await page.getByTestId('alerts').waitFor();
    const rows = page.getByTestId('alert-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-alert-id')).toBe(red.alert.id);
    await page.getByTestId('alert-level-filter').getByText('橙色').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-alert-id')).toBe(orange.alert.id);
    await page.getByTestId('alert-level-filter').getByText('全部级别').click();
    await expect.poll(() => rows.count()).toBe(2);
    await shot(page, 'alerts-desktop');
  });

  it('shows the evidence of an alert with its rule version and no unsafe link', async () => {
    await page.locator(`[data-alert-id="${orange.alert.id}"]`).locator('.fx-alert-title').click();
    const drawer = page.getByTestId('alert-detail');
    await drawer.waitFor();
    const figures = await drawer.getByTestId('alert-figures').textContent();
    expect(figures).toContain('negative_volume');
    expect(figures).toContain('42');
    expect(figures).toContain('6.5');
    expect(figures).toContain('20');
    expect(await drawer.getByTestId('alert-rule').textContent()).toBe(
      `${orange.rule.id} · 第 ${orange.rule.version} 版`,
    );
    expect(await drawer.getByTestId('alert-reasons').textContent()).toContain('超过阈值 20');
    const items = drawer.getByTestId('alert-items');
    expect(await items.textContent()).toContain('某小区燃气泄漏传闻 orange');
    expect(await items.textContent()).toContain('燃气泄漏现场视频 orange');
    expect(await items.locator('a[href^="https://weibo.example.cn/alert/orange/1"]').count()).toBe(1);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await drawer.getByTestId('alert-history').textContent()).toContain('产生预警');
    await shot(page, 'alert-drawer-desktop');
  });

  it('acknowledges the alert and records who did', async () => {
    const drawer = page.getByTestId('alert-detail');
    await drawer.getByTestId('alert-acknowledge').click();
    await expect.poll(() => drawer.getByTestId('alert-status').textContent()).toBe('已确认');
    const stored = await storage().alerts.get(orange.alert.id);
    expect(stored).toMatchObject({ status: 'acknowledged', acknowledgedBy: app.admin.id });
    const history = await storage().alerts.history(orange.alert.id);
    expect(history.map((entry) => entry.action)).toEqual(['raise', 'acknowledge']);
    expect(await drawer.getByTestId('alert-acknowledge').count()).toBe(0);
  });

  it('opens an incident from the alert and lands on its page', async () => {
    await page.getByTestId('alert-detail').getByTestId('alert-open-incident').click();
    await detail().waitFor();
    incidentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const stored = await incident();
    expect(stored).toMatchObject({
      origin: 'alert',
      alertId: orange.alert.id,
      level: 'orange',
      category: 'public_safety',
      state: 'new',
    });
    expect(await storage().alerts.get(orange.alert.id)).toMatchObject({ status: 'handling', incidentId });
    await stateShown('new');
    expect(await detail().getByTestId('incident-state').textContent()).toBe('新建');
    expect(await detail().getByTestId('incident-start_verification').count()).toBe(1);
    expect(await detail().getByTestId('incident-follow_up').count()).toBe(0);
    expect(await detail().getByTestId('incident-timeline').textContent()).toContain('立案');
  });

  it('starts verification and records the verification result', async () => {
    await act('incident-start_verification');
    await stateShown('verifying');
    expect((await incident()).state).toBe('verifying');
    await detail().getByRole('tab', { name: '核查' }).click();
    const form = detail().getByTestId('verification-form');
    await form.locator('.ant-select').first().click();
    await page.locator('.ant-select-dropdown').last().getByText('部分属实', { exact: true }).click();
    await form
      .getByTestId('verification-facts')
      .fill('经燃气公司现场检测，确有轻微泄漏，已于当日修复，无人员伤亡。');
    await form.getByTestId('verification-save').click();
    await expect.poll(async () => (await incident()).verification?.result).toBe('partly_true');
    expect((await incident()).verification).toMatchObject({
      facts: '经燃气公司现场检测，确有轻微泄漏，已于当日修复，无人员伤亡。',
      verifiedBy: app.admin.id,
    });
    await expect.poll(() => detail().getByTestId('verification-result').textContent()).toBe('部分属实');
  });

  it('drafts a statement and takes it through review, sign-off and publishing', async () => {
    await act('incident-start_response');
    await stateShown('responding');
    expect((await incident()).state).toBe('responding');
    await detail().getByRole('tab', { name: '回应口径' }).click();
    await detail().getByTestId('response-title').fill('关于某小区燃气泄漏情况的通报');
    await detail()
      .getByTestId('response-content')
      .fill('经核查，该小区燃气管道存在轻微泄漏，已修复，居民已返回。');
    await detail().getByTestId('response-save').click();
    const state = detail().getByTestId('response-state');
    await expect.poll(() => state.textContent()).toBe('草稿');
    expect(await responses()).toMatchObject([{ state: 'draft', title: '关于某小区燃气泄漏情况的通报' }]);
    await detail().getByTestId('response-submit').click();
    await expect.poll(() => state.textContent()).toBe('审核中');
    expect(await responses()).toMatchObject([{ state: 'in_review' }]);
    await detail().getByTestId('response-approve').click();
    await expect.poll(() => state.textContent()).toBe('已签发');
    expect(await responses()).toMatchObject([
      { state: 'approved', approvedBy: app.admin.id, approvedVersion: 1 },
    ]);
    await detail().getByTestId('response-publish').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '发布渠道' });
    await modal.getByLabel('发布地址（可选）').fill('https://gov.example.cn/notice/1');
    await modal.getByLabel('发布渠道（可选）').fill('区政府网站');
    await modal.getByRole('button', { name: /^发\s?布$/ }).click();
    await expect.poll(() => state.textContent()).toBe('已发布');
    expect(await responses()).toMatchObject([
      { state: 'published', publishedUrl: 'https://gov.example.cn/notice/1', publishedChannel: '区政府网站' },
    ]);
    expect(await detail().locator('a[href="https://gov.example.cn/notice/1"]').count()).toBe(1);
    await shot(page, 'incident-responses-desktop');
  });

  it('follows up and closes the incident with its summary, closing the alert too', async () => {
    await act('incident-follow_up');
    await stateShown('following_up');
    expect((await incident()).state).toBe('following_up');
    await detail().getByTestId('incident-close').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '办结小结' });
    await modal.getByTestId('incident-close-summary').fill('已核实并发布通报，舆情平息。');
    await modal.getByRole('button', { name: /^办\s?结$/ }).click();
    await stateShown('closed');
    expect(await incident()).toMatchObject({
      state: 'closed',
      closingSummary: '已核实并发布通报，舆情平息。',
      closedBy: app.admin.id,
    });
    expect(await storage().alerts.get(orange.alert.id)).toMatchObject({ status: 'closed' });
    const timeline = await storage().caseTimeline.list('incident', incidentId);
    const moves = timeline.filter((entry) => entry.toState !== null && entry.toState !== entry.fromState);
    expect(moves.map((entry) => `${entry.action}:${entry.toState}`)).toEqual([
      'open:new',
      'start_verification:verifying',
      'start_response:responding',
      'response_submit:in_review',
      'response_approve:approved',
      'response_publish:published',
      'follow_up:following_up',
      'close:closed',
    ]);
    expect(await detail().getByTestId('incident-actions').textContent()).toContain('重新打开');
    expect(await detail().getByTestId('incident-close').count()).toBe(0);
    expect(await detail().getByTestId('response-form').count()).toBe(0);
    const shownTimeline = await detail().getByTestId('incident-timeline').textContent();
    expect(shownTimeline).toContain('口径签发');
    expect(shownTimeline).toContain('已签发');
    expect(shownTimeline).not.toContain('incidents.');
    await detail().getByRole('tab', { name: '时限' }).click();
    await shot(page, 'incident-detail-desktop');
  });

  it('shows the closed incident in the board’s 已办结 column', async () => {
    await page.getByRole('menuitem', { name: '处置' }).click();
    await page.getByTestId('incidents').waitFor();
    const closed = page.getByTestId('board-closed');
    await expect.poll(() => closed.locator(`[data-incident-id="${incidentId}"]`).count()).toBe(1);
    expect(await page.getByTestId('board-new').getByTestId('incident-card').count()).toBe(0);
    await shot(page, 'incidents-desktop');
  });

  it('fits both pages into a phone screen', async () => {
    const phone = await context.newPage();
    phone.on('console', (message) => {
      if (message.type() === 'error') errors.push(`phone console: ${message.text()}`);
    });
    phone.on('pageerror', (error) => errors.push(`phone pageerror: ${error.message}`));
    await phone.setViewportSize({ width: 390, height: 844 });
    const overflow = () => phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    await phone.goto(`${app.server.baseUrl}/alerts`);
    await expect.poll(() => phone.getByTestId('alert-row').count()).toBe(1);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(phone, 'alerts-phone');
    await phone.getByTestId('alert-row').locator('.fx-alert-title').click();
    await phone.getByTestId('alert-detail').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(phone, 'alert-drawer-phone');
    await phone.goto(`${app.server.baseUrl}/incidents`);
    await phone.getByTestId('incidents').waitFor();
    await phone.getByRole('tab', { name: /已办结/ }).click();
    await expect.poll(() => phone.getByTestId('board-closed').getByTestId('incident-card').count()).toBe(1);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(phone, 'incidents-phone');
    await phone.goto(`${app.server.baseUrl}/incidents/${encodeURIComponent(incidentId)}`);
    await phone.getByTestId('incident-detail').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(phone, 'incident-detail-phone');
    await phone.close();
  });

  it('logged no console errors and no page errors', () => {
    expect(errors).toEqual([]);
  });
});
