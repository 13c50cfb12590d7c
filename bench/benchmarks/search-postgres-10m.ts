/**
 * Search latency on PostgreSQL over ten million items (issue 9): a keyword, a keyword within a 7-day window,
 * an expression with NOT (`(a|b)+place-except` over 7 or 30 days) and recent-first paging to page 10, each
 * through `storage.items.search` with the parsed and segmented expression (scope: every unit, newest first,
 * 20 rows a page), beside the bare tsquery on the GIN index for the same match (no scope, no filters),
 * measured in the same run. See bench/search/postgres-load.ts for how the database is built.
 */
import pg from 'pg';
import { toTsQuery } from '../../src/storage/dialect/search-postgres.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { readTermStats, type TermStats } from '../corpus/cache.js';
import { CORPUS_END } from '../corpus/generate.js';
import { createQueryCompiler } from '../search/compile.js';
import { ensurePostgresSearchDatabase, type PostgresLoad } from '../search/postgres-load.js';
import { booleanCases, deepPageCases, singleTermCases, type SearchCase } from '../search/query-sets.js';
import { describeMachine, today } from '../support/machine.js';
import { PeakMemory } from '../support/memory.js';
import { Progress } from '../support/progress.js';
import { formatCount, formatRatio, type BenchSection } from '../support/report.js';
import { serverVersion } from '../support/scratch-postgres.js';
import { summarise, type LatencySummary } from '../support/stats.js';
import type { Benchmark } from './context.js';

const DEFAULT_ITEMS = 10_000_000;
const BASE_ITEMS = 100_000;
const PAGE = 20;
const DEEP_PAGE = 10;
const DAY_MS = 86_400_000;

interface ClassResult {
  label: string;
  storage: LatencySummary;
  baseline: LatencySummary;
  meanRows: number;
  peakRssMiB: number;
}

interface Deps {
  storage: Storage;
  client: pg.Client;
  scope: { unitIds: string[] };
  compile: Awaited<ReturnType<typeof createQueryCompiler>>;
}

function classes(stats: TermStats, queries: number, seed: number): { label: string; cases: SearchCase[] }[] {
  const keyword = singleTermCases(stats, queries, seed);
  const windowed = keyword.map((testCase, i) => {
    const to = CORPUS_END - (i % 60) * DAY_MS;
    return { ...testCase, filters: { from: to - 7 * DAY_MS, to } };
  });
  return [
    { label: 'keyword', cases: keyword },
    { label: 'keyword + 7-day window', cases: windowed },
    { label: 'expression with NOT, 7 or 30 days', cases: booleanCases(queries, seed) },
    {
      label: `recent-first paging to page ${DEEP_PAGE}`,
      cases: deepPageCases(stats, Math.max(5, Math.round(queries / 10)), DEEP_PAGE, seed),
    },
  ];
}

async function timeCase(
  deps: Deps,
  testCase: SearchCase,
): Promise<{ ms: number; baselineMs: number; rows: number }> {
  const match = deps.compile(testCase.expression);
  let cursor: string | null = null;
  let ms = 0;
  let rows = 0;
  for (let page = 1; page <= testCase.pages; page++) {
    const start = performance.now();
    const result = await deps.storage.items.search({
      scope: deps.scope,
      match,
      filters: testCase.filters,
      sort: 'time',
      page: { limit: PAGE, cursor },
    });
    ms = performance.now() - start;
    rows = result.items.length;
    cursor = result.nextCursor;
    if (cursor === null) break;
  }
  const start = performance.now();
  await deps.client.query(
    `select id from items where search @@ to_tsquery('simple', $1) order by published_at desc limit $2`,
    [toTsQuery(match), PAGE * testCase.pages],
  );
  return { ms, baselineMs: performance.now() - start, rows };
}

async function measure(deps: Deps, label: string, cases: SearchCase[]): Promise<ClassResult> {
  for (const warmUp of cases.slice(0, 5)) await timeCase(deps, { ...warmUp, pages: 1 });
  const memory = new PeakMemory();
  const progress = new Progress(label, cases.length);
  const timings: { ms: number; baselineMs: number; rows: number }[] = [];
  for (const testCase of cases) {
    timings.push(await timeCase(deps, testCase));
    progress.tick(timings.length);
  }
  progress.finish(timings.length);
  return {
    label,
    storage: summarise(timings.map((t) => t.ms)),
    baseline: summarise(timings.map((t) => t.baselineMs)),
    meanRows: timings.reduce((sum, t) => sum + t.rows, 0) / Math.max(1, timings.length),
    peakRssMiB: memory.stop(),
  };
}

/** The `search-postgres-10m` benchmark. */
export const searchPostgres10mBenchmark: Benchmark = {
  name: 'search-postgres-10m',
  async run(context) {
    const serverUrl = context.options.postgresUrl;
    if (!serverUrl) {
      process.stderr.write('search-postgres-10m: no PostgreSQL URL (--postgres); skipped\n');
      return null;
    }
    const target = context.options.items ?? DEFAULT_ITEMS;
    const base = await context.corpus(BASE_ITEMS);
    const stats = readTermStats(base);
    const { url, load } = await ensurePostgresSearchDatabase({
      serverUrl,
      name: `fx_bench_search_s${context.options.seed}_n${target}`,
      target,
      base,
      baseSize: BASE_ITEMS,
      fresh: context.options.fresh,
    });
    const storage = await openStorage(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const units = await storage.units.list({ unitIds: null });
      const deps: Deps = {
        storage,
        client,
        scope: { unitIds: units.map((unit) => unit.id) },
        compile: await createQueryCompiler(),
      };
      const results: ClassResult[] = [];
      for (const { label, cases } of classes(stats, context.options.queries, context.options.seed)) {
        results.push(await measure(deps, label, cases));
      }
      return section(load, results, context.options.queries, await serverVersion(url), target);
    } finally {
      await client.end();
      await storage.close();
    }
  },
};

function section(
  load: PostgresLoad,
  results: ClassResult[],
  queries: number,
  version: string,
  target: number,
): BenchSection {
  const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1));
  return {
    name: 'search-postgres-10m',
    title: 'Search latency — PostgreSQL, 10 million items',
    context: [
      `Measured ${today()} on ${describeMachine()}; PostgreSQL ${version} on the same machine (127.0.0.1), default server settings.`,
      `${formatCount(load.items)} items: ${formatCount(load.baseItems)} corpus items inserted through storage.items.insertMany (${load.baseSeconds.toFixed(0)} s), then copied inside the server round by round (INSERT … SELECT with new ids and times moved by up to a day; secondary indexes dropped for the copy and built again after it; ${load.copySeconds.toFixed(0)} s, VACUUM ANALYZE ${load.analyzeSeconds.toFixed(0)} s); database ${formatCount(Math.round(load.databaseMiB))} MiB; loaded ${load.date}.`,
      `${queries} queries per class (a tenth of that, at least 5, for paging, each walked page by page with keyset cursors, only the last page timed); scope = every unit, newest first, ${PAGE} rows a page.`,
      `Reproduce: \`npm run bench -- --only search-postgres-10m --items ${target} --postgres URL\` (the database is kept as fx_bench_search_s<seed>_n<items>; \`--fresh\` rebuilds it).`,
    ],
    tables: [
      {
        caption: 'Search latency (ms), storage.items.search beside the bare tsquery on the GIN index',
        headers: [
          'query class',
          'queries',
          'p50',
          'p95',
          'p99',
          'tsquery p50',
          'tsquery p95',
          'ratio p95',
          'rows/page',
          'peak RSS (MiB)',
        ],
        rows: results.map((r) => [
          r.label,
          formatCount(r.storage.count),
          ms(r.storage.p50),
          ms(r.storage.p95),
          ms(r.storage.p99),
          ms(r.baseline.p50),
          ms(r.baseline.p95),
          formatRatio(r.storage.p95 / r.baseline.p95),
          r.meanRows.toFixed(1),
          r.peakRssMiB.toFixed(0),
        ]),
      },
    ],
    notes: [
      'The baseline runs the same tsquery (`search @@ to_tsquery(…)`, newest first, limit = rows up to the timed page) without unit scope, time window or cursor, so the ratio shows what scoping, filtering and keyset paging cost on top of the index.',
      'Texts of the copied rows repeat the base corpus, so each term matches the same share of rows as in a generated corpus of this size.',
    ],
  };
}
