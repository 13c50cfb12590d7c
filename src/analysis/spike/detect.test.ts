import { describe, expect, it } from 'vitest';
import { bucketCompleteness, type ExpectedSource, type FetchesAround } from './completeness.js';
import { bucketsNeeded, evaluateSpike, type SpikeBucket } from './detect.js';
import {
  bucketStartOf,
  DAY_MS,
  DEFAULT_SPIKE_SETTINGS,
  seasonalStarts,
  type SpikeSettings,
} from './settings.js';

const B = 15 * 60 * 1000;
const SETTINGS: SpikeSettings = {
  ...DEFAULT_SPIKE_SETTINGS,
  bucketMs: B,
  historyDays: 7,
  neighbours: 0,
  minHistory: 5,
};
/** 2024-05-20T02:00Z, a bucket start. */
const NOW = Date.UTC(2024, 4, 20, 2, 0);

/** A series with `history` counts (oldest first) on the days before NOW, and the bucket before NOW. */
function seriesOf(
  current: Partial<SpikeBucket>,
  history: readonly (Partial<SpikeBucket> | null)[],
  previous: Partial<SpikeBucket> = {},
): Map<number, SpikeBucket> {
  const series = new Map<number, SpikeBucket>();
  const put = (start: number, fields: Partial<SpikeBucket>) =>
    series.set(start, { start, total: 0, negative: 0, completeness: 1, ...fields });
  const starts = seasonalStarts(NOW, SETTINGS);
  history.forEach((fields, index) => {
    const start = starts[index];
    if (start !== undefined && fields !== null) put(start, fields);
  });
  for (const start of seasonalStarts(NOW - B, SETTINGS)) put(start, { total: 4, negative: 1 });
  put(NOW - B, { total: 4, negative: 1, ...previous });
  put(NOW, current);
  return series;
}

const FLAT = [4, 5, 3, 4, 6, 4, 5].map((total) => ({ total, negative: 1 }));

describe('evaluateSpike', () => {
  it.each<[string, Map<number, SpikeBucket>, string, boolean, boolean]>([
    ['a quiet bucket', seriesOf({ total: 6, negative: 1 }, FLAT), 'evaluated', false, false],
    ['a volume spike', seriesOf({ total: 40, negative: 2 }, FLAT), 'evaluated', true, false],
    ['a negative spike alone', seriesOf({ total: 9, negative: 9 }, FLAT), 'evaluated', false, true],
    ['both at once', seriesOf({ total: 60, negative: 30 }, FLAT), 'evaluated', true, true],
    [
      'too few hits to matter',
      seriesOf(
        { total: 8, negative: 0 },
        [0, 0, 0, 0, 0, 0, 0].map((total) => ({ total })),
      ),
      'evaluated',
      false,
      false,
    ],
    [
      'an incomplete current bucket never fires',
      seriesOf({ total: 80, negative: 40, completeness: 0.5 }, FLAT),
      'incomplete',
      false,
      false,
    ],
    [
      'a missing current bucket is incomplete',
      (() => {
        const s = seriesOf({}, FLAT);
        s.delete(NOW);
        return s;
      })(),
      'incomplete',
      false,
      false,
    ],
    [
      'too little complete history',
      seriesOf(
        { total: 80 },
        FLAT.map((b, i) => (i < 3 ? b : { ...b, completeness: 0 })),
      ),
      'insufficient_history',
      false,
      false,
    ],
    [
      'history with gaps is missing, not zero',
      seriesOf({ total: 80 }, [null, null, null, ...FLAT.slice(3)]),
      'insufficient_history',
      false,
      false,
    ],
    [
      'a continuing spike does not fire again',
      seriesOf({ total: 40, negative: 2 }, FLAT, { total: 45 }),
      'evaluated',
      false,
      false,
    ],
    [
      'an incomplete bucket before does not hide the onset',
      seriesOf({ total: 40, negative: 2 }, FLAT, { total: 45, completeness: 0 }),
      'evaluated',
      true,
      false,
    ],
  ])('%s', (_name, series, status, volumeFired, negativeFired) => {
    const evaluation = evaluateSpike(series, NOW, SETTINGS);
    expect(evaluation.status).toBe(status);
    const fired = (metric: string) => evaluation.verdicts.find((v) => v.metric === metric)?.fired ?? false;
    expect(fired('volume')).toBe(volumeFired);
    expect(fired('negative_volume')).toBe(negativeFired);
  });

  it('reports the statistic against the baseline', () => {
    const evaluation = evaluateSpike(seriesOf({ total: 40, negative: 2 }, FLAT), NOW, SETTINGS);
    const volume = evaluation.verdicts.find((v) => v.metric === 'volume');
    // history 4,5,3,4,6,4,5: mean 31/7 = 4.429, sample std 0.976, floored at √4.429 = 2.104
    expect(volume).toMatchObject({
      value: 40,
      baseline: 4.429,
      std: 2.104,
      ratio: 9.032,
      exceeded: true,
      fired: true,
    });
    expect(volume?.z).toBeCloseTo((40 - 31 / 7) / Math.sqrt(31 / 7), 2);
    expect(evaluation.historyUsed).toBe(7);
  });

  it('leaves an outage out of the baseline so it neither lowers nor raises it', () => {
    const outage = FLAT.map((bucket, index) =>
      index === 2 ? { total: 0, negative: 0, completeness: 0.5 } : bucket,
    );
    const withOutage = evaluateSpike(seriesOf({ total: 6 }, outage), NOW, SETTINGS);
    expect(withOutage.historyUsed).toBe(6);
    expect(withOutage.verdicts[0]?.baseline).toBeCloseTo((4 + 5 + 4 + 6 + 4 + 5) / 6, 3);
  });

  it('uses a noisy history’s own spread', () => {
    const noisy = [0, 20, 2, 18, 1, 25, 3].map((total) => ({ total }));
    const evaluation = evaluateSpike(seriesOf({ total: 30 }, noisy), NOW, SETTINGS);
    expect(evaluation.verdicts[0]?.exceeded).toBe(false);
    expect(evaluation.verdicts[0]?.std).toBeGreaterThan(9);
  });
});

describe('seasonal buckets', () => {
  it('takes the same time of day and its neighbours, oldest first', () => {
    const starts = seasonalStarts(NOW, { bucketMs: B, historyDays: 2, neighbours: 1 });
    expect(starts).toEqual([
      NOW - 2 * DAY_MS - B,
      NOW - 2 * DAY_MS,
      NOW - 2 * DAY_MS + B,
      NOW - DAY_MS - B,
      NOW - DAY_MS,
      NOW - DAY_MS + B,
    ]);
  });

  it('lists every bucket an evaluation reads, once', () => {
    const needed = bucketsNeeded(NOW, { ...SETTINGS, historyDays: 2, neighbours: 1 });
    expect(needed).toContain(NOW);
    expect(needed).toContain(NOW - B);
    expect(needed).toContain(NOW - DAY_MS - 2 * B);
    expect(new Set(needed).size).toBe(needed.length);
    expect(needed).toHaveLength(2 + 2 * 4);
  });

  it.each([
    [NOW, NOW],
    [NOW + B - 1, NOW],
    [NOW + B, NOW + B],
    [-1, -B],
  ])('bucket of %i starts at %i', (at, start) => {
    expect(bucketStartOf(at, B)).toBe(start);
  });
});

describe('bucketCompleteness', () => {
  const sources: ExpectedSource[] = [
    { id: 'fast', activeFrom: 0, graceMs: 7 * 60_000 },
    { id: 'slow', activeFrom: 0, graceMs: 45 * 60_000 },
    { id: 'new', activeFrom: NOW + B, graceMs: 0 },
  ];
  const ok = {
    fast: { firstFrom: NOW + 60_000, lastBefore: NOW - 4 * 60_000 },
    slow: { firstFrom: NOW + 14 * 60_000, lastBefore: NOW - 16 * 60_000 },
  };
  it.each<[string, Record<string, FetchesAround>, number]>([
    ['every expected source fetched in and before the bucket', ok, 1],
    [
      'the slow source covers it with its next fetch',
      { ...ok, slow: { firstFrom: NOW + B + 20 * 60_000, lastBefore: NOW - 10 * 60_000 } },
      1,
    ],
    [
      'a fetch after the grace does not cover it',
      { ...ok, fast: { firstFrom: NOW + B + 8 * 60_000, lastBefore: NOW - 60_000 } },
      0.5,
    ],
    [
      'the bucket right after an outage is not complete',
      { ...ok, fast: { firstFrom: NOW + 60_000, lastBefore: NOW - 60 * 60_000 } },
      0.5,
    ],
    ['no fetch before the bucket at all', { ...ok, fast: { firstFrom: NOW + 60_000 } }, 0.5],
    ['a fetch before the bucket alone does not cover it', { ...ok, fast: { lastBefore: NOW - 60_000 } }, 0.5],
    ['nothing fetched', {}, 0],
  ])('%s', (_name, fetches, expected) => {
    expect(bucketCompleteness(NOW, B, sources, new Map(Object.entries(fetches)))).toBe(expected);
  });

  it('needs no fetch before the bucket from a source created just before it', () => {
    const fresh: ExpectedSource = { id: 'fresh', activeFrom: NOW - 60_000, graceMs: 7 * 60_000 };
    expect(bucketCompleteness(NOW, B, [fresh], new Map([['fresh', { firstFrom: NOW + 60_000 }]]))).toBe(1);
  });

  it('is complete when no source is expected (push-only units)', () => {
    expect(bucketCompleteness(NOW, B, [], new Map())).toBe(1);
    expect(bucketCompleteness(NOW, B, [sources[2] as ExpectedSource], new Map())).toBe(1);
  });
});
