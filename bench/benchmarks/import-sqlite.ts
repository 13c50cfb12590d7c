/**
 * `fengxiang import` throughput on SQLite: a JSONL file of corpus items read, mapped, normalised
 * (canonical URL, time, language, normalised text, jieba tokens, content hash), deduplicated and stored
 * through the same `importFile` orchestrator the command runs, into a fresh database — beside a baseline
 * in the same run that reads the same file, parses each line and inserts the rows with raw better-sqlite3
 * into a plain table. The import path includes full analysis (sentiment, categories, regions, appeal,
 * keywords, SimHash and near-duplicate linking), as `fengxiang import` does.
 */
import { createReadStream, createWriteStream, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { loadAnalysers } from '../../src/analysis/analyze/load.js';
import { readDomainDictionary } from '../../src/analysis/segment/domain-dictionary.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import { importFile } from '../../src/pipeline/import.js';
import { systemClock } from '../../src/platform/clock.js';
import { openStorage } from '../../src/storage/index.js';
import type { NewItem } from '../../src/storage/repositories.js';
import { openRawSqlite } from '../baselines/raw-sqlite.js';
import { readCorpus } from '../corpus/cache.js';
import { describeMachine, today } from '../support/machine.js';
import { PeakMemory } from '../support/memory.js';
import { Progress } from '../support/progress.js';
import { formatCount, formatRatio, type BenchSection } from '../support/report.js';
import type { Benchmark } from './context.js';
import { sqliteSizeMiB } from './insert-sqlite.js';

const DEFAULT_ITEMS = 1_000_000;
const BASELINE_BATCH = 1000;

/** One measured path. */
interface Figures {
  /** Rows read and handled. */
  items: number;
  /** Of those, stored as new and recognised as duplicates (the corpus repeats some short texts). */
  stored?: number;
  duplicates?: number;
  seconds: number;
  peakRssMiB: number;
  sizeMiB: number;
}

/** The import file for a corpus: one JSON object per line in the shape an export or crawler writes. */
async function writeImportFile(corpusFile: string, file: string, size: number): Promise<void> {
  if (existsSync(file)) return;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  for await (const batch of readCorpus(corpusFile, 5000, size)) {
    const text = batch.map((item) => `${JSON.stringify(toExportRecord(item))}\n`).join('');
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
  renameSync(partial, file);
}

function toExportRecord(item: NewItem): Record<string, unknown> {
  return {
    id: item.id,
    title: item.title ?? undefined,
    content: item.content,
    url: item.url ?? undefined,
    author: item.author ?? undefined,
    time: new Date(item.publishedAt).toISOString(),
    likes: item.engagement?.likes ?? 0,
    comments: item.engagement?.comments ?? 0,
    reposts: item.engagement?.reposts ?? 0,
    platform: item.platform ?? undefined,
  };
}

async function measureImport(file: string, database: string, size: number): Promise<Figures> {
  const storage = await openStorage(`sqlite:${database}`);
  try {
    const unit = await storage.units.create({ name: '基准测试单位', parentId: null });
    const segmenter = new Segmenter();
    segmenter.addDictionary(readDomainDictionary());
    const analysers = loadAnalysers(segmenter);
    const progress = new Progress('fengxiang import (importFile)', size);
    const memory = new PeakMemory();
    const start = performance.now();
    const summary = await importFile(
      {
        storage,
        segmenter,
        analysers,
        clock: systemClock,
        settings: { defaultTimeZone: 'Asia/Shanghai', author: { mode: 'plain', key: '' } },
      },
      { path: file, unitId: unit.id, format: 'jsonl' },
      (counts) => progress.tick(counts.read),
    );
    const seconds = (performance.now() - start) / 1000;
    progress.finish(summary.read);
    if (summary.inserted !== size) {
      process.stderr.write(`import stored ${summary.inserted} of ${size} (rejected ${summary.rejected})\n`);
    }
    return {
      items: summary.read,
      stored: summary.inserted,
      duplicates: summary.duplicates,
      seconds,
      peakRssMiB: memory.stop(),
      sizeMiB: sqliteSizeMiB(database),
    };
  } finally {
    await storage.close();
  }
}

/** Reads the same file, parses every line and inserts the rows with raw prepared statements. */
async function measureRawBaseline(file: string, database: string, size: number): Promise<Figures> {
  const raw = openRawSqlite(database);
  const progress = new Progress('raw read + parse + insert', size);
  const memory = new PeakMemory();
  const start = performance.now();
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let batch: NewItem[] = [];
  let done = 0;
  for await (const line of lines) {
    if (line === '') continue;
    const record = JSON.parse(line) as {
      id: string;
      title?: string;
      content: string;
      url?: string;
      time: string;
    };
    batch.push({
      id: record.id,
      unitId: 'unit',
      kind: 'post',
      title: record.title ?? null,
      content: record.content,
      url: record.url ?? null,
      contentHash: record.id,
      publishedAt: Date.parse(record.time),
      collectedAt: Date.now(),
    });
    if (batch.length === BASELINE_BATCH) {
      raw.insertBatch(batch);
      done += batch.length;
      batch = [];
      progress.tick(done);
    }
  }
  raw.insertBatch(batch);
  done += batch.length;
  const seconds = (performance.now() - start) / 1000;
  progress.finish(done);
  raw.close();
  return { items: done, seconds, peakRssMiB: memory.stop(), sizeMiB: sqliteSizeMiB(database) };
}

/** The `import-sqlite` benchmark. */
export const importSqliteBenchmark: Benchmark = {
  name: 'import-sqlite',
  async run(context) {
    const size = context.options.items ?? DEFAULT_ITEMS;
    const corpus = await context.corpus(size);
    const file = join(context.outDir, `import-seed${context.options.seed}-n${size}.jsonl`);
    await writeImportFile(corpus.items, file, size);
    const dir = mkdtempSync(join(context.outDir, 'import-sqlite-'));
    try {
      const baseline = await measureRawBaseline(file, join(dir, 'raw.sqlite'), size);
      const imported = await measureImport(file, join(dir, 'app.sqlite'), size);
      return section(size, imported, baseline);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function row(path: string, figures: Figures, baseline: Figures): string[] {
  const rate = figures.items / figures.seconds;
  const baseRate = baseline.items / baseline.seconds;
  return [
    path,
    formatCount(figures.items),
    figures.seconds.toFixed(1),
    formatCount(Math.round(rate)),
    figures === baseline ? '1.00× (baseline)' : formatRatio(rate / baseRate),
    formatCount(Math.round(figures.peakRssMiB)),
    formatCount(Math.round(figures.sizeMiB)),
  ];
}

function section(size: number, imported: Figures, baseline: Figures): BenchSection {
  return {
    name: 'import-sqlite',
    title: 'Import throughput — `fengxiang import` on SQLite',
    context: [
      `Measured ${today()} on ${describeMachine()}.`,
      `${size.toLocaleString('en')} corpus items written once as a JSONL export (id, title, content, url, author, ISO time, counters), read back by both paths.`,
      `Reproduce: \`npm run bench -- --only import-sqlite --items ${size}\`.`,
    ],
    tables: [
      {
        headers: [
          'path',
          'items',
          'seconds',
          'items/s',
          'ratio to baseline',
          'peak RSS (MiB)',
          'database size (MiB)',
        ],
        rows: [
          row(
            'importFile: read, map, normalise, analyse, dedup, store (batches of 1,000)',
            imported,
            baseline,
          ),
          row('raw: read + JSON.parse + better-sqlite3 insert into a plain table', baseline, baseline),
        ],
      },
    ],
    notes: [
      `The import stored ${formatCount(imported.stored ?? 0)} items and recognised ${formatCount(imported.duplicates ?? 0)} as duplicates by content (the synthetic corpus repeats short texts); items/s counts every row handled.`,
      'The import path does everything `fengxiang import` does: column mapping, canonical URL, time parsing, ' +
        'normalisation, full analysis (sentiment and emotion, categories, regions, appeal, keywords, SimHash), ' +
        'exact dedup lookups (platform id, URL, hash), near-duplicate linking by SimHash band and the FTS5-indexed ' +
        'insert. The ratio is import items/s ÷ baseline items/s.',
    ],
  };
}
