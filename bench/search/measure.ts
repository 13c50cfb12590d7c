/**
 * Timing one class of search cases: each case through `storage.items.search` (sorted by time, 20 per page,
 * keyset cursors; for deep pages only the last page is timed) and the same match through the bare FTS5
 * baseline, with percentiles, rows returned and peak memory.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SearchNode } from '../../src/analysis/expression/search-tree.js';
import type { ItemRepository, Scope } from '../../src/storage/repositories.js';
import { PeakMemory } from '../support/memory.js';
import { Progress } from '../support/progress.js';
import { summarise, type LatencySummary } from '../support/stats.js';
import { ftsMatch, runBaseline } from './fts-baseline.js';
import type { SearchCase } from './query-sets.js';

/** Rows per page, as the console asks. */
export const PAGE_SIZE = 20;

/** What a class of cases measures need. */
export interface SearchDeps {
  items: ItemRepository;
  scope: Scope;
  compile(expression: string): SearchNode;
  raw: BetterSqlite3.Database;
}

/** The figures of one class (or one band of it). */
export interface ClassFigures {
  label: string;
  storage: LatencySummary;
  baseline: LatencySummary;
  /** Mean rows on the timed page, to show that the queries find something. */
  meanRows: number;
  emptyShare: number;
  peakRssMiB: number;
  /** The case that took longest and the cursor of its timed page, kept for EXPLAIN QUERY PLAN. */
  slowest: { testCase: SearchCase; cursor: string | null } | null;
}

interface CaseTiming {
  band: string;
  storageMs: number;
  baselineMs: number;
  rows: number;
  testCase: SearchCase;
  cursor: string | null;
}

async function timeCase(deps: SearchDeps, testCase: SearchCase): Promise<CaseTiming> {
  const match = deps.compile(testCase.expression);
  let cursor: string | null = null;
  let timedCursor: string | null = null;
  let storageMs = 0;
  let rows = 0;
  for (let page = 1; page <= testCase.pages; page++) {
    timedCursor = cursor;
    const start = performance.now();
    const result = await deps.items.search({
      scope: deps.scope,
      match,
      filters: testCase.filters,
      sort: 'time',
      page: { limit: PAGE_SIZE, cursor },
    });
    storageMs = performance.now() - start;
    rows = result.items.length;
    cursor = result.nextCursor;
    if (cursor === null) break;
  }
  const ftsQuery = ftsMatch(match);
  const start = performance.now();
  runBaseline(deps.raw, ftsQuery, testCase.pages);
  return {
    band: testCase.band,
    storageMs,
    baselineMs: performance.now() - start,
    rows,
    testCase,
    cursor: timedCursor,
  };
}

function figures(label: string, timings: CaseTiming[], peakRssMiB: number): ClassFigures {
  const slowest = timings.reduce<CaseTiming | null>(
    (worst, t) => (!worst || t.storageMs > worst.storageMs ? t : worst),
    null,
  );
  return {
    label,
    storage: summarise(timings.map((t) => t.storageMs)),
    baseline: summarise(timings.map((t) => t.baselineMs)),
    meanRows: timings.reduce((sum, t) => sum + t.rows, 0) / Math.max(1, timings.length),
    emptyShare: timings.filter((t) => t.rows === 0).length / Math.max(1, timings.length),
    peakRssMiB,
    slowest: slowest ? { testCase: slowest.testCase, cursor: slowest.cursor } : null,
  };
}

/** Times every case (after a few untimed warm-up runs); returns the whole class and each band in it. */
export async function measureClass(
  label: string,
  cases: SearchCase[],
  deps: SearchDeps,
): Promise<ClassFigures[]> {
  for (const warmUp of cases.slice(0, 5)) await timeCase(deps, { ...warmUp, pages: 1 });
  const memory = new PeakMemory();
  const progress = new Progress(label, cases.length);
  const timings: CaseTiming[] = [];
  for (const testCase of cases) {
    timings.push(await timeCase(deps, testCase));
    progress.tick(timings.length);
  }
  progress.finish(timings.length);
  const peak = memory.stop();
  const bands = [...new Set(timings.map((t) => t.band))];
  const perBand =
    bands.length > 1
      ? bands.map((band) =>
          figures(
            `${label} — ${band}`,
            timings.filter((t) => t.band === band),
            peak,
          ),
        )
      : [];
  return [figures(label, timings, peak), ...perBand];
}
