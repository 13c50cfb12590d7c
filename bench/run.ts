/**
 * `npm run bench` — Fengxiang's benchmarks. Each benchmark prints its table to stdout (progress goes to
 * stderr) and, unless `--no-write`, replaces its own section of docs/benchmarks.md. Never part of
 * `npm test`. Flags: see bench/options.ts.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../src/platform/errors.js';
import type { BenchContext, Benchmark } from './benchmarks/context.js';
import { alertLatencyBenchmark } from './benchmarks/alert-latency.js';
import { analyzeBenchmark } from './benchmarks/analyze.js';
import { importSqliteBenchmark } from './benchmarks/import-sqlite.js';
import { ingestHttpBenchmark } from './benchmarks/ingest-http.js';
import { insertPostgresBenchmark } from './benchmarks/insert-postgres.js';
import { insertSqliteBenchmark } from './benchmarks/insert-sqlite.js';
import { reportDailyBenchmark } from './benchmarks/report-daily.js';
import { consoleFirstLoadBenchmark } from './benchmarks/console-first-load.js';
import { schemesBenchmark } from './benchmarks/schemes.js';
import { searchSqliteBenchmark } from './benchmarks/search-sqlite.js';
import { searchPostgres10mBenchmark } from './benchmarks/search-postgres-10m.js';
import { pipelineThroughputBenchmark } from './benchmarks/pipeline-throughput.js';
import { ensureCorpus } from './corpus/cache.js';
import { loadIndexTokenizer } from './corpus/tokenizer.js';
import { parseBenchOptions } from './options.js';
import { renderSection, writeSections, type BenchSection } from './support/report.js';

const BENCHMARKS: readonly Benchmark[] = [
  insertSqliteBenchmark,
  insertPostgresBenchmark,
  searchSqliteBenchmark,
  importSqliteBenchmark,
  ingestHttpBenchmark,
  schemesBenchmark,
  analyzeBenchmark,
  alertLatencyBenchmark,
  reportDailyBenchmark,
  consoleFirstLoadBenchmark,
  pipelineThroughputBenchmark,
  searchPostgres10mBenchmark,
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOC = join(ROOT, 'docs', 'benchmarks.md');

const PREAMBLE = `# Benchmarks

Speed figures of Fengxiang, each measured by \`npm run bench\` beside a baseline measured in the same run on the
same machine (DESIGN.md §9), with the ratio between them. The corpus is synthetic but shaped like monitoring
data: Chinese Weibo-style posts, comments, news articles and message-board appeals, generated from fixed word
lists with a seeded random generator (bench/corpus/), segmented with the project's own segmenter.

Run everything with \`npm run bench\` (PostgreSQL parts need \`--postgres URL\`, \`FENGXIANG_BENCH_POSTGRES_URL\` or
\`FENGXIANG_TEST_POSTGRES_URL\`), or one part with \`--only NAME\`; \`--items N\` changes the corpus size and
\`--queries N\` the queries per class. Corpora and the search database are cached under \`bench/out/\`.
`;

function selected(only: string | null): readonly Benchmark[] {
  if (only === null) return BENCHMARKS;
  const found = BENCHMARKS.filter((b) => b.name === only);
  if (found.length === 0) {
    const names = BENCHMARKS.map((b) => b.name).join(', ');
    throw new AppError('VALIDATION_FAILED', `--only ${only}: no such benchmark (known: ${names})`, { only });
  }
  return found;
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  const outDir = join(ROOT, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  const context: BenchContext = {
    options,
    outDir,
    corpus: (size) => ensureCorpus(outDir, { seed: options.seed, size }, loadIndexTokenizer),
  };
  const sections: BenchSection[] = [];
  for (const benchmark of selected(options.only)) {
    process.stderr.write(`\n== ${benchmark.name}\n`);
    const section = await benchmark.run(context);
    if (!section) continue;
    process.stdout.write(`\n${renderSection(section)}\n`);
    sections.push(section);
    if (options.write) writeSections(DOC, [section], PREAMBLE);
  }
  if (options.write && sections.length > 0)
    process.stderr.write(`\nwrote ${sections.length} section(s) to ${DOC}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
