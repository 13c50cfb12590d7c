import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../calendar/index.js';
import { planDeadline, type DeadlineSpan } from './plan.js';

const calendar: WorkCalendar = {
  timeZone: 'Asia/Shanghai',
  holidays: new Set(['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07']),
  workdays: new Set(['2024-09-29', '2024-10-12']),
};
/** Friday 27 September 2024, 10:00 in Shanghai. */
const FRIDAY = Date.UTC(2024, 8, 27, 2);
const iso = (at: number): string => new Date(at).toISOString();

describe('planDeadline', () => {
  it.each<[string, DeadlineSpan, string, string]>([
    ['5 hours, through the night', { hours: 5 }, '2024-09-27T07:00:00.000Z', '2024-09-27T06:00:00.000Z'],
    ['24 hours, through the weekend', { hours: 24 }, '2024-09-28T02:00:00.000Z', '2024-09-28T01:00:00.000Z'],
    ['1 hour: reminded half-way', { hours: 1 }, '2024-09-27T03:00:00.000Z', '2024-09-27T02:30:00.000Z'],
    // Sun 29 Sep is worked; 1–4 and 7 October are off, 5–6 October are a weekend.
    [
      '1 working day: the make-up Sunday',
      { workingDays: 1 },
      '2024-09-29T16:00:00.000Z',
      '2024-09-29T12:00:00.000Z',
    ],
    ['2 working days: Monday', { workingDays: 2 }, '2024-09-30T16:00:00.000Z', '2024-09-29T16:00:00.000Z'],
    [
      '3 working days: after the holiday',
      { workingDays: 3 },
      '2024-10-08T16:00:00.000Z',
      '2024-09-30T16:00:00.000Z',
    ],
    ['5 working days', { workingDays: 5 }, '2024-10-10T16:00:00.000Z', '2024-10-09T16:00:00.000Z'],
  ])('%s', (_name, span, due, remind) => {
    const planned = planDeadline(FRIDAY, span, calendar);
    expect(iso(planned.dueAt)).toBe(due);
    expect(iso(planned.remindAt)).toBe(remind);
  });
});
