/**
 * The tunables of spike detection (突增检测) and their defaults. Buckets are fixed and aligned to the epoch
 * (15 minutes by default), and the baseline of a bucket is the same time of day on the days before.
 */

/** The two series watched per scheme: every hit, and the negative hits. */
export const SPIKE_METRICS = ['volume', 'negative_volume'] as const;
/** One of {@link SPIKE_METRICS}. */
export type SpikeMetric = (typeof SPIKE_METRICS)[number];

/** How spikes are judged. */
export interface SpikeSettings {
  /** Bucket length in ms; buckets start at multiples of it (UTC epoch). */
  bucketMs: number;
  /** How many earlier days give the seasonal baseline. */
  historyDays: number;
  /** Buckets either side of the same time of day that also count as history (0: the exact bucket only). */
  neighbours: number;
  /** Fewest complete history buckets needed to judge at all. */
  minHistory: number;
  /** z-score at or above which a bucket is a spike. */
  zThreshold: number;
  /** Fewest hits in the bucket for a volume spike (a jump from 0 to 2 is not news). */
  minCount: number;
  /** Fewest negative hits in the bucket for a negative-volume spike. */
  minNegativeCount: number;
  /** Share of the expected sources (0–1) that must have fetched for a bucket to count as complete. */
  minCompleteness: number;
}

/** 15 minutes. */
export const DEFAULT_BUCKET_MS = 15 * 60 * 1000;

/** One day in ms (the season of the baseline). */
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Defaults: two weeks of the same quarter hour and its neighbours (up to 42 samples), at least a week's
 * worth of them, z ≥ 3, and every expected source healthy (an outage of any source gates the bucket).
 */
export const DEFAULT_SPIKE_SETTINGS: Readonly<SpikeSettings> = {
  bucketMs: DEFAULT_BUCKET_MS,
  historyDays: 14,
  neighbours: 1,
  minHistory: 7,
  zThreshold: 3,
  minCount: 10,
  minNegativeCount: 5,
  minCompleteness: 1,
};

/** The start of the bucket containing `at`. */
export function bucketStartOf(at: number, bucketMs: number): number {
  return at - (((at % bucketMs) + bucketMs) % bucketMs);
}

/**
 * The starts of the history buckets of the bucket starting at `start`: the same time of day on each of
 * the `historyDays` days before, and `neighbours` buckets either side of each, oldest first.
 */
export function seasonalStarts(
  start: number,
  settings: Pick<SpikeSettings, 'bucketMs' | 'historyDays' | 'neighbours'>,
): number[] {
  const starts: number[] = [];
  for (let day = settings.historyDays; day >= 1; day--) {
    for (let offset = -settings.neighbours; offset <= settings.neighbours; offset++) {
      starts.push(start - day * DAY_MS + offset * settings.bucketMs);
    }
  }
  return starts;
}
