/**
 * Metrics and logs on a real API server on 127.0.0.1: pushing items and collecting a fixture feed through
 * the collect queue move the item counters by exactly what was stored, the queue gauges show the waiting
 * job, an API error is counted by its code and answered with the request id, /metrics is refused to
 * proxied or non-allowed callers without the token, and the captured pino lines carry request and job ids.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import type { ingestResponse, ingestTokenResponse, source } from '../../src/contract/index.js';
import { openJobQueue } from '../../src/jobs/open.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import { startWorkers } from '../../src/jobs/runner.js';
import { collectHandler } from '../../src/pipeline/collect/due.js';
import type { CollectDeps } from '../../src/pipeline/collect/run.js';
import { createCollectionOperations } from '../../src/pipeline/collect/service.js';
import { createLogger } from '../../src/platform/logger.js';
import {
  createMetrics,
  createMetricsAccess,
  DEFAULT_METRICS_ALLOW,
  type Metrics,
} from '../../src/platform/metrics/index.js';
import { createHttpClient, type HttpClient } from '../../src/sources/http/index.js';
import { builtInKinds } from '../../src/sources/registry.js';
import { sqliteTarget } from '../helpers/databases.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { sampleValue } from '../helpers/prometheus.js';
import { waitFor } from '../jobs/wait.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken } from './seed.js';

type SourceView = z.output<typeof source>;
type IngestAnswer = z.output<typeof ingestResponse>;

const FEED = readFileSync(join(import.meta.dirname, '../fixtures/sources/feed/rss2.xml'));
const FEED_ITEMS = 3;
const METRICS_TOKEN = 'scrape-secret-token-1';

/** Log lines written by the server and the workers, parsed. */
function logCapture(): { stream: Writable; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { stream, lines };
}

describe('metrics and logs of the API and the workers', () => {
  const logs = logCapture();
  const logger = createLogger('debug', logs.stream);
  const queueDir = mkdtempSync(join(tmpdir(), 'fx-metrics-jobs-'));
  let jobs: JobQueue;
  let metrics: Metrics;
  let server: TestServer;
  let fixtures: FixtureServer;
  let http: HttpClient;
  let collect: CollectDeps | null = null;
  let admin: ApiClient;

  beforeAll(async () => {
    jobs = openJobQueue({ queuePrefix: 'test', jobsSqlitePath: join(queueDir, 'jobs.sqlite'), logger });
    metrics = createMetrics({ now: () => Date.now(), processMetrics: true });
    metrics.readQueuesFrom(async () => {
      const [counts, oldest] = await Promise.all([jobs.counts(), jobs.oldestWaiting()]);
      return Object.entries(counts).map(([queue, count]) => ({
        queue,
        ...count,
        oldestReadyAt: oldest[queue as keyof typeof oldest],
      }));
    });
    metrics.addRoles(['api', 'collect']);
    fixtures = await startFixtureServer({
      '/feed.xml': { headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, body: FEED },
    });
    server = await startServer(sqliteTarget, {
      extraDeps: {
        logger,
        metrics,
        metricsAccess: createMetricsAccess(DEFAULT_METRICS_ALLOW, METRICS_TOKEN),
      },
      depsOn: ({ storage, clock }) => {
        http = createHttpClient({ allowPrivate: true, perHostMinIntervalMs: 0, retries: 0, clock });
        collect = {
          storage,
          http,
          kinds: builtInKinds(),
          segmenter: new Segmenter(),
          analysers: null,
          clock,
          logger,
          random: () => 0.5,
          settings: { defaultTimeZone: 'Asia/Shanghai', failingAfter: 3, author: { mode: 'plain', key: '' } },
          metrics,
        };
        return { collection: createCollectionOperations(collect, jobs, 100) };
      },
    });
    const root = await seedRoot(server);
    admin = new ApiClient(server.baseUrl, (await seedToken(server, root.user)).secret);
  }, 60_000);

  afterAll(async () => {
    await server.close();
    await jobs.close();
    await http.close();
    await fixtures.close();
    rmSync(queueDir, { recursive: true, force: true });
  });

  async function scrape(headers: Record<string, string> = {}): Promise<string> {
    const response = await fetch(`${server.baseUrl}/metrics`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  }

  it('counts pushed items by what became of them', async () => {
    const created = await admin.post<SourceView>('/api/v1/sources', { name: '推送', kind: 'push' });
    const sourceId = created.body.id;
    const token = await admin.post<z.output<typeof ingestTokenResponse>>(
      `/api/v1/sources/${sourceId}/ingest-token`,
    );
    const push = new ApiClient(server.baseUrl, token.body.token);
    const post = (id: string, content: string) => ({
      id,
      content,
      publishedAt: '2024-05-03T09:30:00+08:00',
    });
    const labels = (stage: string) => ({ source_id: sourceId, path: 'push', stage });

    const first = await push.post<IngestAnswer>('/api/v1/ingest', [
      post('p1', '望亭镇小区停车位严重不足'),
      post('p2', '浒墅关老街周末开放夜市'),
    ]);
    expect(first.status).toBe(200);
    const second = await push.post<IngestAnswer>('/api/v1/ingest', [
      post('p1', '望亭镇小区停车位严重不足'),
      { id: 'p3', publishedAt: 'not a date at all' },
    ]);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ duplicates: 1, rejected: 1 });

    const text = await scrape();
    expect(sampleValue(text, 'fengxiang_items_ingested_total', labels('stored'))).toBe(2);
    expect(sampleValue(text, 'fengxiang_items_ingested_total', labels('duplicate'))).toBe(1);
    expect(sampleValue(text, 'fengxiang_items_ingested_total', labels('rejected'))).toBe(1);
    expect(
      sampleValue(text, 'fengxiang_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/v1/ingest',
        status: '200',
        roles: 'api,collect',
      }),
    ).toBe(2);
    expect(text).toContain('fengxiang_process_resident_memory_bytes');
  });

  it('shows a queued collect job in the queue gauges, then counts what its run collected', async () => {
    const created = await admin.post<SourceView>('/api/v1/sources', {
      name: '江城日报',
      kind: 'feed',
      url: fixtures.url('/feed.xml'),
      intervalSeconds: 600,
    });
    expect(created.status).toBe(201);
    const sourceId = created.body.id;
    const queued = await admin.post<{ jobId: string }>(`/api/v1/sources/${sourceId}/fetch`);
    expect(queued.status).toBe(200);

    const waiting = await scrape();
    expect(sampleValue(waiting, 'fengxiang_queue_jobs', { queue: 'collect', state: 'waiting' })).toBe(1);
    expect(sampleValue(waiting, 'fengxiang_queue_jobs', { queue: 'evaluate', state: 'waiting' })).toBe(0);
    expect(
      sampleValue(waiting, 'fengxiang_queue_oldest_waiting_seconds', { queue: 'collect' }),
    ).toBeGreaterThanOrEqual(0);
    expect(waiting).toMatch(/fengxiang_queue_oldest_waiting_seconds\{queue="collect"/);

    if (!collect) throw new Error('collect deps were not built');
    const workers = startWorkers({
      queue: jobs,
      roles: ['collect'],
      handlers: { collect: collectHandler(collect) },
      logger,
      metrics,
    });
    await waitFor(async () => (await jobs.counts()).collect.completed === 1, 'the collect job');
    await workers.stop();

    const done = await scrape();
    const items = (stage: string) => ({ source_id: sourceId, stage });
    expect(sampleValue(done, 'fengxiang_items_collected_total', items('fetched'))).toBe(FEED_ITEMS);
    expect(sampleValue(done, 'fengxiang_items_collected_total', items('stored'))).toBe(FEED_ITEMS);
    expect(sampleValue(done, 'fengxiang_items_collected_total', items('duplicate'))).toBe(0);
    expect(sampleValue(done, 'fengxiang_source_fetches_total', { source_id: sourceId, outcome: 'ok' })).toBe(
      1,
    );
    expect(
      sampleValue(done, 'fengxiang_job_duration_seconds_count', { queue: 'collect', outcome: 'completed' }),
    ).toBe(1);
    expect(sampleValue(done, 'fengxiang_queue_jobs', { queue: 'collect', state: 'waiting' })).toBe(0);

    const collected = logs.lines.find((line) => line['msg'] === 'source collected');
    expect(collected).toMatchObject({ jobId: queued.body.jobId, queue: 'collect', attempt: 1, sourceId });
  });

  it('counts an API error by its code and answers it with the request id of the logs', async () => {
    const before = sampleValue(await scrape(), 'fengxiang_errors_total', {
      code: 'NOT_FOUND',
      origin: 'api',
    });
    const response = await admin.request('GET', '/api/v1/items/no-such-item', undefined, {
      headers: { 'x-request-id': 'trace-7f3a.42' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('trace-7f3a.42');
    expect(response.body.error).toMatchObject({ code: 'NOT_FOUND', requestId: 'trace-7f3a.42' });
    const after = sampleValue(await scrape(), 'fengxiang_errors_total', { code: 'NOT_FOUND', origin: 'api' });
    expect(after - before).toBe(1);

    const lines = logs.lines.filter((line) => line['reqId'] === 'trace-7f3a.42');
    expect(lines.map((line) => line['msg'])).toEqual(
      expect.arrayContaining(['incoming request', 'request completed']),
    );
    expect(JSON.stringify(lines)).not.toContain(admin.token ?? 'no token');
  });

  it('replaces a request id that does not look like one', async () => {
    const response = await admin.request('GET', '/api/v1/items/no-such-item', undefined, {
      headers: { 'x-request-id': 'evil id\twith spaces' },
    });
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).not.toContain(' ');
    expect(id.length).toBeGreaterThan(0);
    expect(response.body.error.requestId).toBe(id);
  });

  it('refuses a scrape that came through a proxy unless it carries the metrics token', async () => {
    const proxied = await fetch(`${server.baseUrl}/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(proxied.status).toBe(403);
    expect(((await proxied.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    const wrong = await fetch(`${server.baseUrl}/metrics`, {
      headers: { 'x-forwarded-for': '127.0.0.1', authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status).toBe(403);
    const text = await scrape({ 'x-forwarded-for': '203.0.113.9', authorization: `Bearer ${METRICS_TOKEN}` });
    expect(text).toContain('fengxiang_queue_jobs');
  });
});

describe('metrics on an API whose allowed networks exclude the caller', () => {
  let server: TestServer;
  beforeAll(async () => {
    const metrics = createMetrics({ now: () => Date.now(), processMetrics: false });
    server = await startServer(sqliteTarget, {
      extraDeps: { metrics, metricsAccess: createMetricsAccess(['10.0.0.0/8', 'fd00::/8'], '') },
    });
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('answers 403 to 127.0.0.1, with or without a bearer token, when no token is configured', async () => {
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(403);
    const withToken = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: 'Bearer x' } });
    expect(withToken.status).toBe(403);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });
});
