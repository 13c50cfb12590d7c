import { describe, expect, it } from 'vitest';
import { isQuiet, quietUntil } from './quiet-hours.js';
import type { QuietHours } from './schema.js';

const NIGHT: QuietHours = { start: '22:00', end: '07:30', timeZone: 'Asia/Shanghai', weekends: false };
const WEEKENDS: QuietHours = { ...NIGHT, weekends: true };
/** Shanghai wall time on a day of May 2024 (the 6th is a Monday). */
const at = (day: number, hour: number, minute = 0): number => Date.UTC(2024, 4, day, hour - 8, minute);

describe('quiet hours', () => {
  it.each([
    ['Monday 10:00', NIGHT, at(6, 10), false],
    ['Monday 22:00', NIGHT, at(6, 22), true],
    ['Monday 23:59', NIGHT, at(6, 23, 59), true],
    ['Tuesday 03:00', NIGHT, at(7, 3), true],
    ['Tuesday 07:30', NIGHT, at(7, 7, 30), false],
    ['Saturday 12:00 without the weekend policy', NIGHT, at(11, 12), false],
    ['Saturday 12:00 with the weekend policy', WEEKENDS, at(11, 12), true],
    ['Sunday 20:00 with the weekend policy', WEEKENDS, at(12, 20), true],
    ['Monday 12:00 with the weekend policy', WEEKENDS, at(13, 12), false],
    ['a daytime window 12:00–14:00 at 13:00', { ...NIGHT, start: '12:00', end: '14:00' }, at(6, 13), true],
    ['an empty window', { ...NIGHT, start: '08:00', end: '08:00' }, at(6, 8), false],
  ] as const)('%s → quiet %s', (_name, quiet, instant, expected) => {
    expect(isQuiet(quiet, instant)).toBe(expected);
  });

  it.each([
    ['a weeknight ends at 07:30', NIGHT, at(6, 23, 10), at(7, 7, 30)],
    ['the small hours end at 07:30', NIGHT, at(7, 1, 7), at(7, 7, 30)],
    ['a Saturday ends on Monday at 07:30', WEEKENDS, at(11, 9, 41), at(13, 7, 30)],
    ['a Friday night ends on Monday at 07:30', WEEKENDS, at(10, 23), at(13, 7, 30)],
    [
      'New York nights end at its 06:00',
      { ...NIGHT, end: '06:00', timeZone: 'America/New_York' },
      Date.UTC(2024, 4, 7, 3),
      Date.UTC(2024, 4, 7, 10),
    ],
  ] as const)('%s', (_name, quiet, instant, expected) => {
    expect(quietUntil(quiet, instant)).toBe(expected);
  });
});
