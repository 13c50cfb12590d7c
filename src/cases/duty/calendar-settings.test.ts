import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { checkCalendarSettings, isCalendarDate, MAX_CALENDAR_DATES } from './calendar-settings.js';

describe('isCalendarDate', () => {
  it.each([
    ['2024-10-01', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-4-1', false],
    ['2024/10/01', false],
    [' 2024-10-01', false],
    ['', false],
  ])('%j is a date: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});

describe('checkCalendarSettings', () => {
  const fine = { timeZone: 'Asia/Shanghai', holidays: ['2024-10-01'], workdays: ['2024-10-12'] };

  it('accepts good settings and empty lists', () => {
    expect(() => checkCalendarSettings(fine)).not.toThrow();
    expect(() => checkCalendarSettings({ timeZone: 'UTC', holidays: [], workdays: [] })).not.toThrow();
  });

  it.each([
    ['an unknown zone', { timeZone: 'Mars/Olympus' }, 'timeZone', 'Mars/Olympus'],
    ['a malformed holiday', { holidays: ['2024-10-1'] }, 'holidays', '2024-10-1'],
    ['an impossible workday', { workdays: ['2024-02-30'] }, 'workdays', '2024-02-30'],
    ['a date in both lists', { workdays: ['2024-10-01'] }, 'workdays', '2024-10-01'],
    [
      'too many holidays',
      { holidays: Array.from({ length: MAX_CALENDAR_DATES + 1 }, () => '2024-10-01') },
      'holidays',
      String(MAX_CALENDAR_DATES + 1),
    ],
  ])('refuses %s', (_name, change, field, value) => {
    let caught: unknown;
    try {
      checkCalendarSettings({ ...fine, ...change });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code: 'VALIDATION_FAILED', details: { field, value } });
  });
});
