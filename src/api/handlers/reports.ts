/**
 * /api/v1/reports: reports of units in scope — generate on demand, read with every figure's query, edit the
 * narrative, review, issue, download in any format, and see the e-mails sent. Issued reports serve the files
 * stored at issue, byte for byte; drafts are rendered on request.
 */
import type { z } from 'zod';
import { requireUnitInScope, visibleOrNotFound } from '../../auth/index.js';
import type * as c from '../../contract/index.js';
import type { ReportData, ReportPeriod, StoredReport } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { customPeriod } from '../../reports/periods.js';
import type { ReportServices } from '../../reports/services.js';
import type { RequestContext } from '../route.js';
import { presentReportDelivery, presentReportDetail, presentReportSummary } from './reports-present.js';

type Detail = z.output<typeof c.reportDetail>;

/** The report services, or REPORTS_UNAVAILABLE when this process was started without them. */
export function reportServices(ctx: RequestContext): ReportServices {
  const services = ctx.deps.reports;
  if (!services)
    throw new AppError('REPORTS_UNAVAILABLE', 'report services are not configured in this process');
  return services;
}

async function visibleReport(ctx: RequestContext, id: string): Promise<StoredReport> {
  return visibleOrNotFound(ctx.principal, await ctx.deps.storage.reports.get(id), 'report', id);
}

async function detail(ctx: RequestContext, report: StoredReport): Promise<Detail> {
  return presentReportDetail(report, await ctx.deps.storage.reports.fileFormats(report.id));
}

/** Reports in scope, newest period first. */
export async function listReports(
  ctx: RequestContext,
  query: z.output<typeof c.reportListQuery>,
): Promise<z.output<typeof c.reportPage>> {
  const page = await ctx.deps.storage.reports.list(
    ctx.principal.scope,
    {
      ...(query.type && { types: query.type }),
      ...(query.status && { statuses: query.status }),
      ...(query.from !== undefined && { from: query.from }),
      ...(query.to !== undefined && { to: query.to }),
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map((report) => presentReportSummary(report)), nextCursor: page.nextCursor };
}

function required<T>(value: T | undefined, field: string, why: string): T {
  if (value === undefined) throw new AppError('VALIDATION_FAILED', `${field} is required ${why}`, { field });
  return value;
}

async function periodOfRequest(
  services: ReportServices,
  unitId: string,
  body: z.output<typeof c.generateReportBody>,
  now: number,
): Promise<ReportPeriod> {
  const settings = await services.settingsOf(unitId);
  switch (body.type) {
    case 'daily':
    case 'weekly':
    case 'monthly':
      return services.periodFor(unitId, body.type, required(body.date, 'date', `for a ${body.type} report`));
    case 'work_summary':
      if (body.from !== undefined || body.to !== undefined) {
        return customPeriod(
          required(body.from, 'from', 'with to'),
          required(body.to, 'to', 'with from'),
          settings.timeZone,
        );
      }
      return services.periodFor(
        unitId,
        'work_summary',
        required(body.date, 'date', 'or from and to for a work summary'),
      );
    case 'special':
      required(body.eventId, 'eventId', 'for a special report');
      // The event's own span decides the period; this one only carries the zone.
      return { from: now, to: now, label: '', timeZone: settings.timeZone };
  }
}

/** Generates a report now and stores it as a draft. */
export async function generateReport(
  ctx: RequestContext,
  body: z.output<typeof c.generateReportBody>,
): Promise<Detail> {
  const services = reportServices(ctx);
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  const period = await periodOfRequest(services, unitId, body, ctx.deps.clock.now());
  const report = await services.generate({
    type: body.type,
    unitId,
    period,
    eventId: body.eventId ?? null,
    createdBy: ctx.principal.user.id,
  });
  await ctx.audit({
    action: 'report.generate',
    unitId,
    targetType: 'report',
    targetId: report.id,
    detail: { type: report.type, periodFrom: report.periodFrom, periodTo: report.periodTo },
  });
  return detail(ctx, report);
}

/** One report with its document. */
export async function getReport(ctx: RequestContext, id: string): Promise<Detail> {
  return detail(ctx, await visibleReport(ctx, id));
}

/** The data a report was built from, as read at generation (every answer with its query). */
export async function getReportSnapshot(ctx: RequestContext, id: string): Promise<ReportData> {
  return (await visibleReport(ctx, id)).snapshot;
}

/** Edits the narrative placeholders and the title of a draft or a report in review. */
export async function editReport(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.editReportBody>,
): Promise<Detail> {
  await visibleReport(ctx, id);
  const report = await reportServices(ctx).review.edit(id, {
    ...(body.title !== undefined && { title: body.title }),
    ...(body.placeholders !== undefined && { placeholders: body.placeholders }),
    actorId: ctx.principal.user.id,
  });
  return detail(ctx, report);
}

/** Sends a draft to a reviewer of the unit's scope. */
export async function submitReport(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.submitReportBody>,
): Promise<Detail> {
  const found = await visibleReport(ctx, id);
  const reviewer = await ctx.deps.storage.users.get(body.reviewerId, ctx.principal.scope);
  if (reviewer === null || reviewer.disabled) {
    throw new AppError(
      'VALIDATION_FAILED',
      `reviewerId ${body.reviewerId} is not an active user in your units`,
      {
        field: 'reviewerId',
      },
    );
  }
  const report = await reportServices(ctx).review.submit(found.id, {
    reviewerId: reviewer.id,
    actorId: ctx.principal.user.id,
  });
  return detail(ctx, report);
}

/** Approves a report in review. */
export async function approveReport(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.approveReportBody>,
): Promise<Detail> {
  await visibleReport(ctx, id);
  const report = await reportServices(ctx).review.approve(id, {
    actorId: ctx.principal.user.id,
    ...(body.note !== undefined && { note: body.note }),
  });
  return detail(ctx, report);
}

/** Returns a report in review to its author with a note. */
export async function returnReport(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.returnReportBody>,
): Promise<Detail> {
  await visibleReport(ctx, id);
  const report = await reportServices(ctx).review.returnToDraft(id, {
    actorId: ctx.principal.user.id,
    note: body.note,
  });
  return detail(ctx, report);
}

/** Issues an approved report: numbered, rendered, stored for good; its schedule's e-mails are queued. */
export async function issueReport(ctx: RequestContext, id: string): Promise<Detail> {
  const found = await visibleReport(ctx, id);
  const services = reportServices(ctx);
  const settings = await services.settingsOf(found.unitId);
  const report = await services.review.issue(id, {
    actorId: ctx.principal.user.id,
    issuePrefix: settings.templates[found.type]?.issuePrefix ?? null,
  });
  await services.onIssued(report);
  return detail(ctx, report);
}

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The report in one format: the stored file of an issued report, a fresh rendering otherwise. */
export async function getReportFile(
  ctx: RequestContext,
  id: string,
  query: z.output<typeof c.reportFileQuery>,
): Promise<Buffer> {
  const report = await visibleReport(ctx, id);
  const stored =
    report.status === 'issued' ? await ctx.deps.storage.reports.file(report.id, query.format) : null;
  const file = stored ?? (await reportServices(ctx).render(report.document, query.format));
  await ctx.audit({
    action: 'report.download',
    unitId: report.unitId,
    targetType: 'report',
    targetId: report.id,
    detail: { format: query.format, stored: stored !== null },
  });
  void ctx.reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  return Buffer.from(file.bytes);
}

/** The e-mails of a report and how they went. */
export async function listReportDeliveries(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof c.reportDeliveryList>> {
  const report = await visibleReport(ctx, id);
  const deliveries = await ctx.deps.storage.reportDeliveries.listByReport(report.id);
  return { items: deliveries.map(presentReportDelivery) };
}
