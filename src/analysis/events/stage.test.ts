import { describe, expect, it } from 'vitest';
import type { EventStage } from '../../domain/index.js';
import { stageOf, volumeCurve } from './stage.js';

describe('stageOf', () => {
  it.each<[string, number[], EventStage]>([
    ['a first item', [1], 'emerging'],
    ['a few items over hours', [1, 0, 2, 1, 1], 'emerging'],
    ['a few items long ago, nothing lately', [3, 2, 0, 0, 0], 'declining'],
    ['nothing at all', [0, 0, 0], 'declining'],
    ['sudden burst in the first hour', [40], 'fermenting'],
    ['steady climb', [2, 3, 5, 8, 12, 20], 'fermenting'],
    ['plateau at the top', [5, 20, 40, 42, 41, 40, 43, 39], 'peak'],
    ['slowing growth near the top', [10, 20, 30, 38, 40, 40, 41], 'peak'],
    ['falling off after the peak', [5, 30, 60, 50, 20, 10, 5, 3], 'declining'],
    ['quiet for the last hours after a peak', [10, 40, 20, 0, 0, 0], 'declining'],
    ['second wave after a fall', [10, 60, 50, 10, 5, 4, 8, 12, 15], 'fermenting'],
  ])('%s → %s', (_name, counts, stage) => {
    expect(stageOf(counts)).toBe(stage);
  });
});

describe('volumeCurve', () => {
  const hour = 3600_000;
  it.each<[string, number[], number, number, number[]]>([
    ['one item in the current hour', [5 * hour + 10], 5 * hour, 5 * hour + 20, [1]],
    ['items over three hours, empty middle', [0, 10, 2 * hour + 1], 0, 2 * hour + 5, [2, 0, 1]],
    ['items outside the range are left out', [-hour, hour], 0, hour, [0, 1]],
  ])('%s', (_name, times, from, now, expected) => {
    expect(volumeCurve(times, from, now, hour)).toEqual(expected);
  });
});
