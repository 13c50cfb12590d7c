/** What every benchmark receives and returns. */
import type { NewItem } from '../../src/storage/repositories.js';
import type { CorpusFiles } from '../corpus/cache.js';
import { readCorpus } from '../corpus/cache.js';
import type { BenchOptions } from '../options.js';
import type { BenchSection } from '../support/report.js';

/** Shared services of one `npm run bench`. */
export interface BenchContext {
  options: BenchOptions;
  /** The corpus of `size` items for the run's seed, generated on first use. */
  corpus(size: number): Promise<CorpusFiles>;
  /** Folder for scratch databases and caches (bench/out). */
  outDir: string;
}

/** One named benchmark; returns null when it cannot run here (it says why on stderr). */
export interface Benchmark {
  name: string;
  run(context: BenchContext): Promise<BenchSection | null>;
}

/** Every item of a corpus file (at most `limit`), in memory, so that reading is not timed. */
export async function loadCorpusItems(files: CorpusFiles, limit: number): Promise<NewItem[]> {
  const items: NewItem[] = [];
  for await (const batch of readCorpus(files.items, 5000, limit)) items.push(...batch);
  return items;
}

/** Splits `list` into consecutive batches of `size`. */
export function batchesOf<T>(list: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < list.length; i += size) batches.push(list.slice(i, i + size));
  return batches;
}
