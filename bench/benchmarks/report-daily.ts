/**
 * Daily report over a day of 100,000 items on the embedded SQLite default: reading the report's data through
 * the traced data source and building the document, then rendering DOCX and PDF (charts drawn on the server).
 * Beside it, in the same run, the baseline: one plain better-sqlite3 pass reading every column of the day's
 * items through the (unit_id, published_at) index. The ratio says how many such passes the whole report costs.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RegionRef, SentimentLabel } from '../../src/domain/index.js';
import { generateReportDocument } from '../../src/reports/generate.js';
import { renderReport } from '../../src/reports/render/index.js';
import { openStorage } from '../../src/storage/index.js';
import type { NewItem, Storage } from '../../src/storage/repositories.js';
import { SeededRandom } from '../corpus/random.js';
import { describeMachine, today } from '../support/machine.js';
import { PeakMemory } from '../support/memory.js';
import { formatCount, formatMs, formatRatio, type BenchSection } from '../support/report.js';
import { batchesOf, loadCorpusItems, type Benchmark } from './context.js';

const DEFAULT_ITEMS = 100_000;
const RUNS = 3;
const DAY = 86_400_000;
/** 2026-11-23 17:00 to 2026-11-24 17:00 in Asia/Shanghai. */
const FROM = Date.UTC(2026, 10, 23, 9);
const TO = FROM + DAY;

const SENTIMENTS: SentimentLabel[] = ['positive', 'neutral', 'neutral', 'negative'];
const CATEGORIES = [
  [],
  ['housing'],
  ['education'],
  ['public_safety', 'traffic'],
  ['healthcare'],
  ['corruption'],
];
const REGIONS: RegionRef[][] = [
  [],
  [{ province: '江苏省', city: '苏州市', county: '姑苏区' }],
  [{ province: '江苏省', city: '南京市', county: null }],
  [{ province: '浙江省', city: '杭州市', county: null }],
];

/** Spreads the corpus over the report's day, in one unit, with analysis fields drawn from a seeded source. */
function dayOfItems(items: NewItem[], unitId: string, seed: number): NewItem[] {
  const random = new SeededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next() * list.length)] as T;
  return items.map((item, index) => ({
    ...item,
    unitId,
    sourceId: null,
    parentId: null,
    publishedAt: FROM + Math.floor((index * DAY) / items.length),
    collectedAt: FROM + Math.floor((index * DAY) / items.length) + 60_000,
    sentiment: pick(SENTIMENTS),
    categories: [...pick(CATEGORIES)],
    regions: pick(REGIONS),
  }));
}

async function median(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
}

function baselineRead(file: string, unitId: string): Promise<number> {
  const database = new BetterSqlite3(file, { readonly: true });
  const statement = database.prepare(
    'select * from items where unit_id = ? and published_at >= ? and published_at < ?',
  );
  return median(async () => {
    let rows = 0;
    for (const row of statement.iterate(unitId, FROM, TO)) if (row) rows += 1;
    if (rows === 0) throw new Error('baseline read no rows');
  }).finally(() => database.close());
}

async function generate(storage: Storage, unitId: string) {
  return generateReportDocument(
    {
      data: storage.reportData,
      countIssued: (scope, from, to) => storage.reports.countIssued(scope, from, to),
    },
    {
      type: 'daily',
      unit: { id: unitId, name: '基准测试单位' },
      unitIds: [unitId],
      period: { from: FROM, to: TO, label: '2026年11月24日', timeZone: 'Asia/Shanghai' },
      now: TO,
    },
  );
}

async function storeDay(storage: Storage, items: NewItem[]): Promise<void> {
  for (const batch of batchesOf(items, 1000)) await storage.items.insertMany(batch);
  process.stderr.write(`report-daily: stored ${formatCount(items.length)} items\n`);
}

/** The `report-daily` benchmark. */
export const reportDailyBenchmark: Benchmark = {
  name: 'report-daily',
  async run(context) {
    const size = context.options.items ?? DEFAULT_ITEMS;
    const files = await context.corpus(size);
    const dir = mkdtempSync(join(context.outDir, 'report-daily-'));
    try {
      const file = join(dir, 'app.sqlite');
      const storage = await openStorage(`sqlite:${file}`);
      const unit = await storage.units.create({ name: '基准测试单位', parentId: null });
      await storeDay(storage, dayOfItems(await loadCorpusItems(files, size), unit.id, context.options.seed));
      // Let the corpus go before memory is watched: the peak is the report's, not the fixture's.
      (globalThis as { gc?: () => void }).gc?.();
      const baseline = await baselineRead(file, unit.id);
      const memory = new PeakMemory();
      const { document } = await generate(storage, unit.id);
      const generation = await median(() => generate(storage, unit.id));
      const docx = await median(() => renderReport(document, 'docx'));
      const pdf = await median(() => renderReport(document, 'pdf'));
      const peak = memory.stop();
      const total = document.figures['items.total']?.value ?? 0;
      await storage.close();
      return section(size, total, { baseline, generation, docx, pdf, peak });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

interface Figures {
  baseline: number;
  generation: number;
  docx: number;
  pdf: number;
  peak: number;
}

function section(size: number, counted: number, f: Figures): BenchSection {
  const row = (path: string, ms: number): string[] => [path, formatMs(ms), formatRatio(ms / f.baseline)];
  return {
    name: 'report-daily',
    title: 'Daily report over 100,000 items — SQLite',
    context: [
      `Measured ${today()} on ${describeMachine()}.`,
      `${formatCount(size)} corpus items spread over one report day of one unit (the report counted ${formatCount(counted)}), with sentiment, categories and regions assigned from a seeded source; median of ${RUNS} runs each.`,
      `Reproduce: \`npm run bench -- --only report-daily --items ${size}\`.`,
    ],
    tables: [
      {
        headers: ['step', 'time (ms)', '× baseline read'],
        rows: [
          row('read the data (traced queries) and build the document', f.generation),
          row('render DOCX (charts as PNG)', f.docx),
          row('render PDF (CJK font embedded, charts as vector)', f.pdf),
          row('generation + DOCX + PDF', f.generation + f.docx + f.pdf),
          row('baseline: raw better-sqlite3 read of every column of the day’s items', f.baseline),
        ],
      },
    ],
    notes: [
      `Peak resident memory of the process during generation and rendering: ${f.peak} MiB (the process also holds the SQLite cache of the 100,000-item database).`,
      'The corpus has no events or alerts, so those sections print their notices; event and alert lists are capped ' +
        '(10 events, 20 alerts), so they add little at any volume.',
    ],
  };
}
