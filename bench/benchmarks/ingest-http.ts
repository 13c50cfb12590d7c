/**
 * Push ingest throughput over HTTP: the real server (composed as `fengxiang serve` composes it, on an
 * embedded SQLite file) listening on 127.0.0.1, a push source with its token, and batches of 500 items
 * POSTed as JSON arrays by 4 concurrent clients — beside a baseline in the same run that hands the same
 * batches straight to the accept step (normalise, dedup, store) in process, without HTTP, JSON or schema
 * checks. The ratio is what the HTTP layer costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { buildHttpApi, collectDeps, openRuntime } from '../../src/cli/compose.js';
import { acceptItems } from '../../src/pipeline/collect/accept.js';
import type { RawItem } from '../../src/domain/collection.js';
import { createLogger } from '../../src/platform/logger.js';
import { sha256Hex } from '../../src/platform/sha256.js';
import type { NewItem } from '../../src/storage/repositories.js';
import { describeMachine, today } from '../support/machine.js';
import { PeakMemory } from '../support/memory.js';
import { Progress } from '../support/progress.js';
import { formatCount, formatRatio, type BenchSection } from '../support/report.js';
import { batchesOf, loadCorpusItems, type Benchmark } from './context.js';

const DEFAULT_ITEMS = 100_000;
const BATCH = 500;
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 4);
const TOKEN = 'fxi_benchmark-token-not-a-secret';

interface Figures {
  items: number;
  seconds: number;
  peakRssMiB: number;
}

function pushRecord(item: NewItem, index: number, round: string): Record<string, unknown> {
  return {
    id: `${round}-${index}`,
    title: item.title ?? undefined,
    content: item.content,
    url: item.url ? `${item.url}?round=${round}` : undefined,
    author: item.author ?? undefined,
    publishedAt: new Date(item.publishedAt).toISOString(),
    likes: item.engagement?.likes ?? 0,
    platform: item.platform ?? undefined,
  };
}

function rawItem(record: Record<string, unknown>): RawItem {
  return {
    kind: 'post',
    externalId: record['id'] as string,
    title: (record['title'] as string | undefined) ?? null,
    content: record['content'] as string,
    url: (record['url'] as string | undefined) ?? null,
    author: (record['author'] as string | undefined) ?? null,
    publishedAt: Date.parse(record['publishedAt'] as string),
    engagement: { likes: record['likes'] as number },
  };
}

async function runConcurrently<T>(
  work: readonly T[],
  clients: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < work.length) {
        const item = work[next++];
        if (item !== undefined) await run(item);
      }
    }),
  );
}

/** The `ingest-http` benchmark. */
export const ingestHttpBenchmark: Benchmark = {
  name: 'ingest-http',
  async run(context) {
    const size = context.options.items ?? DEFAULT_ITEMS;
    const items = await loadCorpusItems(await context.corpus(size), size);
    const dir = mkdtempSync(join(context.outDir, 'ingest-http-'));
    const config = loadConfig({
      env: {
        DATABASE_URL: `sqlite:${join(dir, 'fengxiang.sqlite')}`,
        JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'),
        DATA_DIR: dir,
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PER_MINUTE: '1000000',
        BODY_LIMIT_BYTES: String(64 * 1024 * 1024),
      },
      cwd: dir,
    });
    const runtime = await openRuntime(config, createLogger('silent'));
    const app = await buildHttpApi(runtime);
    try {
      const unit = await runtime.storage.units.create({ name: '基准测试单位', parentId: null });
      // Two sources: dedup is per source, so each path stores every item of the same corpus.
      const source = await runtime.storage.sources.create({
        unitId: unit.id,
        name: '进程内基准',
        kind: 'push',
      });
      const pushed = await runtime.storage.sources.create({
        unitId: unit.id,
        name: '推送基准',
        kind: 'push',
      });
      await runtime.storage.sources.setIngestToken(pushed.id, sha256Hex(TOKEN));
      const address = await app.listen({ host: '127.0.0.1', port: 0 });

      const baselineBatches = batchesOf(
        items.map((item, i) => rawItem(pushRecord(item, i, 'direct'))),
        BATCH,
      );
      const direct = await measure('accept step in process', size, baselineBatches, async (batch) => {
        const stored = await runtime.storage.sources.get(source.id);
        if (!stored) throw new Error('push source vanished');
        await acceptItems(collectDeps(runtime), stored, batch, Date.now());
      });

      const bodies = batchesOf(
        items.map((item, i) => pushRecord(item, i, 'http')),
        BATCH,
      ).map((batch) => JSON.stringify(batch));
      const http = await measure(`POST /api/v1/ingest × ${CLIENTS} clients`, size, bodies, async (body) => {
        const response = await fetch(`${address}/api/v1/ingest`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body,
        });
        if (response.status !== 200)
          throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
        const answer = (await response.json()) as { rejected: number; results: unknown[] };
        // The corpus repeats some short texts, so a few items are duplicates by content; none may be refused.
        if (answer.rejected > 0 || answer.results.length === 0)
          throw new Error(`ingest refused items: ${JSON.stringify(answer).slice(0, 600)}`);
      });
      return section(size, http, direct);
    } finally {
      await app.close();
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

async function measure<T>(
  label: string,
  size: number,
  batches: readonly T[],
  run: (batch: T) => Promise<void>,
): Promise<Figures> {
  const progress = new Progress(label, batches.length);
  const memory = new PeakMemory();
  const start = performance.now();
  let done = 0;
  await runConcurrently(batches, CLIENTS, async (batch) => {
    await run(batch);
    progress.tick(++done);
  });
  const seconds = (performance.now() - start) / 1000;
  progress.finish(done);
  return { items: size, seconds, peakRssMiB: memory.stop() };
}

function row(path: string, figures: Figures, baseline: Figures): string[] {
  const rate = figures.items / figures.seconds;
  return [
    path,
    formatCount(figures.items),
    figures.seconds.toFixed(1),
    formatCount(Math.round(rate)),
    figures === baseline ? '1.00× (baseline)' : formatRatio(rate / (baseline.items / baseline.seconds)),
    formatCount(Math.round(figures.peakRssMiB)),
  ];
}

function section(size: number, http: Figures, direct: Figures): BenchSection {
  return {
    name: 'ingest-http',
    title: 'Push ingest throughput — POST /api/v1/ingest on SQLite',
    context: [
      `Measured ${today()} on ${describeMachine()}.`,
      `${size.toLocaleString('en')} corpus items in JSON arrays of ${BATCH}, ${CLIENTS} concurrent clients on the same machine (127.0.0.1); the server composed as \`fengxiang serve\` composes it.`,
      `Reproduce: \`npm run bench -- --only ingest-http --items ${size}\`.`,
    ],
    tables: [
      {
        headers: ['path', 'items', 'seconds', 'items/s', 'ratio to baseline', 'peak RSS (MiB)'],
        rows: [
          row('HTTP: token check, JSON parse, per-item schema, accept, per-item answer', http, direct),
          row('accept step in process (normalise, dedup, store), same batches', direct, direct),
        ],
      },
    ],
    notes: [
      'Both paths handle every item (each into its own push source, since dedup is per source; the corpus repeats some short texts, which both paths recognise as duplicates). Peak RSS is the one process that runs server and clients.',
    ],
  };
}
