/**
 * Reports over the API (issue 7): generation on demand, the review steps, files in every format, schedules
 * and each unit's period conventions and templates. A report's document is returned as stored: sections,
 * blocks and every figure with the query that produced it.
 */
import { z } from 'zod';
import { REPORT_DELIVERY_STATES, REPORT_FORMATS, REPORT_STATUSES, REPORT_TYPES } from '../domain/index.js';
import { listOf, pageOf, pageQuery, timestamp } from './common.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const email = z.email().max(320);
const scheduledTypes = ['daily', 'weekly', 'monthly', 'work_summary'] as const;

/** A report without its document (a list row). */
export const reportSummary = z
  .object({
    id: z.string(),
    unitId: z.string(),
    type: z.enum(REPORT_TYPES),
    typeName: z.string(),
    title: z.string(),
    status: z.enum(REPORT_STATUSES),
    statusName: z.string(),
    periodFrom: timestamp,
    periodTo: timestamp,
    eventId: z.string().nullable(),
    issueLabel: z.string().nullable(),
    issueYear: z.number().nullable(),
    issueNumber: z.number().nullable(),
    scheduleId: z.string().nullable(),
    createdBy: z.string().nullable(),
    reviewerId: z.string().nullable(),
    reviewNote: z.string().nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: timestamp.nullable(),
    issuedBy: z.string().nullable(),
    issuedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'ReportSummary' });

/** A report with its document and the formats kept for it. */
export const reportDetail = reportSummary
  .extend({
    document: z
      .record(z.string(), z.unknown())
      .describe('The ReportDocument (sections, blocks, figures with traces)'),
    files: z.array(z.enum(REPORT_FORMATS)),
  })
  .meta({ id: 'ReportDetail' });

/** A page of reports. */
export const reportPage = pageOf(reportSummary);

/** Filters of the report list. */
export const reportListQuery = pageQuery.extend({
  type: listOf(REPORT_TYPES).optional(),
  status: listOf(REPORT_STATUSES).optional(),
  from: z.iso
    .datetime({ offset: true })
    .transform((v) => Date.parse(v))
    .optional(),
  to: z.iso
    .datetime({ offset: true })
    .transform((v) => Date.parse(v))
    .optional(),
});

/**
 * Generate a report now. Daily, weekly and monthly reports need `date` (the local date the period holds);
 * a work summary takes `from` and `to` (local dates, inclusive) or `date` (its year); a special report
 * needs `eventId`.
 */
export const generateReportBody = z.object({
  type: z.enum(REPORT_TYPES),
  unitId: z.string().min(1).max(64).optional(),
  date: date.optional(),
  from: date.optional(),
  to: date.optional(),
  eventId: z.string().min(1).max(64).optional(),
});

/** Edit the narrative of a draft or a report in review. */
export const editReportBody = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  placeholders: z.record(z.string().min(1).max(100), z.string().max(20_000)).optional(),
});

/** Send a draft to a reviewer. */
export const submitReportBody = z.object({ reviewerId: z.string().min(1).max(64) });

/** Approve, with an optional note. */
export const approveReportBody = z.object({ note: z.string().max(2000).optional() });

/** Return to draft, with the reviewer's note. */
export const returnReportBody = z.object({ note: z.string().trim().min(1).max(2000) });

/** Which file to download. */
export const reportFileQuery = z.object({ format: z.enum(REPORT_FORMATS).default('docx') });

/** One e-mail delivery of an issued report. */
export const reportDelivery = z.object({
  id: z.string(),
  recipient: z.string(),
  state: z.enum(REPORT_DELIVERY_STATES),
  attempts: z.number(),
  nextAttemptAt: timestamp.nullable(),
  lastError: z.string().nullable(),
  sentAt: timestamp.nullable(),
  createdAt: timestamp,
});

/** The deliveries of a report. */
export const reportDeliveryList = z.object({ items: z.array(reportDelivery) });

/** A report schedule. */
export const reportSchedule = z
  .object({
    id: z.string(),
    unitId: z.string(),
    type: z.enum(scheduledTypes),
    cron: z.string(),
    timeZone: z.string(),
    enabled: z.boolean(),
    autoIssue: z.boolean(),
    reviewerId: z.string().nullable(),
    recipients: z.array(z.string()),
    formats: z.array(z.enum(REPORT_FORMATS)),
    lastRunAt: timestamp.nullable(),
    nextRunAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'ReportSchedule' });

/** The schedules of units in scope. */
export const reportScheduleList = z.object({ items: z.array(reportSchedule) });

/** A new schedule; the cron defaults to the type's (daily 17:00, weekly Monday 09:00, monthly the 1st 09:00). */
export const createReportScheduleBody = z.object({
  unitId: z.string().min(1).max(64).optional(),
  type: z.enum(scheduledTypes),
  cron: z.string().trim().min(1).max(100).optional(),
  timeZone: z.string().min(1).max(64).optional(),
  enabled: z.boolean().default(true),
  autoIssue: z.boolean().default(true),
  reviewerId: z.string().min(1).max(64).nullable().default(null),
  recipients: z.array(email).max(100).default([]),
  formats: z.array(z.enum(REPORT_FORMATS)).min(1).max(4).default(['docx', 'pdf']),
});

/** A change to a schedule. */
export const updateReportScheduleBody = createReportScheduleBody
  .omit({ unitId: true, type: true })
  .partial()
  .extend({ cron: z.string().trim().min(1).max(100).optional() });

/** A custom template of one report type. */
export const reportTemplate = z.object({
  title: z.string().trim().max(100).nullable().optional(),
  unitName: z.string().trim().max(100).nullable().optional(),
  issuePrefix: z.string().trim().max(50).nullable().optional(),
  sections: z
    .array(
      z.object({ key: z.string().min(1).max(50), title: z.string().trim().max(100).nullable().optional() }),
    )
    .max(30)
    .nullable()
    .optional(),
});

/** A unit's period conventions and templates. */
export const reportSettings = z
  .object({
    unitId: z.string(),
    dailyCutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
    weekStartsOn: z.number().int().min(1).max(7),
    timeZone: z.string().min(1).max(64),
    templates: z.partialRecord(z.enum(REPORT_TYPES), reportTemplate),
    sectionKeys: z.record(z.string(), z.array(z.string())).describe('The section keys each type has'),
  })
  .meta({ id: 'ReportSettings' });

/** Which unit's settings. */
export const reportSettingsQuery = z.object({ unitId: z.string().min(1).max(64).optional() });

/** Replace a unit's settings. */
export const saveReportSettingsBody = reportSettings.omit({ unitId: true, sectionKeys: true }).extend({
  unitId: z.string().min(1).max(64).optional(),
});
