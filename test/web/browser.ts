/**
 * Debian Chromium for the console's browser tests, screenshots and benchmarks: where it is, how it is started
 * (headless, and with background networking off, since this machine's network is closed), and how a page's
 * console errors are collected. Never a downloaded browser.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** The start options every run uses. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True when Chromium is installed. */
export const haveChromium = existsSync(CHROMIUM);

/** Starts headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Appends every console error and uncaught page error of `page` to `errors`. */
export function collectPageErrors(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
}

/** Who signs in, and which element says the page behind the login form has loaded. */
export interface SignInOptions {
  username?: string;
  /** A CSS selector; the dashboard (where the console lands) unless the URL opens another page. */
  landing?: string;
}

/** Opens `url`, signs in through the console's login form and waits for the page behind it. */
export async function signIn(
  page: Page,
  url: string,
  password: string,
  options: SignInOptions = {},
): Promise<void> {
  await page.goto(url);
  await page.locator('#username').fill(options.username ?? 'root');
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.locator(options.landing ?? '[data-testid="dashboard"]').waitFor();
}
