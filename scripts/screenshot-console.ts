/**
 * Screenshots of every console page at desktop (1440×900) and phone (390×844) size, for looking at before
 * an issue closes: starts a seeded server on a temporary SQLite database (test/web/console-server.ts),
 * signs in through the login page in headless Debian Chromium, and writes PNGs.
 *
 *   npx tsx scripts/screenshot-console.ts [output folder]    (default: bench/out/console-screens)
 *   npx tsx scripts/screenshot-console.ts OUT --url http://localhost:8600 --user demo-admin --password-file F
 *
 * The second form shoots a server that is already running, such as `fengxiang demo` with its living data.
 *
 * Builds nothing: run `npm run build:web` first.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { defaultConsoleDir } from '../src/api/console.js';
import { CONSOLE_PASSWORD, startConsoleServer } from '../test/web/console-server.js';
import { CHROMIUM, launchChromium, signIn } from '../test/web/browser.js';

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

/** Who signs in, and where. */
interface Target {
  baseUrl: string;
  username: string;
  password: string;
}

function fileName(path: string): string {
  return path === '/' ? 'dashboard' : path.slice(1).replace(/\//g, '-');
}

async function shoot(browser: Browser, target: Target, out: string): Promise<string[]> {
  const { baseUrl } = target;
  const written: string[] = [];
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[${viewport.name}] console: ${message.text()}`);
    });
    await signIn(page, `${baseUrl}/`, target.password, { username: target.username });
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
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { url: { type: 'string' }, user: { type: 'string' }, 'password-file': { type: 'string' } },
  });
  const out = resolve(positionals[0] ?? join('bench', 'out', 'console-screens'));
  if (!existsSync(CHROMIUM)) {
    console.error(`${CHROMIUM} is missing: install Debian chromium (apt-get install chromium).`);
    return 1;
  }
  mkdirSync(out, { recursive: true });
  if (values.url !== undefined) {
    if (values.user === undefined || values['password-file'] === undefined) {
      console.error('--url needs --user and --password-file');
      return 1;
    }
    const password = readFileSync(values['password-file'], 'utf8').trim();
    return shootAll({ baseUrl: values.url.replace(/\/$/, ''), username: values.user, password }, out);
  }
  if (!existsSync(join(defaultConsoleDir(), 'index.html'))) {
    console.error('web/dist is missing: build the console first with `npm run build:web`.');
    return 1;
  }
  const console_ = await startConsoleServer({ items: 120 });
  try {
    const target = { baseUrl: console_.server.baseUrl, username: 'root', password: CONSOLE_PASSWORD };
    await generateDailyReport(target);
    return await shootAll(target, out);
  } finally {
    await console_.close();
  }
}

/** Signs in through the API and asks for today's daily report, so the report drawer has something to show. */
async function generateDailyReport(target: Target): Promise<void> {
  const session = await fetch(`${target.baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: target.username, password: target.password }),
  });
  const cookie = session.headers.get('set-cookie')?.split(';')[0] ?? '';
  const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
  await fetch(`${target.baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify({ type: 'daily', date: new Date().toISOString().slice(0, 10) }),
  });
}

async function shootAll(target: Target, out: string): Promise<number> {
  const browser = await launchChromium();
  try {
    for (const file of await shoot(browser, target, out)) console.log(file);
    return 0;
  } finally {
    await browser.close();
  }
}

process.exitCode = await main();
