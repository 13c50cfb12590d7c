/**
 * The composition root: the one place that builds configuration, logger, storage, queues, services and the
 * HTTP app, and hands each its dependencies.
 */
import type { FastifyInstance } from 'fastify';
import { parseExpression } from '../analysis/expression/index.js';
import type { Analysers } from '../analysis/analyze/analyze.js';
import { loadAnalysers } from '../analysis/analyze/load.js';
import { readDomainDictionary } from '../analysis/segment/domain-dictionary.js';
import { Segmenter } from '../analysis/segment/segmenter.js';
import { buildApi } from '../api/app.js';
import { createAuthService } from '../auth/index.js';
import { intakeEvaluatedItems } from '../cases/appeals/index.js';
import type { WorkCalendar } from '../cases/calendar/index.js';
import { storageConfidentialTexts } from '../cases/publications/confidential-texts.js';
import { loadConfig, type Config } from '../config/index.js';
import { openJobQueue } from '../jobs/open.js';
import type { JobHandler, JobQueue } from '../jobs/queue.js';
import { startWorkers, type RunningWorkers } from '../jobs/runner.js';
import { collectHandler } from '../pipeline/collect/due.js';
import { createCollectionOperations } from '../pipeline/collect/service.js';
import type { CollectDeps } from '../pipeline/collect/run.js';
import { evaluateHandler, itemIdsOf } from '../pipeline/evaluate/index.js';
import { maintenanceHandler } from '../pipeline/maintenance.js';
import { retentionPolicyOf } from './retention-policy.js';
import { decodeBody } from '../sources/encoding/index.js';
import { createHttpClient, type HttpClient } from '../sources/http/index.js';
import { extractArticle } from '../sources/page/index.js';
import { builtInKinds, type SourceKindRegistry } from '../sources/registry.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { createLogger, type Logger } from '../platform/logger.js';
import {
  createMetrics,
  createMetricsAccess,
  type Metrics,
  type MetricsAccess,
} from '../platform/metrics/index.js';
import { openStorage, type Storage } from '../storage/index.js';
import { createAlerting, type Alerting } from './alerting.js';
import { createReportServices } from '../reports/services.js';
import { createReporting, type Reporting } from './reports.js';

/** Reads the configuration from the environment and the optional config file. */
export function readConfig(file: string | undefined): Config {
  return loadConfig({ env: process.env, file, cwd: process.cwd() });
}

/** The long-lived parts every server or worker process holds. */
export interface Runtime {
  config: Config;
  logger: Logger;
  clock: Clock;
  storage: Storage;
  queue: JobQueue;
  segmenter: Segmenter;
  /** Full analysis with its models loaded once per process. */
  analysers: Analysers | null;
  /** The polite HTTP client every collector shares (per-host limits shared on Redis when set; robots cache per process). */
  http: HttpClient;
  kinds: SourceKindRegistry;
  /** Events, alert rules, the delivery outbox and its dispatcher (started by the roles that need them). */
  alerting: Alerting;
  /** Report generation, review, the schedule ticker and e-mail (the ticker starts only where asked). */
  reporting: Reporting;
  /** This process's Prometheus metrics (served at /metrics by the API, or by the worker's metrics port). */
  metrics: Metrics;
  close(): Promise<void>;
}

/**
 * Opens storage and the job queue. The embedded SQLite default migrates itself; PostgreSQL installations
 * run `fengxiang migrate` as a deliberate upgrade step, so a server never changes a shared schema by surprise.
 */
export async function openRuntime(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<Runtime> {
  const clock = systemClock;
  const migrate = config.databaseUrl.startsWith('sqlite:');
  const storage = await openStorage(config.databaseUrl, {
    migrate,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
    clock,
    onConnectionError: (error) => logger.warn({ err: error }, 'database connection dropped; reconnecting'),
  });
  const queue = openJobQueue({
    redisUrl: config.redisUrl,
    queuePrefix: config.queuePrefix,
    jobsSqlitePath: config.jobsSqlitePath,
    logger,
  });
  const segmenter = new Segmenter();
  segmenter.addDictionary(readDomainDictionary());
  const http = createHttpClient({
    userAgent: config.fetchUserAgent,
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.fetchMaxBytes,
    perHostConcurrency: config.fetchPerHostConcurrency,
    perHostMinIntervalMs: config.fetchPerHostIntervalMs,
    allowedPrivateHosts: config.fetchAllowPrivateHosts,
    clock,
    log: (message, detail) => logger.debug(detail ?? {}, message),
    warn: (message, detail) => logger.warn(detail ?? {}, message),
    ...(config.redisUrl
      ? { sharedLimits: { redisUrl: config.redisUrl, keyPrefix: config.queuePrefix } }
      : {}),
  });
  const metrics = processMetrics(queue, clock, logger);
  const alerting = createAlerting({ config, storage, queue, clock, logger, segmenter, metrics });
  const reporting = createReporting({ config, storage, data: storage.reportData, clock, logger });
  return {
    config,
    logger,
    clock,
    storage,
    queue,
    segmenter,
    analysers: loadAnalysers(segmenter),
    http,
    kinds: builtInKinds(),
    alerting,
    reporting,
    metrics,
    close: async () => {
      await reporting.close();
      await alerting.close();
      await queue.close();
      await http.close();
      await storage.close();
    },
  };
}

/** The process's metrics, with queue depths and ages read from `queue` at every scrape. */
function processMetrics(queue: JobQueue, clock: Clock, logger: Logger): Metrics {
  const metrics = createMetrics({
    now: () => clock.now(),
    processMetrics: true,
    onQueueReadError: (error) => logger.warn({ err: error }, 'metrics: could not read the job queues'),
  });
  metrics.readQueuesFrom(async () => {
    const [counts, oldest] = await Promise.all([queue.counts(), queue.oldestWaiting()]);
    return Object.entries(counts).map(([name, count]) => ({
      queue: name,
      ...count,
      oldestReadyAt: oldest[name as keyof typeof oldest] ?? null,
    }));
  });
  return metrics;
}

/** Who may scrape /metrics, from METRICS_ALLOW and METRICS_TOKEN. */
export function metricsAccessOf(config: Config): MetricsAccess {
  return createMetricsAccess(config.metricsAllow, config.metricsToken);
}

/** A runtime for a one-shot command: logs go to stderr so that stdout carries only the command's answer. */
export function openRuntimeForCommand(config: Config): Promise<Runtime> {
  return openRuntime(config, createLogger(config.logLevel, process.stderr));
}

/** What the collect pipeline needs, from a runtime. */
export function collectDeps(runtime: Runtime): CollectDeps {
  const { config } = runtime;
  return {
    storage: runtime.storage,
    http: runtime.http,
    kinds: runtime.kinds,
    segmenter: runtime.segmenter,
    analysers: runtime.analysers,
    clock: runtime.clock,
    logger: runtime.logger,
    random: Math.random,
    settings: {
      defaultTimeZone: config.timeZone,
      failingAfter: config.collectFailingAfter,
      author: { mode: config.authorStorage, key: config.authorHashKey },
    },
    onStored: (itemIds) => queueEvaluation(runtime, itemIds),
    metrics: runtime.metrics,
  };
}

/**
 * Queues evaluation of stored items; a queue failure is logged, not thrown, because the items are stored
 * and the alert tick's sweep queues them again.
 */
async function queueEvaluation(runtime: Runtime, itemIds: readonly string[]): Promise<void> {
  try {
    await runtime.alerting.queueEvaluation(itemIds);
  } catch (error) {
    runtime.logger.warn({ err: error, items: itemIds.length }, 'could not queue evaluation; the sweep will');
  }
}

/**
 * Starts the background workers of `roles` with every job handler that exists; the deliver role also
 * starts the outbox dispatcher (stopped when the runtime closes).
 */
export function startBackgroundWorkers(runtime: Runtime, roles: readonly string[]): RunningWorkers {
  if (roles.includes('deliver')) runtime.alerting.startDispatcher();
  runtime.metrics.addRoles(roles);
  return startWorkers({
    queue: runtime.queue,
    roles,
    logger: runtime.logger,
    metrics: runtime.metrics,
    handlers: {
      collect: collectHandler(collectDeps(runtime)),
      evaluate: evaluateAndTakeInAppeals(runtime),
      maintenance: maintenanceHandler({
        storage: runtime.storage,
        clock: runtime.clock,
        logger: runtime.logger,
        retention: retentionPolicyOf(runtime.config),
      }),
    },
  });
}

/** The unit's effective working-day calendar (its own, an ancestor's or the installation default). */
function calendarFor(runtime: Runtime): (unitId: string) => Promise<WorkCalendar> {
  return async (unitId) =>
    (await runtime.storage.workCalendars.effective(unitId, runtime.config.timeZone)).calendar;
}

/**
 * The evaluate job, then appeal intake of the same items (items flagged as appeals and posts from message
 * boards become appeals once; running it twice takes in nothing twice).
 */
function evaluateAndTakeInAppeals(runtime: Runtime): JobHandler {
  const evaluate = evaluateHandler(runtime.alerting.evaluate);
  return async (job) => {
    await evaluate(job);
    await intakeEvaluatedItems(
      { storage: runtime.storage, clock: runtime.clock, calendarFor: calendarFor(runtime) },
      itemIdsOf(job.payload, job.id),
    );
  };
}

/** Builds the HTTP API over a runtime. */
export async function buildHttpApi(runtime: Runtime): Promise<FastifyInstance> {
  const { config, storage, clock, logger, segmenter, queue, metrics } = runtime;
  metrics.addRoles(['api']);
  const auth = createAuthService(storage, clock, {
    sessionTtlMs: config.sessionTtlHours * 3600_000,
    login: {
      maxFailuresPerUsername: config.loginMaxFailures,
      maxFailuresPerIp: config.loginMaxFailuresPerIp,
      windowMs: config.loginWindowMinutes * 60_000,
    },
  });
  return buildApi({
    storage,
    auth,
    clock,
    logger,
    parseSearchQuery: (query) => segmenter.toSearchTree(parseExpression(query)),
    isReady: () => storage.ping(),
    collection: createCollectionOperations(collectDeps(runtime), queue, config.ingestMaxItems),
    eventClustering: runtime.alerting.clustering,
    channelRegistry: runtime.alerting.registry,
    alertTimeZone: config.timeZone,
    alertBus: runtime.alerting.bus,
    reports: createReportServices({
      ...runtime.reporting.deps,
      review: runtime.reporting.review,
      render: runtime.reporting.render,
    }),
    confidentialTexts: storageConfidentialTexts(storage),
    appealCalendarFor: calendarFor(runtime),
    evidence: {
      fetcher: runtime.http,
      extractText: (page) => extractArticle(decodeBody(page.body, page.contentType).text, page.url).content,
      screenshotter: null,
    },
    metrics,
    metricsAccess: metricsAccessOf(config),
    options: {
      cookieSecure: config.cookieSecure,
      bodyLimitBytes: config.bodyLimitBytes,
      rateLimitPerMinute: config.rateLimitPerMinute,
      trustProxy: config.trustProxy,
    },
  });
}

/** Resolves when the process receives SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
