/**
 * Incident deadlines by level (pure): the national defaults, which rules apply to a level, when each
 * deadline falls on the office's calendar, when to remind, and which deadlines a published statement
 * fulfils. Storage and the clock stay outside: callers pass rules, times and the calendar in.
 */
import {
  ALERT_LEVEL_NAMES,
  INCIDENT_DEADLINE_NAMES,
  type IncidentDeadlineKind,
  type IncidentDeadlineRule,
  type IncidentLevel,
  type ResponseKind,
} from '../../domain/index.js';
import { addHours, addWorkingDays, type WorkCalendar } from '../calendar/index.js';

/**
 * The defaults from the national norms: for major incidents (red, orange) the first authoritative
 * information within 5 hours and a press conference within 24 hours; otherwise a response within 48 hours.
 */
export const DEFAULT_INCIDENT_DEADLINE_RULES: readonly IncidentDeadlineRule[] = [
  { level: 'red', kind: 'first_release', amount: 5, unit: 'hours', remindBeforeMinutes: null },
  { level: 'red', kind: 'press_conference', amount: 24, unit: 'hours', remindBeforeMinutes: null },
  { level: 'orange', kind: 'first_release', amount: 5, unit: 'hours', remindBeforeMinutes: null },
  { level: 'orange', kind: 'press_conference', amount: 24, unit: 'hours', remindBeforeMinutes: null },
  { level: 'yellow', kind: 'response', amount: 48, unit: 'hours', remindBeforeMinutes: null },
  { level: 'blue', kind: 'response', amount: 48, unit: 'hours', remindBeforeMinutes: null },
];

/** Share of a deadline's span after which the reminder goes out when a rule names no lead time. */
export const REMIND_AT_SHARE = 0.8;

/** One deadline to register for an incident. */
export interface PlannedDeadline {
  kind: IncidentDeadlineKind;
  title: string;
  dueAt: number;
  remindAt: number;
}

/** When the rule's deadline falls, counted from `start`. */
export function dueAtOf(rule: IncidentDeadlineRule, start: number, calendar: WorkCalendar): number {
  return rule.unit === 'hours' ? addHours(start, rule.amount) : addWorkingDays(start, rule.amount, calendar);
}

/** When to remind: the rule's lead time before due, else when 80% of the span has passed (never before start). */
export function remindAtOf(rule: IncidentDeadlineRule, start: number, dueAt: number): number {
  const at =
    rule.remindBeforeMinutes === null
      ? start + Math.round((dueAt - start) * REMIND_AT_SHARE)
      : dueAt - rule.remindBeforeMinutes * 60_000;
  return Math.max(start, at);
}

/**
 * The deadlines an incident of `level` owes. `startOf(kind)` says from when each kind counts: the time it
 * was first required (a deadline already registered keeps its start when the level changes), else now.
 */
export function planDeadlines(input: {
  rules: readonly IncidentDeadlineRule[];
  level: IncidentLevel;
  title: string;
  startOf(kind: IncidentDeadlineKind): number;
  calendar: WorkCalendar;
}): PlannedDeadline[] {
  return input.rules
    .filter((rule) => rule.level === input.level)
    .map((rule) => {
      const start = input.startOf(rule.kind);
      const dueAt = dueAtOf(rule, start, input.calendar);
      return {
        kind: rule.kind,
        title: `「${input.title}」（${ALERT_LEVEL_NAMES[input.level]}）${INCIDENT_DEADLINE_NAMES[rule.kind]}时限`,
        dueAt,
        remindAt: remindAtOf(rule, start, dueAt),
      };
    })
    .sort((a, b) => a.dueAt - b.dueAt);
}

/** The deadline kinds a published statement of `kind` fulfils. */
export function fulfilledBy(kind: ResponseKind): IncidentDeadlineKind[] {
  return kind === 'press_conference'
    ? ['first_release', 'response', 'press_conference']
    : ['first_release', 'response'];
}
