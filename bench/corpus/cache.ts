/**
 * The corpus on disk: generating a million items with jieba takes minutes, so each (seed, size) is written
 * once as JSONL under bench/out/ (tokens included) and read back by later runs. Beside it goes a table of
 * document frequencies, from which the search benchmark samples common, medium and rare terms.
 */
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { NewItem } from '../../src/storage/repositories.js';
import { Progress } from '../support/progress.js';
import { generateCorpus, type CorpusSpec, type IndexTokenizer } from './generate.js';

/** Where one corpus lives. */
export interface CorpusFiles {
  items: string;
  terms: string;
}

/** How many items contain each token (tokens with at least two CJK characters). */
export interface TermStats {
  size: number;
  documentFrequency: Record<string, number>;
}

const INDEXABLE_TERM = /^[\u4e00-\u9fff]{2,}$/;

/** The file names of the corpus for `spec` under `outDir`. */
export function corpusFiles(outDir: string, spec: CorpusSpec): CorpusFiles {
  const base = join(outDir, `corpus-seed${spec.seed}-n${spec.size}`);
  return { items: `${base}.jsonl`, terms: `${base}.terms.json` };
}

/** Makes sure the corpus file exists, generating it (with progress on stderr) when it does not. */
export async function ensureCorpus(
  outDir: string,
  spec: CorpusSpec,
  tokenizer: () => Promise<IndexTokenizer>,
): Promise<CorpusFiles> {
  const files = corpusFiles(outDir, spec);
  if (existsSync(files.items) && existsSync(files.terms)) return files;
  mkdirSync(outDir, { recursive: true });
  process.stderr.write(`generating corpus seed=${spec.seed} size=${spec.size} → ${files.items}\n`);
  writeCorpus(files, spec, await tokenizer());
  return files;
}

function writeCorpus(files: CorpusFiles, spec: CorpusSpec, tokenize: IndexTokenizer): void {
  const partial = `${files.items}.partial`;
  const fd = openSync(partial, 'w');
  const frequency = new Map<string, number>();
  const progress = new Progress('generate', spec.size);
  let buffer = '';
  let done = 0;
  for (const item of generateCorpus(spec, tokenize)) {
    countTerms(frequency, item.tokens ?? '');
    buffer += `${JSON.stringify(item)}\n`;
    if (++done % 1000 === 0) {
      writeSync(fd, buffer);
      buffer = '';
      progress.tick(done);
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  progress.finish(done);
  const stats: TermStats = { size: spec.size, documentFrequency: Object.fromEntries(frequency) };
  writeFileAtomically(files.terms, JSON.stringify(stats));
  renameSync(partial, files.items);
}

function countTerms(frequency: Map<string, number>, tokens: string): void {
  const seen = new Set(tokens.split(' ').filter((t) => INDEXABLE_TERM.test(t)));
  for (const term of seen) frequency.set(term, (frequency.get(term) ?? 0) + 1);
}

function writeFileAtomically(file: string, text: string): void {
  const fd = openSync(`${file}.partial`, 'w');
  writeSync(fd, text);
  closeSync(fd);
  renameSync(`${file}.partial`, file);
}

/** The term table of a corpus. */
export function readTermStats(files: CorpusFiles): TermStats {
  return JSON.parse(readFileSync(files.terms, 'utf8')) as TermStats;
}

/** Reads the corpus back in batches of `batchSize`, at most `limit` items. */
export async function* readCorpus(
  file: string,
  batchSize: number,
  limit = Infinity,
): AsyncGenerator<NewItem[]> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let batch: NewItem[] = [];
  let count = 0;
  for await (const line of lines) {
    if (line === '' || count >= limit) continue;
    batch.push(JSON.parse(line) as NewItem);
    count++;
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
    if (count >= limit) break;
  }
  lines.close();
  if (batch.length > 0) yield batch;
}
