import { describe, expect, it } from 'vitest';
import { dutyGaps, hourStart, keyPeriodUnits, onDutyAt, uncoveredHours, type TimeSpan } from './coverage.js';

const H = 3_600_000;
/** 2024-10-01T00:00+08:00. */
const DAY = Date.UTC(2024, 8, 30, 16);
const span = (from: number, to: number): TimeSpan => ({ startsAt: DAY + from * H, endsAt: DAY + to * H });
const window = span(0, 24);

describe('dutyGaps', () => {
  it.each<[string, TimeSpan[], number, [number, number, number][]]>([
    ['no shifts: the whole window', [], 1, [[0, 24, 0]]],
    ['round the clock in three shifts', [span(0, 8), span(8, 16), span(16, 24)], 1, []],
    ['a shift spilling over both ends', [span(-4, 30)], 1, []],
    ['a hole between shifts', [span(0, 8), span(9, 24)], 1, [[8, 9, 0]]],
    [
      'uncovered at both ends',
      [span(6, 18)],
      1,
      [
        [0, 6, 0],
        [18, 24, 0],
      ],
    ],
    ['overlaps do not hide a hole', [span(0, 10), span(2, 8), span(12, 24)], 1, [[10, 12, 0]]],
    ['two people required', [span(0, 24), span(0, 12), span(14, 24)], 2, [[12, 14, 1]]],
    [
      'head count changes inside a gap split it',
      [span(4, 8)],
      2,
      [
        [0, 4, 0],
        [4, 8, 1],
        [8, 24, 0],
      ],
    ],
    ['shifts outside the window count for nothing', [span(-10, -2), span(30, 40)], 1, [[0, 24, 0]]],
    ['empty shifts count for nothing', [span(5, 5)], 1, [[0, 24, 0]]],
  ])('%s', (_name, shifts, min, expected) => {
    expect(dutyGaps(window, shifts, min)).toEqual(
      expected.map(([from, to, onDuty]) => ({ ...span(from, to), onDuty })),
    );
  });

  it('has no gaps in an empty window', () => {
    expect(dutyGaps(span(5, 5), [])).toEqual([]);
  });
});

describe('onDutyAt', () => {
  const shifts = [span(0, 8), span(8, 16), span(6, 10)];
  it.each([
    [0, [0]],
    [7, [0, 2]],
    [8, [1, 2]],
    [16, []],
  ])('at hour %s', (hour, indexes) => {
    expect(onDutyAt(shifts, DAY + hour * H)).toEqual(indexes.map((i) => shifts[i]));
  });
});

describe('uncoveredHours', () => {
  it('lists the Shanghai clock hours a gap touches with the minutes uncovered', () => {
    const gap = { startsAt: DAY + 8 * H + 30 * 60_000, endsAt: DAY + 10 * H + 15 * 60_000 };
    expect(uncoveredHours([gap], 'Asia/Shanghai')).toEqual([
      { hourStartsAt: DAY + 8 * H, uncoveredMinutes: 30 },
      { hourStartsAt: DAY + 9 * H, uncoveredMinutes: 60 },
      { hourStartsAt: DAY + 10 * H, uncoveredMinutes: 15 },
    ]);
  });

  it('adds up gaps in the same hour', () => {
    const gaps = [
      { startsAt: DAY, endsAt: DAY + 10 * 60_000 },
      { startsAt: DAY + 50 * 60_000, endsAt: DAY + 60 * 60_000 },
    ];
    expect(uncoveredHours(gaps, 'Asia/Shanghai')).toEqual([{ hourStartsAt: DAY, uncoveredMinutes: 20 }]);
  });

  it('aligns hours to the zone, also for half-hour offsets', () => {
    const at = Date.UTC(2024, 9, 1, 4, 10);
    expect(hourStart(at, 'Asia/Shanghai')).toBe(Date.UTC(2024, 9, 1, 4, 0));
    expect(hourStart(at, 'Asia/Kolkata')).toBe(Date.UTC(2024, 9, 1, 3, 30));
    expect(uncoveredHours([], 'UTC')).toEqual([]);
  });
});

describe('keyPeriodUnits', () => {
  it.each([
    [{ unitId: 'u', unitIds: [] }, ['u']],
    [{ unitId: 'u', unitIds: ['a', 'b'] }, ['a', 'b']],
  ])('%o covers %o', (period, units) => {
    expect(keyPeriodUnits(period)).toEqual(units);
  });
});
