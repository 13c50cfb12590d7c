/**
 * Alert latency: from `POST /api/v1/ingest` of a matching item to the webhook receiving its alert, on the
 * embedded SQLite default composed as `fengxiang serve` composes it (API, collect/analyse/deliver workers and
 * the dispatcher in one process), with 1,000 schemes of about ten words active and a background load of 200
 * corpus items per second pushed through the same endpoint. Beside it, in the same run and under the same
 * load, the baseline: how long the ingest request itself takes to be answered (store + analyse). The ratio
 * says how much the evaluation → outbox → dispatcher path adds on top of accepting the item.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createRule } from '../../src/alerts/service/index.js';
import { buildHttpApi, openRuntime, startBackgroundWorkers } from '../../src/cli/compose.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/platform/logger.js';
import { sha256Hex } from '../../src/platform/sha256.js';
import type { NewItem } from '../../src/storage/repositories.js';
import { describeMachine, today } from '../support/machine.js';
import { formatCount, formatRatio, type BenchSection } from '../support/report.js';
import { summarise, type LatencySummary } from '../support/stats.js';
import { loadCorpusItems, type Benchmark } from './context.js';
import { buildSchemes } from './schemes.js';

const PROBES = Number(process.env['BENCH_ALERT_PROBES'] ?? 100);
const BACKGROUND_PER_SECOND = 200;
const BACKGROUND_TICK_MS = 100;
const PROBE_GAP_MS = 300;
const TOKEN = 'fxi_alert-latency-token-not-a-secret';
const PROBE_WORD = '风向探针';

interface WebhookSink {
  url: string;
  arrived: Map<string, number>;
  close(): Promise<void>;
}

/** A webhook receiver that notes when each probe's alert arrives (by the probe id in the evidence). */
async function startSink(): Promise<WebhookSink> {
  const arrived = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = performance.now();
      const text = Buffer.concat(chunks).toString('utf8');
      for (const match of text.matchAll(/probe-(\d+)/g))
        if (!arrived.has(match[0])) arrived.set(match[0], at);
      response.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    arrived,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function pushRecord(id: string, title: string | null, content: string): Record<string, unknown> {
  return { id, title: title ?? undefined, content, publishedAt: new Date().toISOString() };
}

async function post(address: string, records: readonly Record<string, unknown>[]): Promise<void> {
  const response = await fetch(`${address}/api/v1/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(records),
  });
  if (response.status !== 200)
    throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

/**
 * Pushes BACKGROUND_PER_SECOND corpus items per second on a fixed schedule (a batch every tick, not waiting
 * for the previous answer, so a slow server cannot lower the load); returns how many it pushed.
 */
function startBackground(address: string, corpus: readonly NewItem[]): { stop(): Promise<number> } {
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let next = 0;
  let failure: unknown = null;
  const timer = setInterval(() => {
    // Catch up with the schedule, so timer drift cannot lower the load below the target rate.
    const due = Math.floor(((performance.now() - started) / 1000) * BACKGROUND_PER_SECOND) - next;
    if (due <= 0) return;
    const batch = Array.from({ length: due }, () => {
      const item = corpus[next % corpus.length];
      next += 1;
      return pushRecord(`bg-${next}`, item?.title ?? null, item?.content ?? '');
    });
    const request = post(address, batch).catch((error: unknown) => {
      failure = error;
    });
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  }, BACKGROUND_TICK_MS);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      if (failure) throw failure;
      return next;
    },
  };
}

/** The `alert-latency` benchmark. */
export const alertLatencyBenchmark: Benchmark = {
  name: 'alert-latency',
  async run(context) {
    const corpus = await loadCorpusItems(await context.corpus(20_000), 20_000);
    const dir = mkdtempSync(join(context.outDir, 'alert-latency-'));
    const sink = await startSink();
    const config = loadConfig({
      env: {
        DATABASE_URL: `sqlite:${join(dir, 'fengxiang.sqlite')}`,
        JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'),
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PER_MINUTE: '1000000',
      },
      cwd: dir,
    });
    const runtime = await openRuntime(config, createLogger('silent'));
    const workers = startBackgroundWorkers(runtime, ['collect', 'analyse', 'deliver']);
    const app = await buildHttpApi(runtime);
    try {
      const { storage } = runtime;
      const unit = await storage.units.create({ name: '基准测试单位', parentId: null });
      const source = await storage.sources.create({ unitId: unit.id, name: '推送基准', kind: 'push' });
      await storage.sources.setIngestToken(source.id, sha256Hex(TOKEN));
      for (const scheme of buildSchemes(context.options.seed)) {
        await storage.schemes.create({
          unitId: unit.id,
          name: scheme.id,
          expression: String(scheme.expression),
        });
      }
      const probe = await storage.schemes.create({ unitId: unit.id, name: '探针', expression: PROBE_WORD });
      await createRule(runtime.alerting.alertService, { userId: null, ip: null, unitIds: null }, unit.id, {
        name: '探针预警',
        trigger: { kind: 'scheme_hit', schemeIds: [probe.id] },
        mergeWindowMinutes: 0,
      });
      await storage.channels.create({
        unitId: unit.id,
        kind: 'webhook',
        name: '接收端',
        config: { url: sink.url },
      });
      const address = await app.listen({ host: '127.0.0.1', port: 0 });

      process.stderr.write(`background load ${BACKGROUND_PER_SECOND} items/s; warming up 5 s\n`);
      const loadStart = performance.now();
      const background = startBackground(address, corpus);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const acks: number[] = [];
      const sent = new Map<string, number>();
      for (let n = 0; n < PROBES; n++) {
        const id = `probe-${n}`;
        const start = performance.now();
        sent.set(id, start);
        await post(address, [
          pushRecord(id, `${PROBE_WORD}${id}`, `${id}：小区${PROBE_WORD}，地铁站漏水严重无人处理。`),
        ]);
        acks.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, PROBE_GAP_MS));
        if ((n + 1) % 20 === 0) process.stderr.write(`\r${n + 1}/${PROBES} probes`);
      }
      const deadline = performance.now() + 30_000;
      while (sink.arrived.size < PROBES && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const seconds = (performance.now() - loadStart) / 1000;
      const pushed = await background.stop();
      process.stderr.write(`\n${sink.arrived.size}/${PROBES} alerts arrived; ${pushed} background items\n`);
      const latencies = [...sent].flatMap(([id, at]) => {
        const arrived = sink.arrived.get(id);
        return arrived === undefined ? [] : [arrived - at];
      });
      return section(summarise(latencies), summarise(acks), pushed, seconds);
    } finally {
      await app.close();
      await workers.stop();
      await runtime.close();
      await sink.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function row(path: string, figures: LatencySummary, baseline: LatencySummary): string[] {
  return [
    path,
    formatCount(figures.count),
    figures.p50.toFixed(0),
    figures.p95.toFixed(0),
    figures.p99.toFixed(0),
    figures === baseline ? '1.00× (baseline)' : formatRatio(figures.p95 / baseline.p95),
  ];
}

function section(
  alerts: LatencySummary,
  acks: LatencySummary,
  background: number,
  seconds: number,
): BenchSection {
  return {
    name: 'alert-latency',
    title: 'Alert latency — ingest of a matching item to the webhook, SQLite',
    context: [
      `Measured ${today()} on ${describeMachine()}.`,
      `${PROBES} probe items, one every ${PROBE_GAP_MS} ms, each matching a scheme with a rule and a webhook channel; 1,000 more schemes of about ten words active; ${BACKGROUND_PER_SECOND} corpus items/s pushed through the same endpoint meanwhile (${formatCount(background)} in ${seconds.toFixed(0)} s = ${Math.round(background / seconds)}/s achieved). Server, workers, dispatcher, clients and receiver in one process on 127.0.0.1.`,
      'Reproduce: `npm run bench -- --only alert-latency` (BENCH_ALERT_PROBES sets the probe count).',
    ],
    tables: [
      {
        headers: ['path', 'probes', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'p95 ratio to baseline'],
        rows: [
          row('POST /api/v1/ingest → alert at the webhook', alerts, acks),
          row('POST /api/v1/ingest answered (baseline)', acks, acks),
        ],
      },
    ],
    notes: [
      'Target: p95 under 1 second. The alert path is: ingest commits → evaluation job (scheme matching, scheme hits, clustering, rules) → alert and outbox row in one transaction → dispatcher woken → signed webhook POST.',
    ],
  };
}
