/** The response and request types the console uses, taken from the server's contract (types only). */
import type { z } from 'zod';
import type * as c from '../../../src/contract/index.js';

/** GET/POST /session. */
export type Session = z.output<typeof c.sessionResponse>;
/** A unit. */
export type Unit = z.output<typeof c.unit>;
/** A user. */
export type User = z.output<typeof c.user>;
/** An item. */
export type Item = z.output<typeof c.item>;
/** A page of items. */
export type ItemPage = z.output<typeof c.itemPage>;
/** An event. */
export type EventRecord = z.output<typeof c.event>;
/** A page of events. */
export type EventPage = z.output<typeof c.eventPage>;
/** An alert. */
export type Alert = z.output<typeof c.alert>;
/** A page of alerts. */
export type AlertPage = z.output<typeof c.alertPage>;
/** An incident. */
export type Incident = z.output<typeof c.incident>;
/** A page of incidents. */
export type IncidentPage = z.output<typeof c.incidentPage>;
/** An appeal. */
export type Appeal = z.output<typeof c.appeal>;
/** A page of appeals. */
export type AppealPage = z.output<typeof c.appealPage>;
/** A report list row. */
export type ReportSummary = z.output<typeof c.reportSummary>;
/** A report with its document. */
export type ReportDetail = z.output<typeof c.reportDetail>;
/** A page of reports. */
export type ReportPage = z.output<typeof c.reportPage>;
/** POST /reports. */
export type GenerateReportBody = z.input<typeof c.generateReportBody>;
/** PATCH /reports/:id. */
export type EditReportBody = z.input<typeof c.editReportBody>;
/** A report schedule. */
export type ReportSchedule = z.output<typeof c.reportSchedule>;
/** POST /report-schedules. */
export type CreateScheduleBody = z.input<typeof c.createReportScheduleBody>;
/** PATCH /report-schedules/:id. */
export type UpdateScheduleBody = z.input<typeof c.updateReportScheduleBody>;
/** A report file format. */
export type ReportFormat = z.output<typeof c.reportFileQuery>['format'];
