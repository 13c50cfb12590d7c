/**
 * The Prometheus metrics of one process (prom-client), built once by the composition root and passed down:
 * every recorder call lands in this process's own registry, and `render()` answers a scrape. Queue depths
 * and ages are read from the job queue at scrape time rather than tracked, so they are right whichever
 * process enqueued or ran the jobs.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { isAppError } from '../errors.js';
import type { ItemOutcomeCounts, MetricsRecorder } from './recorder.js';

/** One queue's state as the scrape reads it. */
export interface QueueSnapshot {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  dead: number;
  /** Epoch ms since which the oldest waiting job has been ready; null when none waits. */
  oldestReadyAt: number | null;
}

/** Reads every queue's state (from the JobQueue, wired by the composition root). */
export type QueueReader = () => Promise<QueueSnapshot[]>;

/** A process's metrics: the recorder plus what serving `/metrics` needs. */
export interface Metrics extends MetricsRecorder {
  /** The Content-Type of {@link render}'s text. */
  readonly contentType: string;
  /** The Prometheus text exposition of every metric now (queue gauges read first). */
  render(): Promise<string>;
  /**
   * Adds roles to the `roles` label every series of this process carries (the API adds `api`, workers their
   * roles), so that dashboards tell an API process from a collect worker on the same host.
   */
  addRoles(roles: readonly string[]): void;
  /** Sets where queue gauges are read from at scrape time. */
  readQueuesFrom(reader: QueueReader): void;
}

/** Options of {@link createMetrics}. */
export interface MetricsOptions {
  /** Epoch milliseconds now (the runtime's clock), for queue ages. */
  now: () => number;
  /** Also collect the process metrics of prom-client (CPU, memory, event loop, GC); off in most tests. */
  processMetrics: boolean;
  /** Told when reading the queues fails during a scrape (the gauges are then left empty). */
  onQueueReadError?: (error: unknown) => void;
}

const PREFIX = 'fengxiang_';

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];
const DELIVERY_BUCKETS = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

/** Builds a fresh registry with every Fengxiang metric. */
export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const m = defineMetrics(registry);
  const roles = new Set<string>();
  let readQueues: QueueReader | null = null;

  const countItems = (
    counter: Counter<string>,
    labels: Record<string, string>,
    o: ItemOutcomeCounts,
  ): void => {
    for (const [stage, count] of Object.entries(o) as [keyof ItemOutcomeCounts, number][]) {
      if (count > 0) counter.inc({ ...labels, stage: stageName(stage) }, count);
    }
  };

  async function refreshQueues(): Promise<void> {
    m.queueJobs.reset();
    m.queueOldest.reset();
    if (!readQueues) return;
    let snapshots: QueueSnapshot[];
    try {
      snapshots = await readQueues();
    } catch (error) {
      m.errors.inc({ code: isAppError(error) ? error.code : 'STORAGE_UNAVAILABLE', origin: 'metrics' });
      options.onQueueReadError?.(error);
      return;
    }
    const now = options.now();
    for (const snapshot of snapshots) {
      for (const state of ['waiting', 'active', 'delayed', 'dead'] as const) {
        m.queueJobs.set({ queue: snapshot.queue, state }, snapshot[state]);
      }
      const age = snapshot.oldestReadyAt === null ? 0 : Math.max(0, now - snapshot.oldestReadyAt) / 1000;
      m.queueOldest.set({ queue: snapshot.queue }, age);
    }
  }

  return {
    contentType: registry.contentType,
    async render() {
      await refreshQueues();
      return registry.metrics();
    },
    addRoles(added) {
      added.forEach((role) => roles.add(role));
      registry.setDefaultLabels({ roles: [...roles].sort().join(',') });
    },
    readQueuesFrom(reader) {
      readQueues = reader;
    },
    itemsCollected(sourceId, found, outcomes) {
      if (found > 0) m.itemsCollected.inc({ source_id: sourceId, stage: 'fetched' }, found);
      countItems(m.itemsCollected, { source_id: sourceId }, outcomes);
    },
    itemsIngested(sourceId, path, outcomes) {
      countItems(m.itemsIngested, { source_id: sourceId, path }, outcomes);
    },
    sourceFetched(sourceId, outcome) {
      m.fetches.inc({ source_id: sourceId, outcome });
    },
    itemsProcessed(stage, count) {
      if (count > 0) m.itemsProcessed.inc({ stage }, count);
    },
    alertsRaised(count) {
      if (count > 0) m.alertsRaised.inc(count);
    },
    deliveryAttempted(kind, result, latencySeconds) {
      m.deliveries.inc({ kind, result });
      if (latencySeconds !== null) m.deliveryLatency.observe({ kind }, Math.max(0, latencySeconds));
    },
    errorCounted(code, origin) {
      m.errors.inc({ code, origin });
    },
    httpRequestServed(method, route, status, seconds) {
      m.httpDuration.observe({ method, route, status: String(status) }, seconds);
    },
    jobFinished(queue, outcome, seconds) {
      m.jobDuration.observe({ queue, outcome }, seconds);
    },
  };
}

/** The label value of an outcome count: `duplicate` and friends as the docs list them. */
function stageName(key: keyof ItemOutcomeCounts): string {
  return key === 'inserted' ? 'stored' : key;
}

/** Declares every metric on `registry`. */
function defineMetrics(registry: Registry) {
  const registers = [registry];
  return {
    itemsCollected: new Counter({
      name: `${PREFIX}items_collected_total`,
      help: 'Items of scheduled fetches by source and stage: fetched (parsed from the source), stored (new), updated (edited), duplicate, rejected.',
      labelNames: ['source_id', 'stage'],
      registers,
    }),
    itemsIngested: new Counter({
      name: `${PREFIX}items_ingested_total`,
      help: 'Items pushed to the ingest API or imported from files, by source, path (push|import) and stage (stored, updated, duplicate, rejected).',
      labelNames: ['source_id', 'path', 'stage'],
      registers,
    }),
    fetches: new Counter({
      name: `${PREFIX}source_fetches_total`,
      help: 'Scheduled fetches of a source by outcome (ok, not_modified, failed).',
      labelNames: ['source_id', 'outcome'],
      registers,
    }),
    itemsProcessed: new Counter({
      name: `${PREFIX}items_processed_total`,
      help: 'Items through the analysis steps: analyse (full analysis before storing), evaluate (schemes and rules), cluster (assigned to an event).',
      labelNames: ['stage'],
      registers,
    }),
    alertsRaised: new Counter({
      name: `${PREFIX}alerts_raised_total`,
      help: 'Alerts raised by item evaluation.',
      registers,
    }),
    deliveries: new Counter({
      name: `${PREFIX}alert_deliveries_total`,
      help: 'Alert delivery attempts by channel kind and result (sent, failed = will retry, dead, lease-lost).',
      labelNames: ['kind', 'result'],
      registers,
    }),
    deliveryLatency: new Histogram({
      name: `${PREFIX}alert_delivery_latency_seconds`,
      help: 'Seconds from an alert being raised to its successful delivery, by channel kind.',
      labelNames: ['kind'],
      buckets: DELIVERY_BUCKETS,
      registers,
    }),
    errors: new Counter({
      name: `${PREFIX}errors_total`,
      help: 'Errors by stable code and where they were counted (api answers, failed job attempts, failed fetches, failed deliveries).',
      labelNames: ['code', 'origin'],
      registers,
    }),
    httpDuration: new Histogram({
      name: `${PREFIX}http_request_duration_seconds`,
      help: 'HTTP request duration by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS,
      registers,
    }),
    jobDuration: new Histogram({
      name: `${PREFIX}job_duration_seconds`,
      help: 'Job attempt duration by queue and outcome (completed, failed).',
      labelNames: ['queue', 'outcome'],
      buckets: JOB_BUCKETS,
      registers,
    }),
    queueJobs: new Gauge({
      name: `${PREFIX}queue_jobs`,
      help: 'Jobs per queue and state (waiting = ready to run, active, delayed incl. retry backoff, dead), read at scrape time; installation-wide.',
      labelNames: ['queue', 'state'],
      registers,
    }),
    queueOldest: new Gauge({
      name: `${PREFIX}queue_oldest_waiting_seconds`,
      help: 'Seconds the oldest ready job of each queue has been waiting (0 when none), read at scrape time; installation-wide.',
      labelNames: ['queue'],
      registers,
    }),
  };
}
