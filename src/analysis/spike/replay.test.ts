/**
 * Replayed timelines with a fake clock: a day of ticks every 5 minutes over two weeks of history; at each
 * tick the latest closed bucket is judged from what is known by then (hits published and fetches run
 * before the tick), the way the spike pipeline does it.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { bucketCompleteness, type ExpectedSource } from './completeness.js';
import { bucketsNeeded, evaluateSpike, type MetricVerdict, type SpikeBucket } from './detect.js';
import { bucketStartOf, DAY_MS, DEFAULT_SPIKE_SETTINGS, type SpikeSettings } from './settings.js';

const MIN = 60_000;
const B = 15 * MIN;
const SETTINGS: SpikeSettings = { ...DEFAULT_SPIKE_SETTINGS, bucketMs: B };
const DAY0 = Date.UTC(2024, 4, 1);
const SOURCE: ExpectedSource = { id: 'feed', activeFrom: 0, graceMs: 7.5 * MIN };

interface Timeline {
  hits: { at: number; negative: boolean }[];
  fetches: number[];
}

/** 15 days of 3 hits per bucket (one negative), fetches every 5 minutes, with `changes` applied. */
function timeline(change: (t: Timeline) => void): Timeline {
  const t: Timeline = { hits: [], fetches: [] };
  for (let at = DAY0; at < DAY0 + 15 * DAY_MS; at += 5 * MIN) {
    t.fetches.push(at + 30_000);
    if ((at / (5 * MIN)) % 3 === 0) {
      for (let i = 0; i < 3; i++) t.hits.push({ at: at + i * 4 * MIN, negative: i === 0 });
    }
  }
  change(t);
  return t;
}

/** The verdicts that fired at each tick of the last day. */
function replay(t: Timeline): { at: number; bucketStart: number; verdict: MetricVerdict }[] {
  const clock = new ManualClock(DAY0 + 14 * DAY_MS);
  const fired: { at: number; bucketStart: number; verdict: MetricVerdict }[] = [];
  while (clock.now() < DAY0 + 15 * DAY_MS) {
    const now = clock.now();
    const current = bucketStartOf(now, B) - B;
    const series = new Map<number, SpikeBucket>();
    for (const start of bucketsNeeded(current, SETTINGS)) {
      const inBucket = t.hits.filter((hit) => hit.at >= start && hit.at < start + B && hit.at < now);
      const firstFrom = t.fetches.find((at) => at >= start && at < now);
      const lastBefore = t.fetches.filter((at) => at < start && at < now).pop();
      const successes = new Map([[SOURCE.id, { firstFrom, lastBefore }]]);
      series.set(start, {
        start,
        total: inBucket.length,
        negative: inBucket.filter((hit) => hit.negative).length,
        completeness: bucketCompleteness(start, B, [SOURCE], successes),
      });
    }
    const evaluation = evaluateSpike(series, current, SETTINGS);
    for (const verdict of evaluation.verdicts) {
      if (verdict.fired) fired.push({ at: now, bucketStart: current, verdict });
    }
    clock.advance(B);
  }
  return fired;
}

const SPIKE_AT = DAY0 + 14 * DAY_MS + 10 * 60 * MIN; // 10:00 on the last day

describe('replayed timelines', () => {
  it('a quiet day fires nothing', () => {
    expect(replay(timeline(() => undefined))).toEqual([]);
  });

  it('a spike fires once, at its bucket, with its statistic', () => {
    const fired = replay(
      timeline((t) => {
        for (let i = 0; i < 30; i++) t.hits.push({ at: SPIKE_AT + i * 20_000, negative: i % 2 === 0 });
      }),
    );
    expect(fired.map((f) => [f.bucketStart, f.verdict.metric])).toEqual([
      [SPIKE_AT, 'volume'],
      [SPIKE_AT, 'negative_volume'],
    ]);
    expect(fired[0]?.verdict).toMatchObject({ value: 33, baseline: 3, exceeded: true });
    expect(fired[0]?.verdict.z).toBeCloseTo(30 / Math.sqrt(3), 2);
    expect(fired[1]?.verdict).toMatchObject({ value: 16, baseline: 1 });
  });

  it('an outage of the only source fires nothing, neither by the drop nor by the catch-up', () => {
    const outageFrom = SPIKE_AT;
    const outageTo = SPIKE_AT + 2 * 60 * MIN;
    const fired = replay(
      timeline((t) => {
        t.fetches = t.fetches.filter((at) => at < outageFrom || at >= outageTo);
        // the backlog arrives with its own publication times inside the outage…
        for (let i = 0; i < 40; i++) t.hits.push({ at: outageTo - 10 * MIN + i * 10_000, negative: true });
        // …and, where a site prints no time, stamped with the time it was collected after the outage
        for (let i = 0; i < 40; i++) t.hits.push({ at: outageTo + 30_000 + i * 1000, negative: true });
      }),
    );
    expect(fired).toEqual([]);
  });

  it('catch-up bursts after earlier outages stay out of the baseline and do not hide a spike', () => {
    const fired = replay(
      timeline((t) => {
        for (let day = 1; day <= 13; day += 2) {
          const outageFrom = DAY0 + day * DAY_MS + 9 * 60 * MIN;
          const outageTo = outageFrom + 90 * MIN;
          t.fetches = t.fetches.filter((at) => at < outageFrom || at >= outageTo);
          for (let i = 0; i < 30; i++)
            t.hits.push({ at: SPIKE_AT - (14 - day) * DAY_MS + i * 20_000, negative: false });
        }
        for (let i = 0; i < 30; i++) t.hits.push({ at: SPIKE_AT + i * 20_000, negative: false });
      }),
    );
    expect(fired.map((f) => [f.bucketStart, f.verdict.metric])).toEqual([[SPIKE_AT, 'volume']]);
    expect(fired[0]?.verdict.baseline).toBe(3);
  });
});
