import { describe, expect, it } from 'vitest';
import type { IncidentDeadlineRule, IncidentLevel } from '../../domain/index.js';
import { plainCalendar, type WorkCalendar } from '../calendar/index.js';
import {
  DEFAULT_INCIDENT_DEADLINE_RULES,
  dueAtOf,
  fulfilledBy,
  planDeadlines,
  remindAtOf,
} from './deadlines.js';

const HOUR = 3_600_000;
const SHANGHAI = plainCalendar('Asia/Shanghai');
/** Friday 2024-05-03 10:00 in Shanghai. */
const FRIDAY_10 = Date.parse('2024-05-03T10:00:00+08:00');

const calendarWithHoliday: WorkCalendar = {
  timeZone: 'Asia/Shanghai',
  holidays: new Set(['2024-05-06']),
  workdays: new Set(),
};

describe('default incident deadlines', () => {
  it.each([
    [
      'red',
      [
        ['first_release', 5],
        ['press_conference', 24],
      ],
    ],
    [
      'orange',
      [
        ['first_release', 5],
        ['press_conference', 24],
      ],
    ],
    ['yellow', [['response', 48]]],
    ['blue', [['response', 48]]],
  ] as const)('%s owes %j (hours after opening)', (level, expected) => {
    const planned = planDeadlines({
      rules: DEFAULT_INCIDENT_DEADLINE_RULES,
      level: level as IncidentLevel,
      title: '某事件',
      startOf: () => FRIDAY_10,
      calendar: SHANGHAI,
    });
    expect(planned.map((d) => [d.kind, (d.dueAt - FRIDAY_10) / HOUR])).toEqual(expected);
  });

  it('reminds one hour before a five-hour deadline and names the level in the title', () => {
    const [first] = planDeadlines({
      rules: DEFAULT_INCIDENT_DEADLINE_RULES,
      level: 'red',
      title: '某事件',
      startOf: () => FRIDAY_10,
      calendar: SHANGHAI,
    });
    expect(first?.remindAt).toBe(FRIDAY_10 + 4 * HOUR);
    expect(first?.title).toBe('「某事件」（红色）首次权威发布时限');
  });

  it('counts each kind from its own start', () => {
    const planned = planDeadlines({
      rules: DEFAULT_INCIDENT_DEADLINE_RULES,
      level: 'orange',
      title: 'x',
      startOf: (kind) => (kind === 'first_release' ? FRIDAY_10 : FRIDAY_10 + 10 * HOUR),
      calendar: SHANGHAI,
    });
    expect(planned.map((d) => d.dueAt)).toEqual([FRIDAY_10 + 5 * HOUR, FRIDAY_10 + 34 * HOUR]);
  });
});

describe('deadline arithmetic', () => {
  const rule = (patch: Partial<IncidentDeadlineRule>): IncidentDeadlineRule => ({
    level: 'yellow',
    kind: 'response',
    amount: 2,
    unit: 'working_days',
    remindBeforeMinutes: null,
    ...patch,
  });

  it.each([
    ['2 working days from Friday end on Tuesday', rule({}), SHANGHAI, '2024-05-08T00:00:00+08:00'],
    ['a holiday Monday is skipped', rule({}), calendarWithHoliday, '2024-05-09T00:00:00+08:00'],
    [
      'hours run through the weekend',
      rule({ unit: 'hours', amount: 48 }),
      SHANGHAI,
      '2024-05-05T10:00:00+08:00',
    ],
  ] as const)('%s', (_name, r, calendar, due) => {
    expect(dueAtOf(r, FRIDAY_10, calendar)).toBe(Date.parse(due));
  });

  it.each([
    ['80% of the span by default', null, 10 * HOUR, 8 * HOUR],
    ['a named lead time', 90, 10 * HOUR, 8.5 * HOUR],
    ['never before the start', 24 * 60, 10 * HOUR, 0],
  ] as const)('reminds after %s', (_name, before, span, expected) => {
    const r = rule({ remindBeforeMinutes: before, unit: 'hours' });
    expect(remindAtOf(r, FRIDAY_10, FRIDAY_10 + span) - FRIDAY_10).toBe(expected);
  });

  it.each([
    ['statement', ['first_release', 'response']],
    ['first_release', ['first_release', 'response']],
    ['press_conference', ['first_release', 'response', 'press_conference']],
  ] as const)('a published %s fulfils %j', (kind, kinds) => {
    expect(fulfilledBy(kind)).toEqual(kinds);
  });
});
