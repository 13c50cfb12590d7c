/**
 * The report services the API and the command line use (issue 7), put together once by the composition
 * root: generate on demand, read a unit's settings and periods, review and issue, render any format.
 */
import type {
  ReportDocument,
  ReportFormat,
  ReportPeriod,
  ReportSettings,
  StoredReport,
} from '../domain/index.js';
import type { ReportFileRenderer, RenderedReportFile } from './deliver/index.js';
import type { PeriodicType } from './periods.js';
import type { ReportReview } from './review/index.js';
import {
  generateAndStore,
  onReportIssued,
  periodForDate,
  reportSettingsOf,
  type GenerateDeps,
  type GenerateRequest,
} from './run/index.js';

/** What the API needs of reports. */
export interface ReportServices {
  /** Generates and stores a draft. */
  generate(request: GenerateRequest): Promise<StoredReport>;
  /** A unit's settings, or the defaults. */
  settingsOf(unitId: string): Promise<ReportSettings>;
  /** The period of a periodic report for a local date under the unit's settings. */
  periodFor(unitId: string, type: PeriodicType, date: string): Promise<ReportPeriod>;
  review: ReportReview;
  /** Renders a document to one format (drafts are rendered on request; issued reports serve stored files). */
  render(document: ReportDocument, format: ReportFormat): Promise<RenderedReportFile>;
  /** Queues the e-mails of a report the API just issued to its schedule's recipients. */
  onIssued(report: StoredReport): Promise<void>;
  /** The installation's zone, for units without settings. */
  defaultTimeZone: string;
}

/** Puts the services together over the generation deps, the review service and a renderer. */
export function createReportServices(
  deps: GenerateDeps & { review: ReportReview; render: ReportFileRenderer },
): ReportServices {
  return {
    generate: (request) => generateAndStore(deps, request),
    settingsOf: (unitId) => reportSettingsOf(deps, unitId),
    periodFor: (unitId, type, date) => periodForDate(deps, unitId, type, date),
    review: deps.review,
    render: deps.render,
    onIssued: async (report) => {
      await onReportIssued(deps, report);
    },
    defaultTimeZone: deps.defaultTimeZone,
  };
}
