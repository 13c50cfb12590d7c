import { describe, expect, it } from 'vitest';
import { isoWithOffset } from './line.js';

describe('isoWithOffset', () => {
  it.each<[number, string, string]>([
    [Date.UTC(2024, 4, 3, 0, 30), 'Asia/Shanghai', '2024-05-03T08:30:00+08:00'],
    [Date.UTC(2024, 0, 15, 13, 30), 'America/New_York', '2024-01-15T08:30:00-05:00'],
    [Date.UTC(2024, 6, 1, 12, 0), 'America/New_York', '2024-07-01T08:00:00-04:00'],
    [Date.UTC(2024, 4, 3, 3, 0), 'Asia/Kolkata', '2024-05-03T08:30:00+05:30'],
    [Date.UTC(2024, 11, 31, 23, 59, 59), 'UTC', '2024-12-31T23:59:59+00:00'],
  ])('%s in %s', (epoch, zone, expected) => {
    expect(isoWithOffset(epoch, zone)).toBe(expected);
  });
});
