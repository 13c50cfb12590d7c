/** Report periods in a unit's time zone: daily cutoffs, week starts, months, years and scheduled runs. */
import { describe, expect, it } from 'vitest';
import { customPeriod, periodOf, scheduledPeriod, type PeriodSettings } from '../../src/reports/periods.js';

const SHANGHAI: PeriodSettings = { timeZone: 'Asia/Shanghai', dailyCutoff: '17:00', weekStartsOn: 1 };
const iso = (ms: number) => new Date(ms).toISOString();

describe('periodOf', () => {
  it.each([
    [
      'daily 17:00 cutoff',
      'daily',
      '2026-11-24',
      SHANGHAI,
      '2026-11-23T09:00:00.000Z',
      '2026-11-24T09:00:00.000Z',
    ],
    [
      'daily at midnight',
      'daily',
      '2026-11-24',
      { ...SHANGHAI, dailyCutoff: '00:00' },
      '2026-11-23T16:00:00.000Z',
      '2026-11-24T16:00:00.000Z',
    ],
    [
      'daily across a month',
      'daily',
      '2026-12-01',
      SHANGHAI,
      '2026-11-30T09:00:00.000Z',
      '2026-12-01T09:00:00.000Z',
    ],
    [
      'week from Monday',
      'weekly',
      '2026-11-26',
      SHANGHAI,
      '2026-11-22T16:00:00.000Z',
      '2026-11-29T16:00:00.000Z',
    ],
    [
      'week from Sunday',
      'weekly',
      '2026-11-26',
      { ...SHANGHAI, weekStartsOn: 7 },
      '2026-11-21T16:00:00.000Z',
      '2026-11-28T16:00:00.000Z',
    ],
    ['December', 'monthly', '2026-12-31', SHANGHAI, '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['year', 'work_summary', '2026-06-01', SHANGHAI, '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    [
      'Berlin week over the DST change',
      'weekly',
      '2026-10-25',
      { timeZone: 'Europe/Berlin', dailyCutoff: '17:00', weekStartsOn: 1 },
      '2026-10-18T22:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
    ],
  ] as const)('%s', (_name, type, date, settings, from, to) => {
    const period = periodOf(type, date, settings);
    expect([iso(period.from), iso(period.to)]).toEqual([from, to]);
    expect(period.timeZone).toBe(settings.timeZone);
  });

  it('labels periods the way offices write them', () => {
    expect(periodOf('daily', '2026-11-24', SHANGHAI).label).toBe(
      '2026年11月24日（11月23日17:00至11月24日17:00）',
    );
    expect(periodOf('weekly', '2026-11-26', SHANGHAI).label).toBe('2026年第47周（11月23日—11月29日）');
    expect(periodOf('monthly', '2026-11-26', SHANGHAI).label).toBe('2026年11月');
  });

  it.each([['2026-02-30'], ['2026-1-5'], ['yesterday']])('refuses the date %s, naming the field', (date) => {
    expect(() => periodOf('daily', date, SHANGHAI)).toThrow(/date must be a date written YYYY-MM-DD/);
  });

  it('refuses a bad cutoff and week start', () => {
    expect(() => periodOf('daily', '2026-11-24', { ...SHANGHAI, dailyCutoff: '25:00' })).toThrow(
      /dailyCutoff/,
    );
    expect(() => periodOf('weekly', '2026-11-24', { ...SHANGHAI, weekStartsOn: 0 })).toThrow(/weekStartsOn/);
  });
});

describe('customPeriod', () => {
  it('covers whole local dates and refuses an inverted range', () => {
    const period = customPeriod('2026-01-01', '2026-06-30', 'Asia/Shanghai');
    expect([iso(period.from), iso(period.to)]).toEqual([
      '2025-12-31T16:00:00.000Z',
      '2026-06-30T16:00:00.000Z',
    ]);
    expect(() => customPeriod('2026-06-30', '2026-01-01', 'Asia/Shanghai')).toThrow(/before from/);
  });
});

describe('scheduledPeriod', () => {
  it.each([
    [
      'daily at the cutoff reports on that day',
      'daily',
      '2026-11-24T09:00:00.000Z',
      SHANGHAI,
      '2026-11-23T09:00:00.000Z',
    ],
    [
      'daily before the cutoff reports on the day before',
      'daily',
      '2026-11-24T08:30:00.000Z',
      SHANGHAI,
      '2026-11-22T09:00:00.000Z',
    ],
    [
      'midnight cutoff, morning run, reports on yesterday',
      'daily',
      '2026-11-24T00:00:00.000Z',
      { ...SHANGHAI, dailyCutoff: '00:00' },
      '2026-11-22T16:00:00.000Z',
    ],
    [
      'Monday 09:00 weekly reports on the week just ended',
      'weekly',
      '2026-11-23T01:00:00.000Z',
      SHANGHAI,
      '2026-11-15T16:00:00.000Z',
    ],
    [
      'monthly on the 1st reports on the month before',
      'monthly',
      '2026-12-01T01:00:00.000Z',
      SHANGHAI,
      '2026-10-31T16:00:00.000Z',
    ],
  ] as const)('%s', (_name, type, slot, settings, from) => {
    const period = scheduledPeriod(type, Date.parse(slot), settings);
    expect(iso(period.from)).toBe(from);
    expect(period.to).toBeLessThanOrEqual(Date.parse(slot));
  });
});
