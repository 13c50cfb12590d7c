/**
 * Search latency on SQLite over a million items: single terms (common, medium, rare), boolean expressions
 * over a time window, filtered queries and deep keyset pagination, each through `storage.items.search`
 * with the parsed and segmented expression, beside the bare FTS5 index for the same match. The slowest
 * query of each class is explained (EXPLAIN QUERY PLAN) in the report.
 */
import BetterSqlite3 from 'better-sqlite3';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { readTermStats } from '../corpus/cache.js';
import { createQueryCompiler } from '../search/compile.js';
import { ensureSearchDatabase } from '../search/database.js';
import { explainSearch, type ExplainedStatement } from '../search/explain.js';
import { measureClass, PAGE_SIZE, type ClassFigures, type SearchDeps } from '../search/measure.js';
import {
  booleanCases,
  deepPageCases,
  filteredCases,
  singleTermCases,
  type SearchCase,
} from '../search/query-sets.js';
import { searchSection, type SearchReport } from '../search/section.js';
import type { Benchmark } from './context.js';

const DEFAULT_ITEMS = 1_000_000;
const DEEP_PAGE = 50;

/** The classes of cases, in report order, with their latency targets (p95 ms) where the brief sets one. */
function caseClasses(
  stats: ReturnType<typeof readTermStats>,
  queries: number,
  seed: number,
): { label: string; cases: SearchCase[]; targetP95: number | null }[] {
  return [
    { label: 'single term', cases: singleTermCases(stats, queries, seed), targetP95: 50 },
    { label: 'boolean + time window', cases: booleanCases(queries, seed), targetP95: 100 },
    { label: 'term + negative + province', cases: filteredCases(stats, queries, seed), targetP95: null },
    {
      label: `deep pagination (page ${DEEP_PAGE})`,
      cases: deepPageCases(stats, Math.max(5, Math.round(queries / 30)), DEEP_PAGE, seed),
      targetP95: null,
    },
  ];
}

async function explainSlowest(
  file: string,
  deps: SearchDeps,
  figures: ClassFigures,
): Promise<ExplainedStatement[]> {
  const slowest = figures.slowest;
  if (!slowest) return [];
  const match = deps.compile(slowest.testCase.expression);
  return explainSearch(file, {
    scope: deps.scope,
    match,
    filters: slowest.testCase.filters,
    sort: 'time',
    page: { limit: PAGE_SIZE, cursor: slowest.cursor },
  });
}

async function scopeOfAllUnits(storage: Storage): Promise<{ unitIds: string[] }> {
  const units = await storage.units.list({ unitIds: null });
  return { unitIds: units.map((unit) => unit.id) };
}

/** The `search-sqlite` benchmark. */
export const searchSqliteBenchmark: Benchmark = {
  name: 'search-sqlite',
  async run(context) {
    const size = context.options.items ?? DEFAULT_ITEMS;
    const stats = readTermStats(await context.corpus(size));
    const database = await ensureSearchDatabase(context, size);
    const storage = await openStorage(`sqlite:${database.file}`);
    const raw = new BetterSqlite3(database.file, { readonly: true });
    try {
      const compile = await createQueryCompiler();
      const deps: SearchDeps = { items: storage.items, scope: await scopeOfAllUnits(storage), compile, raw };
      const report: SearchReport = {
        size,
        queries: context.options.queries,
        load: database.load,
        classes: [],
      };
      for (const { label, cases, targetP95 } of caseClasses(
        stats,
        context.options.queries,
        context.options.seed,
      )) {
        const [whole, ...bands] = await measureClass(label, cases, deps);
        if (!whole) continue;
        const explained = await explainSlowest(database.file, deps, whole);
        report.classes.push({ whole, bands, targetP95, explained, example: cases[0] ?? null });
      }
      return searchSection(report);
    } finally {
      raw.close();
      await storage.close();
    }
  },
};
