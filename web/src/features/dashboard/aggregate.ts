/** Pure sums of the dashboard: time ranges, volume and sentiment per bucket, and the platform mix. */
import type { Item } from '../../api/types.js';

/** The ranges of the time picker. */
export const RANGES = ['today', 'week', 'month'] as const;
/** One of {@link RANGES}. */
export type RangeKey = (typeof RANGES)[number];

/** A range as times and the bucket size its trend uses. */
export interface TimeRange {
  from: Date;
  to: Date;
  bucket: 'hour' | 'day';
}

const DAY = 86_400_000;

/** The range `key` ending at `now` (today starts at local midnight). */
export function rangeOf(key: RangeKey, now: Date): TimeRange {
  if (key === 'today') {
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    return { from: midnight, to: now, bucket: 'hour' };
  }
  const days = key === 'week' ? 7 : 30;
  const from = new Date(now.getTime() - days * DAY);
  from.setHours(0, 0, 0, 0);
  return { from, to: now, bucket: 'day' };
}

/** Counts per bucket: all items and each sentiment. */
export interface TrendBucket {
  label: string;
  total: number;
  positive: number;
  neutral: number;
  negative: number;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function bucketStart(time: Date, bucket: 'hour' | 'day'): Date {
  const start = new Date(time);
  if (bucket === 'hour') start.setMinutes(0, 0, 0);
  else start.setHours(0, 0, 0, 0);
  return start;
}

function labelOf(time: Date, bucket: 'hour' | 'day'): string {
  return bucket === 'hour'
    ? `${pad(time.getHours())}:00`
    : `${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}

/** The trend of `items` over `range`, one bucket per hour or day (local time), empty buckets included. */
export function trendOf(items: readonly Item[], range: TimeRange): TrendBucket[] {
  const buckets = new Map<number, TrendBucket>();
  const step = range.bucket === 'hour' ? 3_600_000 : DAY;
  for (let at = bucketStart(range.from, range.bucket); at <= range.to; at = new Date(at.getTime() + step)) {
    const start = bucketStart(at, range.bucket);
    buckets.set(start.getTime(), {
      label: labelOf(start, range.bucket),
      total: 0,
      positive: 0,
      neutral: 0,
      negative: 0,
    });
  }
  for (const item of items) {
    const bucket = buckets.get(bucketStart(new Date(item.publishedAt), range.bucket).getTime());
    if (!bucket) continue;
    bucket.total += 1;
    if (item.sentiment) bucket[item.sentiment] += 1;
  }
  return [...buckets.values()];
}

/** How many items each platform has, largest first; items without a platform count under `other`. */
export function platformMix(items: readonly Item[], other: string): { name: string; value: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const name = item.platform ?? other;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].map(([name, value]) => ({ name, value })).sort((a, b) => b.value - a.value);
}
