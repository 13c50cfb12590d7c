/**
 * The million-item SQLite database the search benchmark reads. Filling it through the repository takes
 * minutes, so it is kept under bench/out/ keyed by seed and size, with a marker file written only after a
 * complete load (`--fresh` rebuilds it). The load's own throughput is recorded in the marker and reported.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStorage } from '../../src/storage/index.js';
import type { BenchContext } from '../benchmarks/context.js';
import { INSERT_BATCH, type InsertFigures } from '../benchmarks/insert-measure.js';
import { readCorpus } from '../corpus/cache.js';
import { createReferences, resolveItem } from '../corpus/references.js';
import { PeakMemory } from '../support/memory.js';
import { today } from '../support/machine.js';
import { Progress } from '../support/progress.js';

/** A ready search database and how (and when) it was loaded. */
export interface SearchDatabase {
  file: string;
  load: InsertFigures & { date: string; cached: boolean };
}

/** Returns the cached database for (seed, size), building it first when needed. */
export async function ensureSearchDatabase(context: BenchContext, size: number): Promise<SearchDatabase> {
  const file = join(context.outDir, `search-seed${context.options.seed}-n${size}.sqlite`);
  const marker = `${file}.done.json`;
  if (existsSync(marker) && existsSync(file) && !context.options.fresh) {
    const load = JSON.parse(readFileSync(marker, 'utf8')) as InsertFigures & { date: string };
    return { file, load: { ...load, cached: true } };
  }
  for (const stale of [marker, file, `${file}-wal`, `${file}-shm`]) rmSync(stale, { force: true });
  const corpus = await context.corpus(size);
  const load = { ...(await loadDatabase(file, corpus.items, size)), date: today() };
  writeFileSync(marker, JSON.stringify(load));
  return { file, load: { ...load, cached: false } };
}

async function loadDatabase(file: string, corpusFile: string, size: number): Promise<InsertFigures> {
  process.stderr.write(`building search database ${file}\n`);
  const storage = await openStorage(`sqlite:${file}`);
  try {
    const references = await createReferences(storage);
    const progress = new Progress('load search database', size);
    const memory = new PeakMemory();
    let insertMs = 0;
    let done = 0;
    for await (const batch of readCorpus(corpusFile, INSERT_BATCH, size)) {
      const resolved = batch.map((item) => resolveItem(item, references));
      const start = performance.now();
      await storage.items.insertMany(resolved);
      insertMs += performance.now() - start;
      done += batch.length;
      progress.tick(done);
    }
    progress.finish(done);
    return {
      items: done,
      seconds: insertMs / 1000,
      itemsPerSecond: done / (insertMs / 1000),
      peakRssMiB: memory.stop(),
    };
  } finally {
    await storage.close();
  }
}
