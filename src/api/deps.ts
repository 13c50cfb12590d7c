/** What the HTTP API needs from the composition root (`src/cli/`), passed in rather than built here. */
import type { AlertBus } from '../alerts/bus.js';
import type { ChannelRegistry } from '../alerts/channels/registry.js';
import type { SearchNode } from '../analysis/expression/search-tree.js';
import type { AuthService } from '../auth/index.js';
import type { EvidenceServices } from '../cases/evidence/index.js';
import type { PublishReply } from '../cases/appeals/service/deps.js';
import type { WorkCalendar } from '../cases/calendar/index.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics, MetricsAccess } from '../platform/metrics/index.js';
import type { CollectionOperations } from '../pipeline/collect/service.js';
import type { ClusterDeps } from '../pipeline/cluster/index.js';
import type { ReportServices } from '../reports/services.js';
import type { Storage } from '../storage/repositories.js';

/** Collection as the API uses it (validate, preview, fetch now, accept pushed items); wired by the composition root. */
export type CollectionService = CollectionOperations;

/** Tunables of the HTTP layer (from the configuration). */
export interface ApiOptions {
  /** Mark the session cookie Secure (behind HTTPS). */
  cookieSecure: boolean;
  /** Largest request body in bytes; larger ones answer 413 PAYLOAD_TOO_LARGE. */
  bodyLimitBytes: number;
  /** General limit of requests per client address per minute. */
  rateLimitPerMinute: number;
  /** Trust X-Forwarded-* from a reverse proxy for the client address. */
  trustProxy: boolean;
}

/** The API's dependencies. Login limits and the session TTL live in the {@link AuthService}. */
export interface ApiDeps {
  storage: Storage;
  auth: AuthService;
  clock: Clock;
  logger: Logger;
  /**
   * Parses a search or scheme expression into the tree storage searches with (segmented like the index).
   * Throws AppError('EXPRESSION_SYNTAX', …, { position }) for a syntax error.
   */
  parseSearchQuery(query: string): SearchNode;
  /** True when storage (and whatever else serving needs) is ready; drives GET /readyz. */
  isReady(): Promise<boolean>;
  options: ApiOptions;
  collection: CollectionService;
  /** How events are recomputed after a manual merge (authority, terms, IDF); defaults when absent. */
  eventClustering?: Omit<ClusterDeps, 'storage' | 'clock'>;
  /** Validates, masks and test-sends alert channels; channel routes answer DELIVERY_UNAVAILABLE without it. */
  channelRegistry?: ChannelRegistry;
  /** The zone local times in alert messages are shown in (TIME_ZONE); Asia/Shanghai when absent. */
  alertTimeZone?: string;
  /** New alerts for GET /alerts/stream (SSE); the stream answers ALERT_STREAM_UNAVAILABLE without it. */
  alertBus?: AlertBus;
  /**
   * Page fetcher, text extraction and screenshots of evidence capture (取证); POST /evidence answers
   * EVIDENCE_UNAVAILABLE without it. Reading, serving and exporting stored evidence need only storage.
   */
  evidence?: EvidenceServices;
  /** A unit's working-day calendar for appeal deadlines; weekends off in Asia/Shanghai when absent. */
  appealCalendarFor?: (unitId: string) => WorkCalendar | Promise<WorkCalendar>;
  /** Publishes appeal replies back to their source; /appeals/:id/publish answers APPEAL_PUBLISH_UNAVAILABLE without it. */
  publishAppealReply?: PublishReply;
  /**
   * Texts of a unit's confidential records (clue titles, unpublished response drafts) for the publication
   * confidentiality check; only secret terms are checked when absent.
   */
  confidentialTexts?: (unitId: string) => Promise<readonly string[]>;
  /** Report generation, review and rendering; report routes answer REPORTS_UNAVAILABLE without it. */
  reports?: ReportServices;
  /** Where requests and answered errors are counted; nothing is counted without it. */
  metrics?: Metrics;
  /** Who may scrape GET /metrics; the endpoint exists only when this and `metrics` are given. */
  metricsAccess?: MetricsAccess;
}
