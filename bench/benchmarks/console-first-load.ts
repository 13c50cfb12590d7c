/**
 * First load of the dashboard on the embedded SQLite default with a year of data: the corpus spread over
 * the 365 days before now with a working day's volume today (`console-year.ts`; default 3 × 100,000 = 300,000 items), the
 * `fengxiang serve` composition (openRuntime + startServer, the built console served by the API), then
 * headless Debian Chromium, signed in, timed from navigation to the dashboard's `data-ready` mark (every
 * panel has its data). Beside it, in the same run: the static console alone (index.html and its assets
 * until the login form shows) and the overview API call alone. Needs web/dist (`npm run build:web`).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { defaultConsoleDir } from '../../src/api/console.js';
import { createFirstAdmin } from '../../src/auth/index.js';
import { openRuntime, readConfig } from '../../src/cli/compose.js';
import { startServer } from '../../src/cli/server.js';
import { rangeOf } from '../../web/src/features/dashboard/aggregate.js';
import { describeMachine, today } from '../support/machine.js';
import { formatCount, formatMs, formatRatio, type BenchSection } from '../support/report.js';
import { loadCorpusItems, type Benchmark } from './context.js';
import { storeYear, TODAY_ITEMS, YEAR_DAYS } from './console-year.js';
import { CHROMIUM, launchChromium } from '../../test/web/browser.js';
import { freePort } from '../../test/helpers/ports.js';

const CORPUS_ITEMS = 100_000;
const DEFAULT_TOTAL = 300_000;
const RUNS = 3;
const PASSWORD = 'bench password 2026';

async function login(base: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: PASSWORD }),
    signal: AbortSignal.timeout(30_000),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`login failed: ${response.status}`);
  return cookie;
}

/** Milliseconds of each run, each in a fresh browser context (no HTTP cache). */
async function timeRuns(work: () => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) times.push(await work());
  return times;
}

const median = (times: number[]): number =>
  [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;

async function dashboardLoad(browser: Browser, base: string, cookie: string): Promise<number> {
  const [name = '', value = ''] = cookie.split('=');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addCookies([{ name, value, url: base }]);
    await context.addInitScript('window.localStorage.setItem("fengxiang.signedIn", "1")');
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${base}/`);
    await page.locator('[data-testid="dashboard"][data-ready="true"]').waitFor({ timeout: 60_000 });
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

async function staticLoad(browser: Browser, base: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${base}/`);
    await page.locator('#username').waitFor({ timeout: 60_000 });
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

async function overviewCall(base: string, cookie: string, key: 'today' | 'year'): Promise<number> {
  const range = rangeOf(key, new Date());
  const query = new URLSearchParams({
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    bucket: range.bucket,
  });
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/stats/overview?${query.toString()}`, {
    headers: { cookie },
    signal: AbortSignal.timeout(60_000),
  });
  await response.text();
  if (!response.ok) throw new Error(`overview failed: ${response.status}`);
  return performance.now() - started;
}

interface Figures {
  total: number;
  today: number;
  dashboard: number[];
  statics: number[];
  overview: number[];
  overviewYear: number[];
}

/** The `console-first-load` benchmark. */
export const consoleFirstLoadBenchmark: Benchmark = {
  name: 'console-first-load',
  async run(context) {
    if (!existsSync(CHROMIUM) || !existsSync(join(defaultConsoleDir(), 'index.html'))) {
      process.stderr.write('console-first-load: needs /usr/bin/chromium and web/dist (npm run build:web)\n');
      return null;
    }
    const total = context.options.items ?? DEFAULT_TOTAL;
    const corpus = await loadCorpusItems(await context.corpus(CORPUS_ITEMS), Math.min(total, CORPUS_ITEMS));
    const dir = mkdtempSync(join(context.outDir, 'console-first-load-'));
    const port = await freePort();
    const config = readConfig(undefined);
    const runtime = await openRuntime({
      ...config,
      host: '127.0.0.1',
      port,
      databaseUrl: `sqlite:${join(dir, 'app.sqlite')}`,
      jobsSqlitePath: join(dir, 'jobs.sqlite'),
      redisUrl: '',
      logLevel: 'silent',
    });
    let browser: Browser | null = null;
    try {
      const admin = await createFirstAdmin(runtime.storage, runtime.clock, {
        username: 'bench',
        password: PASSWORD,
        unitName: '基准测试单位',
      });
      const now = Date.now();
      await storeYear(runtime.storage, corpus, admin.unit.id, total, now);
      corpus.length = 0;
      const server = await startServer(runtime, port, []);
      const base = `http://127.0.0.1:${port}`;
      try {
        const cookie = await login(base);
        browser = await launchChromium();
        const todayRange = rangeOf('today', new Date());
        const todayTotals = await runtime.storage.reportData.itemTotals({
          unitIds: null,
          from: todayRange.from.getTime(),
          to: now + 1,
        });
        const ready = browser;
        const figures: Figures = {
          total,
          today: todayTotals.value.total,
          statics: await timeRuns(() => staticLoad(ready, base)),
          overview: await timeRuns(() => overviewCall(base, cookie, 'today')),
          dashboard: await timeRuns(() => dashboardLoad(ready, base, cookie)),
          overviewYear: await timeRuns(() => overviewCall(base, cookie, 'year')),
        };
        return section(figures);
      } finally {
        await server.stop();
      }
    } finally {
      await browser?.close();
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function section(f: Figures): BenchSection {
  const base = median(f.statics);
  const row = (step: string, times: number[]): string[] => [
    step,
    formatMs(times[0] ?? 0),
    formatMs(median(times)),
    formatRatio(median(times) / base),
  ];
  return {
    name: 'console-first-load',
    title: `Console first load — dashboard over a year of ${formatCount(f.total)} items, SQLite`,
    context: [
      `Measured ${today()} on ${describeMachine()}.`,
      `${formatCount(f.total)} items (the 100,000-item bench corpus stored ${Math.ceil(f.total / CORPUS_ITEMS)} times) over the ${YEAR_DAYS} days before the run, ${formatCount(f.today)} of them today (about ${formatCount(TODAY_ITEMS)} are placed between local midnight and the run, a working day's volume, whatever the hour); sentiment, categories and regions from a seeded source. Served by the \`fengxiang serve\` composition (openRuntime + startServer) on the embedded SQLite default; headless Debian Chromium, a fresh browser context (no cache) per run, ${RUNS} runs each.`,
      'The dashboard time runs from navigation to the page’s `data-ready` mark: every panel rendered with the overview answer (today, hourly) and the newest items.',
      `Reproduce: \`npm run build:web && npx tsx bench/run.ts --only console-first-load --items ${f.total}\`.`,
    ],
    tables: [
      {
        headers: ['step', 'first run (ms)', 'median (ms)', '× baseline'],
        rows: [
          row('dashboard first load: navigation → every panel has data', f.dashboard),
          row('GET /stats/overview alone (today, hourly)', f.overview),
          row('GET /stats/overview alone (the past year, daily; the "近一年" range)', f.overviewYear),
          row('baseline: static console alone (index.html + assets until the login form shows)', f.statics),
        ],
      },
    ],
    notes: [
      `Target (issue 8): under 2,000 ms for the dashboard's first load — ${median(f.dashboard) < 2000 ? 'met' : 'NOT met'} (median ${formatMs(median(f.dashboard))} ms).`,
    ],
  };
}
