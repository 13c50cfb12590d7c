/**
 * What the report orchestrators (generation, the schedule tick, delivery) are given by the composition root.
 * The repositories are named by what is used of them, so a test or another process can hand in a
 * `Storage` or anything shaped like its report parts.
 */
import type { ReportDataSource, StoredReport } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import type { UnitRepository } from '../../storage/repositories.js';
import type {
  ReportDeliveryRepository,
  ReportRepository,
  ReportScheduleRepository,
  ReportSettingsRepository,
} from '../../storage/reports/types.js';
import type { DeliverySettings, ReportFileRenderer, ReportMailer } from '../deliver/index.js';

/** The repositories the orchestrators use. */
export interface ReportStores {
  units: Pick<UnitRepository, 'get' | 'subtreeIds'>;
  reports: ReportRepository;
  reportSchedules: ReportScheduleRepository;
  reportDeliveries: ReportDeliveryRepository;
  reportSettings: Pick<ReportSettingsRepository, 'get'>;
}

/** The review steps the tick drives (the review service, `createReportReview`). */
export interface ReportReviewPort {
  /** Issues (numbers, renders and stores the files); `direct` skips review, for auto-issuing schedules. */
  issue(
    id: string,
    input: { actorId: string | null; direct?: boolean; issuePrefix?: string | null },
  ): Promise<StoredReport>;
  /** Sends a draft to its reviewer (status in_review). */
  submit(id: string, input: { actorId: string | null; reviewerId: string }): Promise<StoredReport>;
}

/** Everything generation needs. */
export interface GenerateDeps {
  storage: ReportStores;
  data: ReportDataSource;
  clock: Clock;
  /** The installation's zone (TIME_ZONE), for units that never saved report settings. */
  defaultTimeZone: string;
}

/** Everything the schedule tick needs. */
export interface ReportRunDeps extends GenerateDeps {
  review: ReportReviewPort;
  logger: Logger;
  /** null when SMTP is not configured: deliveries stay pending and the console shows the reports. */
  mailer: ReportMailer | null;
  /** Renders a format an issued report has no stored file of. */
  render?: ReportFileRenderer;
  delivery: DeliverySettings;
  /** Missed slots older than this are skipped. */
  catchUpMs: number;
}
