/**
 * The stage of an event (萌芽 / 发酵 / 高潮 / 回落) from its volume curve: item counts per bucket, oldest
 * first, the last bucket being the current one. The recent rate is the sum of the last few buckets; it is
 * compared with the same span just before (growth) and with the busiest span so far (the peak).
 *
 * - 萌芽 emerging: still small (fewer than `emergingMax` items) and not gone quiet;
 * - 发酵 fermenting: growing — recent volume above the span before, and either well below the peak or
 *   growing fast (more than `fastGrowth` times the span before, which may be empty);
 * - 高潮 peak: recent volume near the busiest span (at least `peakShare` of it) and no longer growing fast;
 * - 回落 declining: recent volume below the span before and below the peak, or no items lately.
 */
import type { EventStage } from '../../domain/index.js';

/** Tunables of {@link stageOf}. */
export interface StageOptions {
  /** Buckets in the recent span. */
  span: number;
  /** Below this many items in all an event is emerging (unless it has gone quiet). */
  emergingMax: number;
  /** Recent volume at least this share of the busiest span counts as the peak. */
  peakShare: number;
  /** Recent volume more than this many times the span before is fast growth (fermenting, not yet peak). */
  fastGrowth: number;
}

/** Defaults for hourly buckets: spans of 3 hours, 10 items to leave 萌芽. */
export const DEFAULT_STAGE_OPTIONS: Readonly<StageOptions> = {
  span: 3,
  emergingMax: 10,
  peakShare: 0.8,
  fastGrowth: 1.5,
};

function spanSum(counts: readonly number[], end: number, span: number): number {
  let sum = 0;
  for (let i = Math.max(0, end - span); i < end; i++) sum += counts[i] ?? 0;
  return sum;
}

/** The stage of an event from its counts per bucket (oldest first, the last bucket is now). */
export function stageOf(
  counts: readonly number[],
  options: StageOptions = DEFAULT_STAGE_OPTIONS,
): EventStage {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const span = Math.max(1, options.span);
  const recent = spanSum(counts, counts.length, span);
  const before = spanSum(counts, counts.length - span, span);
  if (total === 0) return 'declining';
  if (recent === 0) return counts.length > span ? 'declining' : 'emerging';
  if (total < options.emergingMax) return 'emerging';
  let busiest = 0;
  for (let end = span; end <= Math.max(span, counts.length); end++) {
    busiest = Math.max(busiest, spanSum(counts, end, span));
  }
  if (recent >= options.peakShare * busiest) {
    return recent > options.fastGrowth * before ? 'fermenting' : 'peak';
  }
  return recent > before ? 'fermenting' : 'declining';
}

/** Counts per bucket of `bucketMs` from the bucket of `from` to the bucket of `now`, oldest first. */
export function volumeCurve(times: readonly number[], from: number, now: number, bucketMs: number): number[] {
  const start = Math.floor(from / bucketMs);
  const end = Math.floor(now / bucketMs);
  const counts = new Array<number>(Math.max(1, end - start + 1)).fill(0);
  for (const at of times) {
    const index = Math.floor(at / bucketMs) - start;
    if (index >= 0 && index < counts.length) counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}
