/**
 * /api/v1/report-schedules and /report-settings: when each unit's reports are generated and to whom they go,
 * and how its periods are cut and its reports laid out (templates). Changes need reports:admin and are audited.
 */
import type { z } from 'zod';
import { requireUnitInScope, visibleOrNotFound } from '../../auth/index.js';
import { isKnownTimeZone } from '../../analysis/time/zone.js';
import type * as c from '../../contract/index.js';
import type { ReportSchedule, ReportSettings, ReportTemplate, ReportType } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { validateTemplate } from '../../reports/build/index.js';
import { DEFAULT_REPORT_CRON, validateSchedulePattern } from '../../reports/schedule/index.js';
import type { RequestContext } from '../route.js';
import { reportServices } from './reports.js';
import { presentReportSchedule, presentReportSettings } from './reports-present.js';

type ScheduleView = z.output<typeof c.reportSchedule>;

function checkZone(timeZone: string): void {
  if (!isKnownTimeZone(timeZone)) {
    throw new AppError('VALIDATION_FAILED', `timeZone "${timeZone}" is not an IANA time zone`, {
      field: 'timeZone',
    });
  }
}

async function checkReviewer(ctx: RequestContext, reviewerId: string | null | undefined): Promise<void> {
  if (reviewerId === null || reviewerId === undefined) return;
  const reviewer = await ctx.deps.storage.users.get(reviewerId, ctx.principal.scope);
  if (reviewer === null || reviewer.disabled) {
    throw new AppError('VALIDATION_FAILED', `reviewerId ${reviewerId} is not an active user in your units`, {
      field: 'reviewerId',
    });
  }
}

async function visibleSchedule(ctx: RequestContext, id: string): Promise<ReportSchedule> {
  return visibleOrNotFound(
    ctx.principal,
    await ctx.deps.storage.reportSchedules.get(id),
    'report schedule',
    id,
  );
}

/** The schedules of units in scope. */
export async function listReportSchedules(
  ctx: RequestContext,
): Promise<z.output<typeof c.reportScheduleList>> {
  const schedules = await ctx.deps.storage.reportSchedules.list(ctx.principal.scope);
  const now = ctx.deps.clock.now();
  return { items: schedules.map((schedule) => presentReportSchedule(schedule, now)) };
}

/** Creates a schedule; the cron defaults to the type's, the zone to the unit's report settings. */
export async function createReportSchedule(
  ctx: RequestContext,
  body: z.output<typeof c.createReportScheduleBody>,
): Promise<ScheduleView> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  const cron = body.cron ?? DEFAULT_REPORT_CRON[body.type];
  if (cron === null) {
    throw new AppError(
      'VALIDATION_FAILED',
      `cron is required: a ${body.type} report has no default schedule`,
      {
        field: 'cron',
      },
    );
  }
  const timeZone = body.timeZone ?? (await reportServices(ctx).settingsOf(unitId)).timeZone;
  checkZone(timeZone);
  validateSchedulePattern(cron, timeZone);
  await checkReviewer(ctx, body.reviewerId);
  const schedule = await ctx.deps.storage.reportSchedules.create({
    unitId,
    type: body.type,
    cron,
    timeZone,
    enabled: body.enabled,
    autoIssue: body.autoIssue,
    reviewerId: body.reviewerId,
    recipients: body.recipients,
    formats: body.formats,
  });
  await ctx.audit({
    action: 'report-schedule.create',
    unitId,
    targetType: 'report_schedule',
    targetId: schedule.id,
    detail: { type: schedule.type, cron, timeZone, recipients: schedule.recipients.length },
  });
  return presentReportSchedule(schedule, ctx.deps.clock.now());
}

/** Changes a schedule. */
export async function updateReportSchedule(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.updateReportScheduleBody>,
): Promise<ScheduleView> {
  const found = await visibleSchedule(ctx, id);
  const timeZone = body.timeZone ?? found.timeZone;
  checkZone(timeZone);
  validateSchedulePattern(body.cron ?? found.cron, timeZone);
  await checkReviewer(ctx, body.reviewerId);
  const schedule = await ctx.deps.storage.reportSchedules.update(id, body);
  await ctx.audit({
    action: 'report-schedule.update',
    unitId: found.unitId,
    targetType: 'report_schedule',
    targetId: id,
    detail: { fields: Object.keys(body) },
  });
  return presentReportSchedule(schedule, ctx.deps.clock.now());
}

/** Deletes a schedule (its reports stay). */
export async function deleteReportSchedule(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const found = await visibleSchedule(ctx, id);
  await ctx.deps.storage.reportSchedules.delete(id);
  await ctx.audit({
    action: 'report-schedule.delete',
    unitId: found.unitId,
    targetType: 'report_schedule',
    targetId: id,
    detail: { type: found.type },
  });
  return { ok: true };
}

/** A unit's report settings (the defaults when it never saved any). */
export async function getReportSettings(
  ctx: RequestContext,
  query: z.output<typeof c.reportSettingsQuery>,
): Promise<z.output<typeof c.reportSettings>> {
  const unitId = query.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  return presentReportSettings(await reportServices(ctx).settingsOf(unitId));
}

function templatesOf(
  input: z.output<typeof c.saveReportSettingsBody>['templates'],
): ReportSettings['templates'] {
  const templates: ReportSettings['templates'] = {};
  for (const [type, template] of Object.entries(input) as [
    ReportType,
    Omit<ReportTemplate, 'type'> | undefined,
  ][]) {
    if (template === undefined) continue;
    const full: ReportTemplate = { ...template, type };
    validateTemplate(full);
    templates[type] = full;
  }
  return templates;
}

/** Replaces a unit's period conventions and templates. */
export async function saveReportSettings(
  ctx: RequestContext,
  body: z.output<typeof c.saveReportSettingsBody>,
): Promise<z.output<typeof c.reportSettings>> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  checkZone(body.timeZone);
  const saved = await ctx.deps.storage.reportSettings.save({
    unitId,
    dailyCutoff: body.dailyCutoff,
    weekStartsOn: body.weekStartsOn,
    timeZone: body.timeZone,
    templates: templatesOf(body.templates),
    updatedAt: ctx.deps.clock.now(),
  });
  await ctx.audit({
    action: 'report-settings.update',
    unitId,
    targetType: 'unit',
    targetId: unitId,
    detail: { dailyCutoff: saved.dailyCutoff, weekStartsOn: saved.weekStartsOn, timeZone: saved.timeZone },
  });
  return presentReportSettings(saved);
}
