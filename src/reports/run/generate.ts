/**
 * Generating one report (issue 7), on demand or for a schedule's slot: read the unit, its subtree and its
 * report settings, build the document with the unit's template, and store it as a draft together with the
 * data snapshot it was built from. A scheduled slot is generated once: a second run finds the stored one.
 */
import type { ReportPeriod, ReportSettings, ReportType, StoredReport } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { generateReportDocument } from '../generate.js';
import { periodOf, settingsOrDefault, type PeriodicType } from '../periods.js';
import type { GenerateDeps } from './deps.js';

/** What to generate. */
export interface GenerateRequest {
  type: ReportType;
  unitId: string;
  period: ReportPeriod;
  /** The event of a special report. */
  eventId?: string | null;
  /** The schedule whose slot this is; null or absent on demand. */
  scheduleId?: string | null;
  /** The user who asked; null for schedules. */
  createdBy?: string | null;
}

/** The unit's report settings, or the defaults in the installation's zone. */
export async function reportSettingsOf(deps: GenerateDeps, unitId: string): Promise<ReportSettings> {
  const saved = await deps.storage.reportSettings.get(unitId);
  return settingsOrDefault(saved, unitId, deps.defaultTimeZone);
}

/** The period of a periodic report for a local date `YYYY-MM-DD` under the unit's settings. */
export async function periodForDate(
  deps: GenerateDeps,
  unitId: string,
  type: PeriodicType,
  date: string,
): Promise<ReportPeriod> {
  return periodOf(type, date, await reportSettingsOf(deps, unitId));
}

/** Builds and stores a report as a draft; for a schedule's slot, returns the one already stored if any. */
export async function generateAndStore(deps: GenerateDeps, request: GenerateRequest): Promise<StoredReport> {
  const scheduleId = request.scheduleId ?? null;
  if (scheduleId !== null) {
    const existing = await deps.storage.reports.findScheduled(scheduleId, request.period.from);
    if (existing) return existing;
  }
  const unit = await deps.storage.units.get(request.unitId);
  if (!unit) {
    throw new AppError('NOT_FOUND', `unit ${request.unitId} does not exist`, {
      id: request.unitId,
      entity: 'unit',
    });
  }
  const [unitIds, settings] = await Promise.all([
    deps.storage.units.subtreeIds(unit.id),
    reportSettingsOf(deps, unit.id),
  ]);
  const now = deps.clock.now();
  const { document, snapshot } = await generateReportDocument(
    { data: deps.data, countIssued: (scope, from, to) => deps.storage.reports.countIssued(scope, from, to) },
    {
      type: request.type,
      unit: { id: unit.id, name: unit.name },
      unitIds,
      period: request.period,
      eventId: request.eventId ?? null,
      template: settings.templates[request.type] ?? null,
      now,
    },
  );
  return deps.storage.reports.create({
    unitId: unit.id,
    type: request.type,
    // A special report's period is its event's span, which the document worked out.
    periodFrom: document.period.from,
    periodTo: document.period.to,
    eventId: request.eventId ?? null,
    title: document.title,
    document,
    snapshot,
    scheduleId,
    createdBy: request.createdBy ?? null,
    createdAt: now,
  });
}
