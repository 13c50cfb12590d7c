/**
 * Screenshots of every console page at desktop (1440×900) and phone (390×844) size, for looking at before
 * an issue closes: starts a seeded server on a temporary SQLite database (test/web/console-server.ts),
 * signs in through the login page in headless Debian Chromium, and writes PNGs.
 *
 *   npx tsx scripts/screenshot-console.ts [output folder]    (default: bench/out/console-screens)
 *
 * Builds nothing: run `npm run build:web` first.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { defaultConsoleDir } from '../src/api/console.js';
import { CONSOLE_PASSWORD, startConsoleServer } from '../test/web/console-server.js';
import { CHROMIUM, launchChromium } from '../test/web/browser.js';

/** Where Debian installs Chromium (never downloaded). */

const PAGES = [
  '/',
  '/items',
  '/schemes',
  '/events',
  '/alerts',
  '/incidents',
  '/clues',
  '/appeals',
  '/publications',
  '/bulletins',
  '/reports',
  '/sources',
  '/system',
];
const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('#username').fill('root');
  await page.locator('#password').fill(CONSOLE_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard').waitFor({ timeout: 20_000 });
}

function fileName(path: string): string {
  return path === '/' ? 'dashboard' : path.slice(1).replace(/\//g, '-');
}

async function shoot(browser: Browser, baseUrl: string, out: string): Promise<string[]> {
  const written: string[] = [];
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[${viewport.name}] console: ${message.text()}`);
    });
    await signIn(page, baseUrl);
    for (const path of PAGES) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(600);
      const file = join(out, `${fileName(path)}-${viewport.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
    }
    await page.goto(`${baseUrl}/reports`);
    const first = page.locator('.ant-table-row').first();
    if (
      await first.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      )
    ) {
      await first.click();
      await page.getByTestId('report-preview').waitFor({ timeout: 20_000 });
      await page.waitForTimeout(800);
      const file = join(out, `report-drawer-${viewport.name}.png`);
      await page.screenshot({ path: file });
      written.push(file);
    }
    await context.close();
  }
  return written;
}

async function main(): Promise<number> {
  const out = resolve(process.argv[2] ?? join('bench', 'out', 'console-screens'));
  if (!existsSync(join(defaultConsoleDir(), 'index.html'))) {
    console.error('web/dist is missing: build the console first with `npm run build:web`.');
    return 1;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`${CHROMIUM} is missing: install Debian chromium (apt-get install chromium).`);
    return 1;
  }
  mkdirSync(out, { recursive: true });
  const console_ = await startConsoleServer({ items: 120 });
  const browser = await launchChromium();
  try {
    const admin = await fetch(`${console_.server.baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root', password: CONSOLE_PASSWORD }),
    });
    const cookie = admin.headers.get('set-cookie')?.split(';')[0] ?? '';
    const csrf = ((await admin.json()) as { csrfToken: string }).csrfToken;
    await fetch(`${console_.server.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({ type: 'daily', date: new Date().toISOString().slice(0, 10) }),
    });
    for (const file of await shoot(browser, console_.server.baseUrl, out)) console.log(file);
    return 0;
  } finally {
    await browser.close();
    await console_.close();
  }
}

process.exitCode = await main();
