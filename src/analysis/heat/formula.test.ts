import { describe, expect, it } from 'vitest';
import { HEAT_PARAMS, HEAT_VERSION, heatScore, rawHeat, referenceOf, type HeatItem } from './formula.js';

const HOUR = 3600_000;
const NOW = 1000 * HOUR;
const NONE = { likes: 0, comments: 0, reposts: 0, views: 0 };

function items(count: number, hoursAgo: number, patch: Partial<HeatItem> = {}): HeatItem[] {
  return Array.from({ length: count }, () => ({
    publishedAt: NOW - hoursAgo * HOUR,
    engagement: NONE,
    authority: 1,
    ...patch,
  }));
}

describe('rawHeat', () => {
  it('is the decayed, weighted volume times the velocity', () => {
    const terms = rawHeat([...items(3, 1), ...items(1, 8)], NOW);
    expect(terms.recent).toBe(3);
    expect(terms.earlier).toBe(1);
    expect(terms.velocity).toBeCloseTo(Math.exp(0.25 * Math.log(4 / 2)), 9);
    const volume = 3 * 2 ** (-1 / 24) + 2 ** (-8 / 24);
    expect(terms.volume).toBeCloseTo(volume, 9);
    expect(terms.raw).toBeCloseTo(volume * terms.velocity, 9);
  });

  it.each<[string, HeatItem[], HeatItem[]]>([
    ['more items', items(10, 1), items(5, 1)],
    ['more engagement', items(5, 1, { engagement: { ...NONE, reposts: 1000 } }), items(5, 1)],
    ['more authority', items(5, 1, { authority: 3 }), items(5, 1)],
    ['newer items', items(5, 1), items(5, 30)],
    ['growing rather than shrinking', [...items(6, 1), ...items(2, 8)], [...items(2, 1), ...items(6, 8)]],
  ])('%s is hotter', (_name, hotter, cooler) => {
    expect(rawHeat(hotter, NOW).raw).toBeGreaterThan(rawHeat(cooler, NOW).raw);
  });

  it('halves an item’s volume every half-life and ignores bad authority', () => {
    expect(rawHeat(items(1, 24), NOW).volume).toBeCloseTo(0.5, 9);
    expect(rawHeat(items(1, 0, { authority: Number.NaN }), NOW).volume).toBeCloseTo(1, 9);
  });
});

describe('heatScore', () => {
  const reference = { count: 100, mean: 2, sd: 1 };
  it.each<[string, number, number]>([
    ['the unit’s average event', Math.expm1(2), 50],
    ['one sd above', Math.expm1(3), 84.6],
    ['one sd below', Math.expm1(1), 15.4],
    ['nothing', 0, 3.2],
  ])('%s scores %d', (_name, raw, score) => {
    expect(heatScore(raw, reference)).toBeCloseTo(score, 1);
  });

  it('uses the prior until the unit has history', () => {
    expect(heatScore(5, { count: 3, mean: 10, sd: 1 })).toBe(50);
    expect(heatScore(5, HEAT_PARAMS.prior)).toBe(50);
  });

  it('stays within 0–100 for extreme values', () => {
    expect(heatScore(1e12, reference)).toBeLessThanOrEqual(100);
    expect(heatScore(0, { count: 50, mean: 20, sd: 0 })).toBeGreaterThanOrEqual(0);
  });

  it('has a version and a reference of running stats', () => {
    expect(HEAT_VERSION).toBe('heat-1');
    expect(referenceOf([1, 3])).toEqual({ count: 2, mean: 2, sd: 1 });
    expect(referenceOf([])).toEqual({ count: 0, mean: 0, sd: 0 });
  });
});
