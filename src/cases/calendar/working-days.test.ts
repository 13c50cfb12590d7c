import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isWorkingDay,
  localDateOf,
  workingDaysBetween,
  type WorkCalendar,
} from './working-days.js';

const TZ = 'Asia/Shanghai';
/** 2024 National Day: 1–7 October off, Sunday 29 September and Saturday 12 October worked. */
const CALENDAR: WorkCalendar = {
  timeZone: TZ,
  holidays: new Set(['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07']),
  workdays: new Set(['2024-09-29', '2024-10-12']),
};
const at = (iso: string): number => Date.parse(iso);

describe('isWorkingDay', () => {
  it.each<[string, boolean]>([
    ['2024-09-27', true], // Friday
    ['2024-09-28', false], // Saturday
    ['2024-09-29', true], // Sunday, make-up working day
    ['2024-10-01', false], // holiday on a Tuesday
    ['2024-10-05', false], // Saturday inside the holiday
    ['2024-10-08', true], // Tuesday after
    ['2024-10-12', true], // Saturday, make-up working day
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date, CALENDAR)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each<[string, string, number, string]>([
    [
      'a Monday morning, 5 days → end of next Monday',
      '2024-09-02T09:00:00+08:00',
      5,
      '2024-09-10T00:00:00+08:00',
    ],
    ['a Friday evening, 1 day → end of Monday', '2024-09-06T20:00:00+08:00', 1, '2024-09-10T00:00:00+08:00'],
    ['across National Day, 5 days', '2024-09-27T10:00:00+08:00', 5, '2024-10-11T00:00:00+08:00'],
    [
      'counted in Shanghai, not UTC (Friday 01:00 local is Thursday UTC)',
      '2024-09-06T01:00:00+08:00',
      1,
      '2024-09-10T00:00:00+08:00',
    ],
    ['a Saturday, 2 days → end of Tuesday', '2024-09-07T12:00:00+08:00', 2, '2024-09-11T00:00:00+08:00'],
  ])('%s', (_name, start, days, deadline) => {
    expect(addWorkingDays(at(start), days, CALENDAR)).toBe(at(deadline));
  });
});

describe('workingDaysBetween', () => {
  it.each<[string, string, number]>([
    ['2024-09-27T10:00:00+08:00', '2024-10-10T10:00:00+08:00', 5],
    ['2024-09-02T10:00:00+08:00', '2024-09-02T18:00:00+08:00', 0],
    ['2024-09-02T10:00:00+08:00', '2024-09-01T10:00:00+08:00', 0],
  ])('%s → %s: %i', (from, to, expected) => {
    expect(workingDaysBetween(at(from), at(to), CALENDAR)).toBe(expected);
  });

  it('reads dates in the calendar zone', () => {
    expect(localDateOf(at('2024-09-06T01:00:00+08:00'), TZ)).toBe('2024-09-06');
  });
});
