/**
 * Duty coverage (pure): who is on duty at an instant, and where a stretch of time — a key period that
 * requires 24-hour duty (24小时值班) — has fewer people on duty than required. Shifts are half-open
 * [startsAt, endsAt); back-to-back shifts leave no gap, overlapping ones count twice.
 */
import type { DutyGap, KeyPeriod } from '../../domain/index.js';
import { zoneOffsetAt } from '../../analysis/time/zone.js';

/** A half-open span of time [startsAt, endsAt). */
export interface TimeSpan {
  startsAt: number;
  endsAt: number;
}

/** The shifts on duty at `at`. */
export function onDutyAt<S extends TimeSpan>(shifts: readonly S[], at: number): S[] {
  return shifts.filter((shift) => shift.startsAt <= at && at < shift.endsAt);
}

/**
 * The stretches of `window` with fewer than `minOnDuty` shifts on duty, in time order. Adjacent stretches
 * with the same head count are one gap.
 */
export function dutyGaps(window: TimeSpan, shifts: readonly TimeSpan[], minOnDuty = 1): DutyGap[] {
  if (window.endsAt <= window.startsAt) return [];
  const changes = new Map<number, number>();
  const bump = (at: number, delta: number): void => {
    changes.set(at, (changes.get(at) ?? 0) + delta);
  };
  for (const shift of shifts) {
    const start = Math.max(shift.startsAt, window.startsAt);
    const end = Math.min(shift.endsAt, window.endsAt);
    if (end <= start) continue;
    bump(start, 1);
    bump(end, -1);
  }
  const points = [...new Set([window.startsAt, window.endsAt, ...changes.keys()])].sort((a, b) => a - b);
  const gaps: DutyGap[] = [];
  let onDuty = 0;
  for (const [index, at] of points.entries()) {
    onDuty += changes.get(at) ?? 0;
    const next = points[index + 1];
    if (next === undefined || at >= window.endsAt) break;
    if (onDuty >= minOnDuty) continue;
    const last = gaps[gaps.length - 1];
    if (last && last.endsAt === at && last.onDuty === onDuty) last.endsAt = next;
    else gaps.push({ startsAt: at, endsAt: next, onDuty });
  }
  return gaps;
}

/** One clock hour of the office's zone that a gap touches, clipped to the gaps. */
export interface UncoveredHour {
  /** The hour's first instant. */
  hourStartsAt: number;
  /** Minutes of that hour without enough people on duty. */
  uncoveredMinutes: number;
}

/** The first instant of the clock hour (in `timeZone`) that `at` falls in. */
export function hourStart(at: number, timeZone: string): number {
  const local = at + zoneOffsetAt(at, timeZone);
  return at - (((local % 3_600_000) + 3_600_000) % 3_600_000);
}

/** The clock hours of `timeZone` that the gaps touch, in order, with how much of each is uncovered. */
export function uncoveredHours(gaps: readonly TimeSpan[], timeZone: string): UncoveredHour[] {
  const hours = new Map<number, number>();
  for (const gap of gaps) {
    let at = gap.startsAt;
    while (at < gap.endsAt) {
      const start = hourStart(at, timeZone);
      const end = Math.min(gap.endsAt, start + 3_600_000);
      hours.set(start, (hours.get(start) ?? 0) + (end - at));
      at = end;
    }
  }
  return [...hours.entries()]
    .sort(([a], [b]) => a - b)
    .map(([hourStartsAt, ms]) => ({ hourStartsAt, uncoveredMinutes: Math.round(ms / 60_000) }));
}

/** The units whose duty a key period covers: the listed units, or the owning unit when none are listed. */
export function keyPeriodUnits(period: Pick<KeyPeriod, 'unitId' | 'unitIds'>): string[] {
  return period.unitIds.length > 0 ? [...period.unitIds] : [period.unitId];
}
