/**
 * Sustained throughput of the whole pipeline (issue 9): the replay source of the scale tests serves json
 * sources of a thousand posts each; `fengxiang` processes, started as an operator starts them, collect,
 * analyse, store, cluster and evaluate them against two monitoring schemes with alert rules and a webhook
 * channel. Timed from the moment the sources are created (every process already up) until the last item is
 * evaluated. Configurations: PostgreSQL + Redis with one API process and 1, 2 and 4 worker processes, and
 * the embedded SQLite default (one `fengxiang serve`). The 1-worker PostgreSQL figure is the baseline of
 * the scaling factor; peak RSS (VmHWM) is read per process from /proc.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { deleteKeys } from '../../test/jobs/redis-prefix.js';
import { readProgress } from '../../test/scale/harness/run-state.js';
import { startCli, until, waitForHealth, type CliProcess } from '../../test/scale/harness/cli-process.js';
import {
  createMonitoring,
  createReplaySources,
  prepareInstallation,
  startApi,
  startWorker,
  type Installation,
} from '../../test/scale/harness/installation.js';
import { ITEMS_PER_SOURCE, startReplaySource } from '../../test/scale/harness/replay-source.js';
import { startWebhookReceiver } from '../../test/scale/harness/webhook-receiver.js';
import { describeMachine, today } from '../support/machine.js';
import { formatCount, formatRatio, type BenchSection } from '../support/report.js';
import { serverVersion, withScratchDatabase } from '../support/scratch-postgres.js';
import type { Benchmark } from './context.js';

const DEFAULT_ITEMS = 10_000;
const WORKER_COUNTS = [1, 2, 4] as const;
const RUN_TIMEOUT_MS = 60 * 60_000;

interface RunFigures {
  label: string;
  items: number;
  seconds: number;
  /** Peak RSS of each worker process (MiB); for the SQLite run, of the one serve process. */
  workerRssMiB: number[];
  apiRssMiB: number | null;
}

function peakRssMiB(process: CliProcess): number {
  const status = readFileSync(`/proc/${process.pid ?? 0}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
}

async function waitForLog(process: CliProcess, message: string): Promise<void> {
  await until(
    () => {
      if (!process.alive()) throw new Error(`${process.name} exited: ${process.stderrTail()}`);
      return process.lines.some((line) => line.msg === message);
    },
    `${process.name} to log "${message}"`,
    180_000,
  );
}

/** Creates the sources and waits until `total` items are evaluated; returns the seconds it took. */
async function timeRun(
  installation: Installation,
  sources: number,
  total: number,
  progress: () => Promise<{ items: number; evaluated: number }>,
): Promise<number> {
  const replay = await startReplaySource(sources);
  try {
    const start = performance.now();
    await createReplaySources(installation, replay, sources);
    let last = 0;
    await until(
      async () => {
        const now = await progress().catch(() => ({ items: 0, evaluated: 0 }));
        if (performance.now() - last > 10_000) {
          last = performance.now();
          process.stderr.write(`  ${JSON.stringify(now)}\n`);
        }
        return now.items >= total && now.evaluated >= total;
      },
      `${total} items evaluated`,
      RUN_TIMEOUT_MS,
    );
    return (performance.now() - start) / 1000;
  } finally {
    await replay.close();
  }
}

async function runPostgres(
  serverUrl: string,
  redisUrl: string,
  workers: number,
  total: number,
): Promise<RunFigures> {
  return withScratchDatabase(serverUrl, async (databaseUrl) => {
    const prefix = `fxbench-${randomBytes(4).toString('hex')}`;
    const receiver = await startWebhookReceiver();
    const installation = await prepareInstallation({
      databaseUrl,
      redisUrl,
      queuePrefix: prefix,
      replayHost: '127.0.0.1',
      env: { LOG_LEVEL: 'info' },
    });
    const processes: CliProcess[] = [];
    try {
      const api = await startApi(installation);
      processes.push(api);
      await createMonitoring(installation, receiver.url);
      for (let n = 1; n <= workers; n += 1) processes.push(startWorker(installation, n));
      for (const worker of processes.slice(1)) await waitForLog(worker, 'worker running');
      const sources = Math.ceil(total / ITEMS_PER_SOURCE);
      const seconds = await timeRun(installation, sources, sources * ITEMS_PER_SOURCE, () =>
        readProgress(databaseUrl),
      );
      return {
        label: `PostgreSQL + Redis, ${workers} worker process${workers > 1 ? 'es' : ''} (+ 1 API process)`,
        items: sources * ITEMS_PER_SOURCE,
        seconds,
        workerRssMiB: processes.slice(1).map(peakRssMiB),
        apiRssMiB: peakRssMiB(api),
      };
    } finally {
      await Promise.all(processes.map((process) => process.stop()));
      await receiver.close();
      await deleteKeys(redisUrl, [prefix]);
      installation.remove();
    }
  });
}

function sqliteProgress(file: string): () => Promise<{ items: number; evaluated: number }> {
  return async () => {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const row = db
        .prepare('select count(*) as items, count(evaluated_at) as evaluated from items')
        .get() as {
        items: number;
        evaluated: number;
      };
      return row;
    } finally {
      db.close();
    }
  };
}

async function runSqlite(total: number): Promise<RunFigures> {
  const receiver = await startWebhookReceiver();
  const dir = mkdtempSync(join(tmpdir(), 'fx-bench-pipeline-'));
  const file = join(dir, 'fengxiang.sqlite');
  const installation = await prepareInstallation({
    databaseUrl: `sqlite:${file}`,
    redisUrl: '',
    queuePrefix: 'fengxiang',
    replayHost: '127.0.0.1',
  });
  let serve: CliProcess | null = null;
  try {
    serve = startCli('serve', ['serve'], installation.env);
    await waitForHealth(installation.origin, serve);
    await createMonitoring(installation, receiver.url);
    const sources = Math.ceil(total / ITEMS_PER_SOURCE);
    const seconds = await timeRun(installation, sources, sources * ITEMS_PER_SOURCE, sqliteProgress(file));
    return {
      label: 'embedded SQLite, one `fengxiang serve` (all roles)',
      items: sources * ITEMS_PER_SOURCE,
      seconds,
      workerRssMiB: [peakRssMiB(serve)],
      apiRssMiB: null,
    };
  } finally {
    await serve?.stop();
    await receiver.close();
    installation.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The `pipeline-throughput` benchmark. */
export const pipelineThroughputBenchmark: Benchmark = {
  name: 'pipeline-throughput',
  async run(context) {
    const serverUrl = context.options.postgresUrl;
    const redisUrl = process.env['FENGXIANG_BENCH_REDIS_URL'] ?? process.env['FENGXIANG_TEST_REDIS_URL'];
    if (!serverUrl || !redisUrl) {
      process.stderr.write('pipeline-throughput: needs --postgres and FENGXIANG_BENCH_REDIS_URL; skipped\n');
      return null;
    }
    const total = context.options.items ?? DEFAULT_ITEMS;
    const runs: RunFigures[] = [];
    for (const workers of WORKER_COUNTS) {
      process.stderr.write(`PostgreSQL + Redis, ${workers} worker(s)\n`);
      runs.push(await runPostgres(serverUrl, redisUrl, workers, total));
    }
    process.stderr.write('embedded SQLite\n');
    runs.push(await runSqlite(total));
    return section(runs, await serverVersion(serverUrl), total);
  },
};

function section(runs: readonly RunFigures[], version: string, total: number): BenchSection {
  const baseline = runs[0];
  const rate = (run: RunFigures): number => run.items / run.seconds;
  return {
    name: 'pipeline-throughput',
    title: 'Pipeline throughput — collect → analyse → cluster → alert evaluation → store',
    context: [
      `Measured ${today()} on ${describeMachine()}; PostgreSQL ${version} and Redis on the same machine (127.0.0.1); every process on the same 2 cores.`,
      `${formatCount(baseline?.items ?? total)} posts per run from the replay source of test/scale (json sources of 1,000 posts, 10 pages of 100 per fetch, one unit), two monitoring schemes with alert rules and a webhook channel; timed from the creation of the sources (all processes already up) to the last item evaluated.`,
      `Reproduce: \`npm run bench -- --only pipeline-throughput --items ${total} --postgres URL\` with FENGXIANG_BENCH_REDIS_URL (or FENGXIANG_TEST_REDIS_URL) set.`,
    ],
    tables: [
      {
        headers: [
          'configuration',
          'items',
          'seconds',
          'items/s',
          'scaling (÷ 1 worker)',
          'peak RSS per worker (MiB)',
          'API process peak RSS (MiB)',
        ],
        rows: runs.map((run) => [
          run.label,
          formatCount(run.items),
          run.seconds.toFixed(1),
          formatCount(Math.round(rate(run))),
          run === baseline ? '1.00× (baseline)' : formatRatio(rate(run) / (baseline ? rate(baseline) : 1)),
          run.workerRssMiB.join(', '),
          run.apiRssMiB === null ? '—' : String(run.apiRssMiB),
        ]),
      },
    ],
    notes: [
      "Every item is collected over HTTP, normalised, analysed (sentiment, categories, regions, appeal, keywords, SimHash), deduplicated and stored in the collect job; the evaluate job matches schemes, records hits, clusters into events and runs the alert rules. Evaluation of one unit holds that unit's lock (PostgreSQL advisory lock), so several workers share one unit's collection and analysis but evaluate it one batch at a time; units evaluate in parallel.",
    ],
  };
}
