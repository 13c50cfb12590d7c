/**
 * The 24-hour duty of key periods (重要时段 24小时值班): setting what a period requires, and the coverage
 * report that shows, per unit the period covers, the stretches and clock hours without enough people on
 * the roster.
 */
import type { DutyGap, KeyPeriod, KeyPeriodDutyRequirement } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { dutyGaps, keyPeriodUnits, uncoveredHours, type UncoveredHour } from './coverage.js';
import { actorSees, type DutyActor, type DutyDeps } from './deps.js';

/** The coverage of one unit during the period. */
export interface UnitDutyCoverage {
  unitId: string;
  /** The zone clock hours are counted in (the unit's effective calendar). */
  timeZone: string;
  /** How many roster shifts of the unit overlap the period. */
  shifts: number;
  gaps: DutyGap[];
  hours: UncoveredHour[];
  uncoveredMinutes: number;
  /** True when the roster meets the requirement (or nothing is required). */
  covered: boolean;
}

/** The duty report of a key period. */
export interface KeyPeriodDutyReport {
  period: KeyPeriod;
  requirement: KeyPeriodDutyRequirement | null;
  units: UnitDutyCoverage[];
}

async function visiblePeriod(deps: DutyDeps, actor: DutyActor, id: string): Promise<KeyPeriod> {
  const period = await deps.storage.keyPeriods.get(id, { unitIds: actor.unitIds });
  if (!period)
    throw new AppError('NOT_FOUND', `key period ${id} does not exist`, { entity: 'key period', id });
  return period;
}

/** Sets what the key period requires; audited in the same transaction. */
export async function setKeyPeriodDuty(
  deps: DutyDeps,
  actor: DutyActor,
  keyPeriodId: string,
  input: { roundTheClock: boolean; minOnDuty: number },
): Promise<KeyPeriodDutyRequirement> {
  const period = await visiblePeriod(deps, actor, keyPeriodId);
  const now = deps.clock.now();
  return deps.storage.transaction(async (tx) => {
    const requirement = await tx.dutyNotes.setKeyPeriodDuty(
      { keyPeriodId, unitId: period.unitId, ...input, updatedBy: actor.userId },
      now,
    );
    await tx.audit.append({
      at: now,
      actorUserId: actor.userId,
      unitId: period.unitId,
      action: 'key-period.duty',
      targetType: 'key-period',
      targetId: keyPeriodId,
      ip: actor.ip,
      detail: { ...input },
    });
    return requirement;
  });
}

/**
 * The coverage report of the key period for the units it covers that the actor sees (only `unitId` when
 * given). Without a requirement gaps are still shown (against one person), but every unit counts as covered.
 */
export async function keyPeriodDutyReport(
  deps: DutyDeps,
  actor: DutyActor,
  keyPeriodId: string,
  unitId?: string,
): Promise<KeyPeriodDutyReport> {
  const period = await visiblePeriod(deps, actor, keyPeriodId);
  const requirement = await deps.storage.dutyNotes.getKeyPeriodDuty(keyPeriodId);
  const unitIds = keyPeriodUnits(period).filter(
    (id) => actorSees(actor, id) && (unitId === undefined || id === unitId),
  );
  if (unitId !== undefined && unitIds.length === 0) {
    throw new AppError('NOT_FOUND', `key period ${keyPeriodId} does not cover unit ${unitId}`, {
      entity: 'unit',
      id: unitId,
    });
  }
  const units: UnitDutyCoverage[] = [];
  for (const id of unitIds) {
    const shifts = await deps.storage.channels.listShifts({ unitIds: [id] }, period.startsAt, period.endsAt);
    const { calendar } = await deps.storage.workCalendars.effective(id);
    const gaps = dutyGaps(period, shifts, requirement?.minOnDuty ?? 1);
    const uncoveredMinutes = Math.round(
      gaps.reduce((sum, gap) => sum + gap.endsAt - gap.startsAt, 0) / 60_000,
    );
    units.push({
      unitId: id,
      timeZone: calendar.timeZone,
      shifts: shifts.length,
      gaps,
      hours: uncoveredHours(gaps, calendar.timeZone),
      uncoveredMinutes,
      covered: requirement?.roundTheClock !== true || gaps.length === 0,
    });
  }
  return { period, requirement, units };
}
