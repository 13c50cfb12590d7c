/**
 * The levels of deadline notices (pure): a reminder carries the deadline's own level (blue when it has
 * none); an overdue escalation is one level more severe and at least orange, so a missed deadline always
 * reaches the channels that only take serious alerts.
 */
import { ALERT_LEVELS, type AlertLevel } from '../../domain/index.js';

/** The deadline's stored level as an alert level; anything unknown or absent is blue. */
export function deadlineLevel(level: string | null): AlertLevel {
  return ALERT_LEVELS.find((known) => known === level) ?? 'blue';
}

/** The level of a reminder before the deadline. */
export function reminderLevel(level: string | null): AlertLevel {
  return deadlineLevel(level);
}

/** The level of the overdue escalation: one step more severe than the deadline's, at least orange. */
export function escalationLevel(level: string | null): AlertLevel {
  const index = ALERT_LEVELS.indexOf(deadlineLevel(level));
  const raised = ALERT_LEVELS[Math.max(0, index - 1)] ?? 'red';
  return ALERT_LEVELS.indexOf(raised) > ALERT_LEVELS.indexOf('orange') ? 'orange' : raised;
}
