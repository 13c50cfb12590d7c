/**
 * Spike detection against a seasonal baseline (issue 5 §3): the count of a bucket against the counts of
 * the same time of day on earlier days (mean and sample standard deviation), as a z-score and a ratio.
 * The standard deviation is floored at the Poisson one (√mean, at least 1), so a flat or empty history
 * does not turn every small wobble into an infinite z.
 *
 * Completeness gates both ends: an incomplete current bucket is not judged, and incomplete history
 * buckets are left out of the baseline. A spike fires at its onset only: when the bucket before was
 * already over the threshold, the spike is `continuing` and does not fire again.
 */
import { SPIKE_METRICS, seasonalStarts, type SpikeMetric, type SpikeSettings } from './settings.js';

/** Hit counts of one bucket and how complete its data is. */
export interface SpikeBucket {
  start: number;
  total: number;
  negative: number;
  /** Share (0–1) of the expected sources that fetched in time; see completeness.ts. */
  completeness: number;
}

/** The judgement of one metric of one bucket. */
export interface MetricVerdict {
  metric: SpikeMetric;
  value: number;
  /** Mean of the history buckets. */
  baseline: number;
  /** The standard deviation used (after the floor). */
  std: number;
  z: number;
  /** value / max(baseline, 1). */
  ratio: number;
  /** z and count both at or over their thresholds. */
  exceeded: boolean;
  /** Exceeded now and not in the bucket before (the onset). */
  fired: boolean;
}

/** Why a bucket was or was not judged. */
export type SpikeStatus = 'incomplete' | 'insufficient_history' | 'evaluated';

/** The judgement of one bucket. */
export interface SpikeEvaluation {
  bucketStart: number;
  status: SpikeStatus;
  completeness: number;
  /** Complete history buckets that formed the baseline. */
  historyUsed: number;
  /** One per metric when evaluated; empty otherwise. */
  verdicts: MetricVerdict[];
}

function valueOf(bucket: SpikeBucket, metric: SpikeMetric): number {
  return metric === 'volume' ? bucket.total : bucket.negative;
}

function meanAndStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (values.length < 2) return { mean, std: 0 };
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { mean, std: Math.sqrt(variance) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Scores one metric of `current` against the complete history buckets. */
function verdictOf(
  metric: SpikeMetric,
  current: SpikeBucket,
  history: readonly SpikeBucket[],
  settings: SpikeSettings,
): Omit<MetricVerdict, 'fired'> {
  const value = valueOf(current, metric);
  const { mean, std } = meanAndStd(history.map((bucket) => valueOf(bucket, metric)));
  const floored = Math.max(std, Math.sqrt(Math.max(mean, 1)));
  const z = (value - mean) / floored;
  const minCount = metric === 'volume' ? settings.minCount : settings.minNegativeCount;
  return {
    metric,
    value,
    baseline: round(mean),
    std: round(floored),
    z: round(z),
    ratio: round(value / Math.max(mean, 1)),
    exceeded: z >= settings.zThreshold && value >= minCount,
  };
}

/** A bucket the series lacks: unknown, so incomplete. */
function missing(start: number): SpikeBucket {
  return { start, total: 0, negative: 0, completeness: 0 };
}

/** Judges the bucket starting at `start` without looking at the bucket before. */
function judge(series: ReadonlyMap<number, SpikeBucket>, start: number, settings: SpikeSettings) {
  const current = series.get(start) ?? missing(start);
  const history = seasonalStarts(start, settings)
    .map((at) => series.get(at) ?? missing(at))
    .filter((bucket) => bucket.completeness >= settings.minCompleteness);
  const base = { bucketStart: start, completeness: current.completeness, historyUsed: history.length };
  if (current.completeness < settings.minCompleteness)
    return { ...base, status: 'incomplete' as const, verdicts: [] };
  if (history.length < settings.minHistory) {
    return { ...base, status: 'insufficient_history' as const, verdicts: [] };
  }
  const verdicts = SPIKE_METRICS.map((metric) => verdictOf(metric, current, history, settings));
  return { ...base, status: 'evaluated' as const, verdicts };
}

/**
 * Judges the bucket starting at `start` in `series` (buckets by start; a bucket left out is unknown and
 * therefore incomplete). The series must hold the current bucket, the one before it and the seasonal
 * history of both (see {@link seasonalStarts}).
 */
export function evaluateSpike(
  series: ReadonlyMap<number, SpikeBucket>,
  start: number,
  settings: SpikeSettings,
): SpikeEvaluation {
  const now = judge(series, start, settings);
  if (now.status !== 'evaluated') return now;
  const before = judge(series, start - settings.bucketMs, settings);
  const exceededBefore = new Set(
    before.verdicts.filter((verdict) => verdict.exceeded).map((verdict) => verdict.metric),
  );
  return {
    ...now,
    verdicts: now.verdicts.map((verdict) => ({
      ...verdict,
      fired: verdict.exceeded && !exceededBefore.has(verdict.metric),
    })),
  };
}

/** Every bucket start {@link evaluateSpike} reads for the bucket at `start`, oldest first. */
export function bucketsNeeded(start: number, settings: SpikeSettings): number[] {
  const previous = start - settings.bucketMs;
  const all = new Set([
    ...seasonalStarts(previous, settings),
    ...seasonalStarts(start, settings),
    previous,
    start,
  ]);
  return [...all].sort((a, b) => a - b);
}
