/**
 * The four case pages (线索, 诉求, 信息发布, 信息报送) end to end in headless Debian Chromium against a real
 * server with records made through the API: each list and a detail opens, one action per page changes the
 * server's record (transfer a clue, dispatch an appeal, sign off a publication, record an adoption), the
 * clue view is audited, a viewer sees no clue and asks for none, phone widths do not overflow, and nothing
 * is logged as a console error.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_PASSWORD, startConsoleServer, type ConsoleServer } from './console-server.js';
import { CASE_RECIPIENTS, seedCases, type SeededCases } from './seed-cases.js';
import { CHROMIUM, haveChromium, launchChromium, signIn } from './browser.js';

if (!haveChromium) {
  console.warn(
    `${CHROMIUM} is missing: the case pages' browser tests are skipped (apt-get install chromium).`,
  );
}

/** The primary button of the dialog that is open now. */
const dialogOk = (page: Page) => page.locator('.ant-modal-footer .ant-btn-primary:visible');

/** The navigation entry whose text is exactly `text` (its accessible name also carries the icon's label). */
const menuItem = (page: Page, text: string) =>
  page.locator('.ant-menu-item').filter({ hasText: new RegExp(`^${text}$`) });

async function closeDrawer(page: Page): Promise<void> {
  await page.locator('.ant-drawer-close:visible').click();
  await page.locator('.ant-drawer-mask').first().waitFor({ state: 'hidden' });
}

async function chooseOption(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.locator('.ant-select-item-option:visible').filter({ hasText: option }).first().click();
}

describe.skipIf(!haveChromium)('the case pages in Chromium', { timeout: 180_000 }, () => {
  let app: ConsoleServer;
  let seeded: SeededCases;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  const watch = (target: Page, label: string) => {
    target.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${label} console: ${message.text()}`);
    });
    target.on('pageerror', (error) => errors.push(`${label} pageerror: ${error.message}`));
  };

  beforeAll(async () => {
    app = await startConsoleServer({ items: 20 });
    seeded = await seedCases(app);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    watch(page, 'admin');
    await signIn(page, `${app.server.baseUrl}/`, CONSOLE_PASSWORD, { username: 'root' });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('lists clues, transfers a ready one to a case-handling unit, and the view is audited', async () => {
    await menuItem(page, '线索').click();
    await page.getByTestId('clues').waitFor();
    const table = page.getByTestId('clue-table');
    await table.getByText('某街道干部收受购物卡').click();
    await page.getByTestId('clue-detail').waitFor();
    expect(await page.getByTestId('clue-state').textContent()).toBe('待移送');
    expect(await page.getByTestId('clue-checklist').locator('.ant-checkbox-checked').count()).toBe(4);
    await page.getByTestId('clue-transfer').click();
    await page.getByTestId('clue-transfer-to').fill('区纪委监委');
    await page.getByTestId('clue-transfer-contact').fill('李主任 0512-87654321');
    await dialogOk(page).click();
    await expect.poll(() => page.getByTestId('clue-state').textContent()).toBe('已移送');
    const stored = await app.server.storage.clues.get(seeded.clues.ready);
    expect(stored?.state).toBe('transferred');
    expect(stored?.transfer?.toUnitName).toBe('区纪委监委');
    expect(await page.getByTestId('clue-outcome').count()).toBe(1);
    const audit = await app.server.storage.audit.list(
      { unitIds: null },
      { action: 'clue.view', targetId: seeded.clues.ready },
      { limit: 20 },
    );
    expect(audit.items.length).toBeGreaterThan(0);
    await closeDrawer(page);
  });

  it('lists appeals with deadline badges and dispatches an accepted one to a department', async () => {
    await menuItem(page, '诉求').click();
    await page.getByTestId('appeals').waitFor();
    const table = page.getByTestId('appeal-table');
    await table.getByText('物业收费不公开').waitFor();
    expect(await table.getByTestId('appeal-deadline').count()).toBe(1);
    await table.getByText('老旧小区雨污管道堵塞').click();
    await page.getByTestId('appeal-detail').waitFor();
    expect(await page.getByTestId('appeal-state').textContent()).toBe('已受理');
    await page.getByTestId('appeal-action-dispatch').click();
    await chooseOption(page, 'appeal-department-select', '区住建局');
    await dialogOk(page).click();
    await expect.poll(() => page.getByTestId('appeal-state').textContent()).toBe('已交办');
    const stored = await app.server.storage.appeals.get(seeded.appeals.accepted);
    expect(stored?.state).toBe('dispatched');
    expect(stored?.departmentId).toBe(seeded.appeals.departmentId);
    expect(stored?.dueAt).toBeGreaterThan(app.server.clock.now());
    expect(await page.getByTestId('appeal-action-reply').count()).toBe(1);
    await closeDrawer(page);
    await expect.poll(() => table.getByTestId('appeal-deadline').count()).toBe(2);
    expect(await page.getByTestId('appeal-stats').textContent()).toContain('受理');
  });

  it('shows a publication’s version diff and signs it off', async () => {
    await menuItem(page, '信息发布').click();
    await page.getByTestId('publications').waitFor();
    await page.getByTestId('publication-table').getByText('关于某路段施工期间交通管制的通告').click();
    await page.getByTestId('publication-detail').waitFor();
    expect(await page.getByTestId('publication-state').textContent()).toBe('审稿中');
    await page.getByRole('tab', { name: '版本对比' }).click();
    const diff = page.getByTestId('publication-diff');
    await diff.waitFor();
    expect(await diff.locator('[data-op="insert"]').count()).toBeGreaterThan(0);
    await page.getByTestId('publication-action-sign_off').click();
    await expect.poll(() => page.getByTestId('publication-state').textContent()).toBe('已签发');
    const stored = await app.server.storage.publications.get(seeded.publications.inReview);
    expect(stored?.state).toBe('signed_off');
    expect(stored?.signedOffBy).toBe(app.admin.id);
    await closeDrawer(page);
  });

  it('records an adoption of a submitted bulletin and scores it', async () => {
    await menuItem(page, '信息报送').click();
    await page.getByTestId('bulletins').waitFor();
    await page.getByTestId('bulletin-table').getByText('近期我市民生领域舆情综述').click();
    await page.getByTestId('bulletin-detail').waitFor();
    expect(await page.getByTestId('bulletin-state').textContent()).toBe('已报送');
    expect(await page.getByTestId('bulletin-detail').textContent()).toContain(CASE_RECIPIENTS[0]);
    await page.getByTestId('bulletin-action-record_adoption').click();
    await page.getByTestId('bulletin-adopted-by').fill('省委网信办');
    await chooseOption(page, 'bulletin-level', '省级');
    await dialogOk(page).click();
    await expect
      .poll(async () => (await app.server.storage.bulletins.adoptions(seeded.bulletins.submitted)).length)
      .toBe(1);
    const [adoption] = await app.server.storage.bulletins.adoptions(seeded.bulletins.submitted);
    expect(adoption?.level).toBe('provincial');
    expect(adoption?.adoptedBy).toBe('省委网信办');
    await expect.poll(() => page.getByTestId('bulletin-score').textContent()).not.toBe('0');
    await closeDrawer(page);
    await expect.poll(() => page.getByTestId('bulletin-stats').textContent()).toContain('被采用');
  });

  it('keeps each page within a phone’s width', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const small = await phone.newPage();
    watch(small, 'phone');
    await signIn(small, `${app.server.baseUrl}/`, CONSOLE_PASSWORD, { username: 'root' });
    for (const [path, testId] of [
      ['/clues', 'clues'],
      ['/appeals', 'appeals'],
      ['/publications', 'publications'],
      ['/bulletins', 'bulletins'],
    ] as const) {
      await small.goto(`${app.server.baseUrl}${path}`);
      await small.getByTestId(testId).waitFor();
      await small.locator('.ant-table-row').first().waitFor();
      expect(await small.evaluate<number>('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(
        390,
      );
    }
    await phone.close();
  });

  it('shows a viewer no clue: no menu entry, a refusal, and no request for clues', async () => {
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const viewerPage = await other.newPage();
    watch(viewerPage, 'viewer');
    const clueRequests: string[] = [];
    viewerPage.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/v1/clues')) clueRequests.push(request.url());
    });
    await signIn(viewerPage, `${app.server.baseUrl}/`, CONSOLE_PASSWORD, { username: 'viewer' });
    expect(await menuItem(viewerPage, '线索').count()).toBe(0);
    expect(await menuItem(viewerPage, '信息发布').count()).toBe(1);
    await viewerPage.goto(`${app.server.baseUrl}/clues`);
    await viewerPage.getByTestId('clues-forbidden').waitFor();
    expect(await viewerPage.getByTestId('clue-table').count()).toBe(0);
    expect(await viewerPage.locator('body').textContent()).not.toContain('某街道干部收受购物卡');
    expect(clueRequests).toEqual([]);
    const audit = await app.server.storage.audit.list(
      { unitIds: null },
      { actorUserId: seeded.viewer.id, action: 'clue.list' },
      { limit: 5 },
    );
    expect(audit.items).toEqual([]);
    await other.close();
  });

  it('logged no console errors and no page errors', () => {
    expect(errors).toEqual([]);
  });
});
