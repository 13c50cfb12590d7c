/**
 * The measured part of the insert benchmarks: items through `storage.items.insertMany` in batches of 500,
 * and the raw-driver baselines, each timed on rows prepared beforehand and watched for peak memory.
 */
import type { NewItem, Storage } from '../../src/storage/repositories.js';
import { createReferences, resolveItem } from '../corpus/references.js';
import { PeakMemory } from '../support/memory.js';
import { Progress } from '../support/progress.js';
import { batchesOf } from './context.js';

/** The insert batch size the brief fixes (one collection run's worth). */
export const INSERT_BATCH = 500;

/** Items per second and peak RSS of one insert run. */
export interface InsertFigures {
  items: number;
  seconds: number;
  itemsPerSecond: number;
  peakRssMiB: number;
}

/** Inserts `items` through the repository (units and sources created first) and times it. */
export async function measureRepositoryInsert(
  storage: Storage,
  items: readonly NewItem[],
  label: string,
): Promise<InsertFigures> {
  const references = await createReferences(storage);
  const batches = batchesOf(
    items.map((item) => resolveItem(item, references)),
    INSERT_BATCH,
  );
  const progress = new Progress(label, items.length);
  const memory = new PeakMemory();
  const start = performance.now();
  let done = 0;
  for (const batch of batches) {
    await storage.items.insertMany(batch);
    done += batch.length;
    progress.tick(done);
  }
  const seconds = (performance.now() - start) / 1000;
  progress.finish(done);
  return { items: done, seconds, itemsPerSecond: done / seconds, peakRssMiB: memory.stop() };
}

/** Times `insertBatch` over `batches` of already prepared rows. */
export async function measureRawInsert<T>(
  batches: readonly T[][],
  label: string,
  insertBatch: (batch: T[]) => Promise<void> | void,
): Promise<InsertFigures> {
  const total = batches.reduce((sum, batch) => sum + batch.length, 0);
  const progress = new Progress(label, total);
  const memory = new PeakMemory();
  const start = performance.now();
  let done = 0;
  for (const batch of batches) {
    await insertBatch(batch);
    done += batch.length;
    progress.tick(done);
  }
  const seconds = (performance.now() - start) / 1000;
  progress.finish(done);
  return { items: done, seconds, itemsPerSecond: done / seconds, peakRssMiB: memory.stop() };
}
