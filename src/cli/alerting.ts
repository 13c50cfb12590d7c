/**
 * Wiring of events and alerts (issue 5): the in-process alert bus, the channel drivers over their
 * transports, the alert service whose transaction writes the delivery outbox, the evaluation job and the
 * alert tick, and the dispatcher. Built once per process by the composition root.
 */
import { clusterTermsOf } from '../analysis/events/index.js';
import { loadIdfModel } from '../analysis/keywords/index.js';
import type { Segmenter } from '../analysis/segment/segmenter.js';
import { createAlertBus, type AlertBus } from '../alerts/bus.js';
import { createChannelRegistry, type ChannelRegistry } from '../alerts/channels/registry.js';
import { createHttpPoster } from '../alerts/channels/transports/http.js';
import { createSmtpTransport } from '../alerts/channels/transports/smtp.js';
import { startDispatcher, type Dispatcher } from '../alerts/dispatch/dispatcher.js';
import { enqueueDeliveries } from '../alerts/dispatch/enqueue.js';
import type { AlertServiceDeps } from '../alerts/service/deps.js';
import { startCaseDeadlineTicker, type CaseDeadlineTicker } from '../cases/deadlines/index.js';
import type { Config } from '../config/index.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { MetricsRecorder } from '../platform/metrics/index.js';
import type { ClusterDeps } from '../pipeline/cluster/index.js';
import {
  createSchemeMatcherCache,
  evaluationQueuer,
  startAlertTicker,
  type AlertTicker,
  type EvaluateDeps,
} from '../pipeline/evaluate/index.js';
import type { Storage } from '../storage/index.js';

/** How often a unit's compiled schemes are checked for edits. */
const SCHEME_RECHECK_MS = 5_000;

/** The alerting parts of a process. */
export interface Alerting {
  bus: AlertBus;
  registry: ChannelRegistry;
  alertService: AlertServiceDeps;
  evaluate: EvaluateDeps;
  /** Clustering settings shared by the job and the API's manual merges. */
  clustering: Omit<ClusterDeps, 'storage' | 'clock'>;
  /** Queues evaluation of stored items (collect, ingest and import call it after their commit). */
  queueEvaluation(itemIds: readonly string[]): Promise<void>;
  /** Starts delivering from the outbox (the deliver role). */
  startDispatcher(): Dispatcher;
  /**
   * Starts the time-driven checks — the alert tick and the case-deadline sweep (reminders and overdue
   * escalations) — in one process per installation: the one that runs the scheduler.
   */
  startTicker(): { stop(): Promise<void> };
  close(): Promise<void>;
}

/** What the alerting parts are built from. */
export interface AlertingParts {
  config: Config;
  storage: Storage;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  /** The process's segmenter (with the domain dictionary), for the terms items are clustered on. */
  segmenter: Segmenter;
  /** Where evaluation and deliveries are counted. */
  metrics: MetricsRecorder;
}

/** Builds the alerting parts; nothing runs until a start function is called. */
export function createAlerting(parts: AlertingParts): Alerting {
  const { config, storage, queue, clock, logger, segmenter, metrics } = parts;
  const bus = createAlertBus((error) => logger.warn({ err: error }, 'alert stream listener failed'));
  const http = createHttpPoster({ timeoutMs: config.alertSendTimeoutMs });
  const mail =
    config.smtpUrl === ''
      ? null
      : createSmtpTransport({
          url: config.smtpUrl,
          from: config.smtpFrom,
          timeoutMs: config.alertSendTimeoutMs,
        });
  const registry = createChannelRegistry({ http, mail, bus });
  let dispatcher: Dispatcher | null = null;
  const wake = (): void => dispatcher?.wake();
  const alertService: AlertServiceDeps = {
    storage,
    clock,
    hooks: {
      onRaised: async (tx, alert) => {
        await enqueueDeliveries(tx, alert, { now: clock.now() });
      },
    },
  };
  const idfModel = loadIdfModel();
  const clustering = {
    idf: (term: string) => idfModel.idf.get(term) ?? idfModel.unknownIdf,
    termsOf: (item: { title: string | null; content: string }) =>
      clusterTermsOf(
        segmenter.tokens(item.title ? `${item.title}\n${item.content}` : item.content),
        idfModel,
      ),
  };
  const queueEvaluation = evaluationQueuer(queue);
  const evaluate: EvaluateDeps = {
    storage,
    clock,
    logger,
    schemes: createSchemeMatcherCache({
      storage,
      clock,
      recheckMs: SCHEME_RECHECK_MS,
      onInvalidScheme: (scheme, error) =>
        logger.warn({ schemeId: scheme.id, err: error }, 'stored scheme no longer compiles; skipped'),
    }),
    cluster: clustering,
    alerts: alertService,
    authorHashKey: config.authorStorage === 'hash' ? config.authorHashKey : null,
    alertHorizonMs: config.alertHorizonHours * 3600_000,
    onNotified: wake,
    metrics,
  };
  let ticker: AlertTicker | null = null;
  let deadlineTicker: CaseDeadlineTicker | null = null;
  return {
    bus,
    registry,
    alertService,
    evaluate,
    clustering,
    queueEvaluation,
    startDispatcher() {
      dispatcher ??= startDispatcher({
        deliveries: storage.deliveries,
        channels: storage.channels,
        alerts: storage.alerts,
        registry,
        clock,
        logger,
        metrics,
        settings: { timeZone: config.timeZone, leaseMs: config.alertDeliveryLeaseSeconds * 1000 },
      });
      return dispatcher;
    },
    startTicker() {
      ticker ??= startAlertTicker({
        storage,
        clock,
        logger,
        alerts: alertService,
        queueEvaluation,
        onNotified: wake,
        tickMs: config.alertTickSeconds * 1000,
      });
      deadlineTicker ??= startCaseDeadlineTicker({
        storage,
        clock,
        logger,
        tickMs: config.alertTickSeconds * 1000,
        fallbackTimeZone: config.timeZone,
        onRaised: async (tx, alert) => {
          await enqueueDeliveries(tx, alert, { now: clock.now() });
        },
        onNotified: wake,
      });
      return {
        // Forgets the tickers once stopped, so that a process elected leader again starts fresh ones.
        stop: async () => {
          const started = [ticker, deadlineTicker];
          ticker = null;
          deadlineTicker = null;
          for (const running of started) await running?.stop();
        },
      };
    },
    async close() {
      await ticker?.stop();
      await deadlineTicker?.stop();
      await dispatcher?.stop();
      await http.close();
      mail?.close();
    },
  };
}
