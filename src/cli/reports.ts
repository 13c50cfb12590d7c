/**
 * Wiring of report runs (issue 7): the review service over the real renderers, the SMTP report mailer,
 * generation on demand, the hook that queues e-mails when a scheduled report is issued, and the report
 * ticker that runs due schedules and sends due e-mails. Built by the composition root; nothing runs until
 * `startTicker` is called (by the scheduler leader: src/cli/leadership.ts).
 */
import type { Config } from '../config/index.js';
import type { ReportDataSource, ReportDelivery, StoredReport } from '../domain/index.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import {
  createSmtpReportMailer,
  type ClosableReportMailer,
  type ReportFileRenderer,
} from '../reports/deliver/index.js';
import { renderReport } from '../reports/render/index.js';
import { createReportReview, type ReportReview } from '../reports/review/index.js';
import {
  generateAndStore,
  onReportIssued,
  runReportTick,
  type GenerateRequest,
  type ReportRunDeps,
} from '../reports/run/index.js';
import { DEFAULT_CATCH_UP_MS } from '../reports/schedule/index.js';
import type { Storage } from '../storage/index.js';

/** How long a claimed delivery is held: a round sends up to {@link DELIVERY_BATCH} mails one after another. */
const DELIVERY_LEASE_MS = 10 * 60_000;
/** Deliveries claimed per round. */
const DELIVERY_BATCH = 10;

/** A running report ticker. */
export interface ReportTicker {
  /** One tick now (waits for a running one instead of overlapping it). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the report tick every `intervalMs`; a failed tick is logged and the next one tries again. Ticks never
 * overlap: a slow generation delays the next tick instead of running two at once.
 */
export function startReportTicker(options: { intervalMs: number; deps: ReportRunDeps }): ReportTicker {
  const { intervalMs, deps } = options;
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= (async () => {
      try {
        const result = await runReportTick(deps, deps.clock.now());
        const busy = result.generated + result.failed + (result.delivery?.sent ?? 0) > 0;
        deps.logger[busy ? 'info' : 'debug'](result, 'report tick');
      } catch (error) {
        deps.logger.error({ err: error }, 'report tick failed');
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** The report parts of a process. */
export interface Reporting {
  /** What the orchestrators run on (for the API and `fengxiang report`). */
  deps: ReportRunDeps;
  /** Submit, edit, approve, return and issue. */
  review: ReportReview;
  /** Renders a document with the configured font (drafts on request, missing formats of issued reports). */
  render: ReportFileRenderer;
  /** Generates and stores a report as a draft (on demand: API and CLI). */
  generate(request: GenerateRequest): Promise<StoredReport>;
  /** Queues the e-mails of a report just issued by a reviewer (the API's issue route calls it). */
  onIssued(report: StoredReport): Promise<ReportDelivery[]>;
  /** Starts the report ticker (one per process: later calls share it until it is stopped). */
  startTicker(): ReportTicker;
  /** Stops the ticker and closes the mailer's connections. */
  close(): Promise<void>;
}

/** What the report parts are built from. */
export interface ReportingParts {
  config: Config;
  storage: Storage;
  /** The report data port over the same database. */
  data: ReportDataSource;
  clock: Clock;
  logger: Logger;
}

/** Builds the report parts; nothing runs until `startTicker`. */
export function createReporting(parts: ReportingParts): Reporting {
  const { config, storage, data, clock, logger } = parts;
  const mailer: ClosableReportMailer | null =
    config.smtpUrl === ''
      ? null
      : createSmtpReportMailer({
          url: config.smtpUrl,
          from: config.smtpFrom,
          timeoutMs: config.alertSendTimeoutMs,
        });
  const fontPath = config.reportFont === '' ? undefined : config.reportFont;
  const render: ReportFileRenderer = (document, format) => renderReport(document, format, { fontPath });
  const review = createReportReview({
    reports: storage.reports,
    clock,
    audit: async (entry) => {
      await storage.audit.append(entry);
    },
    render,
    timeZone: config.timeZone,
  });
  const deps: ReportRunDeps = {
    storage,
    data,
    clock,
    logger,
    defaultTimeZone: config.timeZone,
    review,
    mailer,
    render,
    delivery: {
      maxAttempts: config.reportDeliveryMaxAttempts,
      leaseMs: DELIVERY_LEASE_MS,
      batchSize: DELIVERY_BATCH,
    },
    catchUpMs: DEFAULT_CATCH_UP_MS,
  };
  let ticker: ReportTicker | null = null;
  return {
    deps,
    review,
    render,
    generate: (request) => generateAndStore(deps, request),
    onIssued: (report) => onReportIssued(deps, report),
    startTicker() {
      if (!ticker && mailer === null) {
        logger.warn('SMTP_URL is not set: report e-mails stay pending; issued reports are in the console');
      }
      ticker ??= startReportTicker({ intervalMs: config.reportTickSeconds * 1000, deps });
      const started = ticker;
      return {
        tick: started.tick,
        // Forgets the ticker once stopped, so that a process elected leader again starts a fresh one.
        async stop() {
          if (ticker === started) ticker = null;
          await started.stop();
        },
      };
    },
    async close() {
      await ticker?.stop();
      mailer?.close();
    },
  };
}
