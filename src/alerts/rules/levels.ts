/** Level criteria (the office's own): the first criterion that holds gives the level. */
import { ALERT_LEVELS, type AlertLevel } from '../../domain/index.js';
import type { LevelCriterion, RuleStatistic } from './schema.js';

/** The statistics a firing offers; a criterion on a missing statistic does not hold. */
export type Statistics = Partial<Record<RuleStatistic, number>>;

/** 0 for red … 3 for blue. */
export function severityOf(level: AlertLevel): number {
  return ALERT_LEVELS.indexOf(level);
}

/** The more severe of two levels. */
export function moreSevere(a: AlertLevel, b: AlertLevel): AlertLevel {
  return severityOf(a) <= severityOf(b) ? a : b;
}

/** One level up (blue → yellow → orange → red); red stays red. */
export function nextLevelUp(level: AlertLevel): AlertLevel {
  return ALERT_LEVELS[Math.max(0, severityOf(level) - 1)] ?? level;
}

/**
 * The level of a firing: the first criterion (most severe first) with a condition that holds, thresholds
 * multiplied by `factor` (key periods lower them). Null when none holds.
 */
export function levelFor(
  levels: readonly LevelCriterion[],
  stats: Statistics,
  factor: number,
): AlertLevel | null {
  for (const criterion of levels) {
    if (criterion.anyOf.length === 0) return criterion.level;
    const holds = criterion.anyOf.some((condition) => {
      const value = stats[condition.statistic];
      return value !== undefined && value >= condition.min * factor;
    });
    if (holds) return criterion.level;
  }
  return null;
}
