/**
 * The office calendar and duty (值班) of issue 6 §1 and §8: the working-day calendar an office configures
 * for deadlines, shift hand-over notes (交接班记录) and the 24-hour duty a key period (重要时段) can require.
 */
import type { EpochMs } from './entities.js';

/**
 * An office's working-day calendar as configured: the time zone its dates are in, its holidays (法定节假日)
 * and its make-up working days (调休上班), all `YYYY-MM-DD`. `unitId` null is the installation default,
 * used by every unit that has no calendar of its own nor an ancestor with one.
 */
export interface WorkCalendarSettings {
  unitId: string | null;
  timeZone: string;
  holidays: string[];
  workdays: string[];
  updatedBy: string | null;
  updatedAt: EpochMs;
}

/** Where a unit's effective calendar comes from: its own, an ancestor's, the installation default, built in. */
export type WorkCalendarOrigin = 'own' | 'ancestor' | 'default' | 'builtin';

/** A shift hand-over note (交接班记录): who hands over to whom, what happened and what is still open. */
export interface DutyHandover {
  id: string;
  unitId: string;
  /** The roster shift being handed over, when it is on the roster. */
  shiftId: string | null;
  fromUserId: string;
  toUserId: string;
  /** When the hand-over took place. */
  handedOverAt: EpochMs;
  /** What happened on the shift (值班情况). */
  notes: string;
  /** Matters the next shift must follow up (待办事项), one per entry. */
  openMatters: string[];
  createdBy: string | null;
  createdAt: EpochMs;
}

/** The duty a key period requires of the units it covers. */
export interface KeyPeriodDutyRequirement {
  keyPeriodId: string;
  unitId: string;
  /** 24-hour duty (24小时值班): every hour of the period must have people on duty. */
  roundTheClock: boolean;
  /** How many people must be on duty at once. */
  minOnDuty: number;
  updatedBy: string | null;
  updatedAt: EpochMs;
}

/** A stretch of time with fewer people on duty than required. */
export interface DutyGap {
  startsAt: EpochMs;
  endsAt: EpochMs;
  /** How many were on duty during the gap (less than required). */
  onDuty: number;
}
