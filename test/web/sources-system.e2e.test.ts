/**
 * The 信息源 and 系统 pages end to end in headless Debian Chromium against a real server with a seeded
 * database: add a feed source pointing at a fixture feed served on 127.0.0.1, run "test fetch" and see the
 * feed's items, save it and test the saved source; create a user; find the user's creation in the audit
 * log — with no console errors. The test run builds web/dist first (vitest global setup).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { CONSOLE_PASSWORD, startConsoleServer, type ConsoleServer } from './console-server.js';
import { haveChromium, launchChromium, collectPageErrors, signIn } from './browser.js';

const ALL = { unitIds: null };

/** An RSS feed of two articles published in the last hours (so nothing is dropped as stale). */
function feed(now: number): string {
  const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toUTCString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>吴中区新闻</title><link>https://wz.example.cn/</link>
<item><guid>wz-101</guid><title>吴中区启动河道清淤工程</title>
<link>https://wz.example.cn/news/101.html</link>
<description><![CDATA[<p>区水务局表示，工程将持续两个月。</p>]]></description>
<pubDate>${at(2)}</pubDate></item>
<item><guid>wz-102</guid><title>木渎镇新增公交线路</title>
<link>https://wz.example.cn/news/102.html</link>
<description><![CDATA[<p>新线路连接古镇与地铁站。<img src=x onerror="window.__xss=1"></p>]]></description>
<pubDate>${at(1)}</pubDate></item>
</channel></rss>`;
}

describe.skipIf(!haveChromium)('the sources and system pages in Chromium', { timeout: 180_000 }, () => {
  let app: ConsoleServer;
  let fixtures: FixtureServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startConsoleServer({ items: 10 });
    fixtures = await startFixtureServer({
      '/feed.xml': {
        headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
        body: feed(Date.now()),
      },
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    collectPageErrors(page, errors);
    await signIn(page, app.server.baseUrl, CONSOLE_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await fixtures?.close();
    await app?.close();
  });

  it('test-fetches a new feed source, lists its items and saves it', async () => {
    await page.getByRole('menuitem', { name: '信息源' }).click();
    await page.getByTestId('sources').waitFor();
    await page.getByTestId('source-add').click();
    await page.locator('#source_name').fill('吴中区新闻');
    await page.locator('#source_url').fill(fixtures.url('/feed.xml'));
    await page.getByTestId('source-test').click();
    const items = page.getByTestId('preview-items');
    await items.waitFor({ timeout: 30_000 });
    expect(await items.textContent()).toContain('吴中区启动河道清淤工程');
    expect(await items.textContent()).toContain('木渎镇新增公交线路');
    expect(fixtures.count('/feed.xml')).toBe(1);
    expect(await app.server.storage.sources.list(ALL, {}, { limit: 10, cursor: null })).toMatchObject({
      items: [],
    });

    await page.getByTestId('source-save').click();
    const table = page.getByTestId('source-table');
    await expect.poll(() => table.textContent()).toContain('吴中区新闻');
    const saved = (await app.server.storage.sources.list(ALL, {}, { limit: 10, cursor: null })).items;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ name: '吴中区新闻', kind: 'feed', url: fixtures.url('/feed.xml') });
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
  });

  it('test-fetches the saved source from its row', async () => {
    await page.getByTestId('row-test').first().click();
    const items = page.getByTestId('row-preview').getByTestId('preview-items');
    await items.waitFor({ timeout: 30_000 });
    expect(await items.locator('.ant-list-item').count()).toBe(2);
    expect(fixtures.count('/feed.xml')).toBe(2);
    await page.getByTestId('row-preview-close').click();
    await page.getByTestId('row-preview').waitFor({ state: 'hidden' });
  });

  it('creates a user', async () => {
    await page.getByRole('menuitem', { name: '系统' }).click();
    await page.getByTestId('system').waitFor();
    await page.getByRole('tab', { name: '用户与角色' }).click();
    await page.getByTestId('user-add').click();
    await page.locator('#user_username').fill('zhangsan');
    await page.locator('#user_displayName').fill('张三');
    await page.locator('#user_password').fill('a long enough password');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => page.getByTestId('user-table').textContent()).toContain('zhangsan');
    const users = (await app.server.storage.users.list(ALL, { limit: 50, cursor: null })).items;
    expect(users.find((user) => user.username === 'zhangsan')).toMatchObject({
      displayName: '张三',
      // A new user starts as a viewer, the least a role can do.
      roles: ['viewer'],
      disabled: false,
    });
  });

  it('shows the creation in the audit log, also when filtered by action', async () => {
    await page.getByRole('tab', { name: '审计日志' }).click();
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent()).toContain('user.create');
    await page.locator('#audit_action').fill('user.create');
    await page.getByTestId('audit-search').click();
    const rowsOf = () => table.locator('tbody tr.ant-table-row').allTextContents();
    await expect
      .poll(async () => {
        const shown = await rowsOf();
        return shown.length > 0 && shown.every((row) => row.includes('user.create'));
      })
      .toBe(true);
    const rows = await rowsOf();
    const users = (await app.server.storage.users.list(ALL, { limit: 50, cursor: null })).items;
    const zhangsan = users.find((user) => user.username === 'zhangsan');
    expect(zhangsan).toBeDefined();
    const firstPage = { limit: 10, cursor: null };
    const created = await app.server.storage.audit.list(
      ALL,
      { action: 'user.create', targetId: zhangsan?.id },
      firstPage,
    );
    expect(created.items).toHaveLength(1);
    expect(created.items[0]?.actorUserId).toBe(app.admin.id);
    expect(rows.some((row) => row.includes(zhangsan?.id ?? '—'))).toBe(true);
  });

  it('logged no console errors and no page errors', () => {
    expect(errors.join('\n')).toBe('');
  });
});
