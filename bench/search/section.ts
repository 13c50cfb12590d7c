/**
 * The report section of the search benchmark: the load of the database, the latency table with the FTS5
 * baseline and ratios, targets met or missed, and the query plans of the slowest query of each class.
 */
import type { InsertFigures } from '../benchmarks/insert-measure.js';
import { describeMachine, today } from '../support/machine.js';
import { formatCount, formatMs, formatRatio, type BenchSection, type Table } from '../support/report.js';
import type { ExplainedStatement } from './explain.js';
import type { ClassFigures } from './measure.js';
import type { SearchCase } from './query-sets.js';

/** One measured class with its bands, target and plans. */
export interface SearchClassReport {
  whole: ClassFigures;
  bands: ClassFigures[];
  targetP95: number | null;
  explained: ExplainedStatement[];
  example: SearchCase | null;
}

/** Everything the search section shows. */
export interface SearchReport {
  size: number;
  queries: number;
  load: InsertFigures & { date: string; cached: boolean };
  classes: SearchClassReport[];
}

function targetCell(figures: ClassFigures, target: number | null): string {
  if (target === null) return '–';
  return figures.storage.p95 < target ? `p95 < ${target} ms: met` : `p95 < ${target} ms: **missed**`;
}

function latencyRow(figures: ClassFigures, target: number | null): string[] {
  const { storage, baseline } = figures;
  return [
    figures.label,
    formatCount(storage.count),
    formatMs(storage.p50),
    formatMs(storage.p95),
    formatMs(storage.p99),
    formatMs(baseline.p50),
    formatMs(baseline.p95),
    formatRatio(storage.p50 / baseline.p50),
    formatRatio(storage.p95 / baseline.p95),
    figures.meanRows.toFixed(1),
    `${Math.round(figures.emptyShare * 100)}%`,
    formatCount(figures.peakRssMiB),
    targetCell(figures, target),
  ];
}

function latencyTable(report: SearchReport): Table {
  const rows = report.classes.flatMap((c) => [
    latencyRow(c.whole, c.targetP95),
    ...c.bands.map((b) => latencyRow(b, null)),
  ]);
  return {
    caption: 'Search latency (ms), storage.items.search beside the bare FTS5 query',
    headers: [
      'query class',
      'queries',
      'p50',
      'p95',
      'p99',
      'FTS5 p50',
      'FTS5 p95',
      'ratio p50',
      'ratio p95',
      'rows/page',
      'empty',
      'peak RSS (MiB)',
      'target',
    ],
    rows,
  };
}

function loadTable(load: SearchReport['load']): Table {
  return {
    caption: 'Loading the search database through storage.items.insertMany (batches of 500)',
    headers: ['items', 'seconds', 'items/s', 'peak RSS (MiB)', 'measured'],
    rows: [
      [
        formatCount(load.items),
        load.seconds.toFixed(1),
        formatCount(load.itemsPerSecond),
        formatCount(load.peakRssMiB),
        load.cached ? `${load.date} (cached database)` : load.date,
      ],
    ],
  };
}

function describeCase(testCase: SearchCase): string {
  const filters = Object.entries(testCase.filters).map(([key, value]) =>
    key === 'from' || key === 'to'
      ? `${key}=${new Date(value as number).toISOString().slice(0, 10)}`
      : `${key}=${JSON.stringify(value)}`,
  );
  return `\`${testCase.expression}\`${filters.length > 0 ? ` with ${filters.join(', ')}` : ''}${testCase.pages > 1 ? `, page ${testCase.pages}` : ''}`;
}

function planNotes(report: SearchReport): string[] {
  return report.classes.map((c) => {
    const heading = `**${c.whole.label}** — e.g. ${c.example ? describeCase(c.example) : '–'}; slowest: ${c.whole.slowest ? describeCase(c.whole.slowest.testCase) : '–'}`;
    const plans = c.explained.map((s) => ['```sql', s.sql, '```', '```text', ...s.plan, '```'].join('\n'));
    return [
      heading,
      '',
      '<details><summary>SQL and EXPLAIN QUERY PLAN of the slowest query</summary>',
      '',
      ...plans,
      '',
      '</details>',
    ].join('\n');
  });
}

/** The section for docs/benchmarks.md. */
export function searchSection(report: SearchReport): BenchSection {
  return {
    name: 'search-sqlite',
    title: 'Search latency — SQLite, FTS5',
    context: [
      `Measured ${today()} on ${describeMachine()}.`,
      `${formatCount(report.size)} corpus items over 90 days, 5 units, 10 sources; ${formatCount(report.queries)} queries per class ` +
        `(a thirtieth of that, at least 5, for deep pagination, each walked page by page with keyset cursors, only the last page timed).`,
      `Every query: scope = all five units, sort by time, ${20} rows per page, expression parsed and segmented as the search box does.`,
      `Reproduce: \`npm run bench -- --only search-sqlite --items ${report.size}\` (the database is cached under bench/out/; \`--fresh\` rebuilds it).`,
    ],
    tables: [loadTable(report.load), latencyTable(report)],
    notes: [
      'Baseline: `select rowid from items_fts where items_fts match ? limit 20` (with `offset 980` for page 50) for the same ' +
        'match, compiled from the same search tree — no scope, no filters, no time window, no ordering and no row fetch. ' +
        'The ratio is storage latency ÷ baseline latency at the same percentile. "empty" is the share of queries whose page had no row.',
      ...planNotes(report),
    ],
  };
}
