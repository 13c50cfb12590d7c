/**
 * Pure steps of the dashboard: the time ranges of the picker, the labels of the overview's volume buckets,
 * and the sizes and colours of the word cloud. DOM-free.
 */

/** The ranges of the time picker. */
export const RANGES = ['today', 'week', 'month', 'year'] as const;
/** One of {@link RANGES}. */
export type RangeKey = (typeof RANGES)[number];

/** A range as times and the bucket size its trend uses. */
export interface TimeRange {
  from: Date;
  to: Date;
  bucket: 'hour' | 'day';
}

const DAY = 86_400_000;
const RANGE_DAYS: Record<Exclude<RangeKey, 'today'>, number> = { week: 7, month: 30, year: 365 };

/** The range `key` ending at `now` (today and the first day start at local midnight). */
export function rangeOf(key: RangeKey, now: Date): TimeRange {
  if (key === 'today') {
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    return { from: midnight, to: now, bucket: 'hour' };
  }
  const from = new Date(now.getTime() - (RANGE_DAYS[key] - 1) * DAY);
  from.setHours(0, 0, 0, 0);
  return { from, to: now, bucket: 'day' };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The label of a bucket starting at `iso` (local time): `HH:00` for hours, `MM-DD` for days. */
export function bucketLabel(iso: string, bucket: 'hour' | 'day'): string {
  const time = new Date(iso);
  return bucket === 'hour'
    ? `${pad(time.getHours())}:00`
    : `${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}

/** A word of the cloud with its font size and tone. */
export interface CloudWord {
  name: string;
  count: number;
  size: number;
  tone: 'negative' | 'mixed' | 'calm';
}

/** The tone of a keyword: mostly negative items, some, or few. */
export function toneOf(count: number, negative: number): CloudWord['tone'] {
  if (count === 0) return 'calm';
  const share = negative / count;
  return share >= 0.5 ? 'negative' : share >= 0.2 ? 'mixed' : 'calm';
}

/**
 * Sizes words between `minSize` and `maxSize` pixels by the square root of their count (so a few big words
 * do not dwarf the rest), and orders them big in the middle, smaller alternately to the left and right.
 */
export function cloudOf(
  words: readonly { name: string; count: number; negative?: number }[],
  minSize: number,
  maxSize: number,
): CloudWord[] {
  if (words.length === 0) return [];
  const counts = words.map((word) => word.count);
  const low = Math.sqrt(Math.min(...counts));
  const high = Math.sqrt(Math.max(...counts));
  const sized = [...words]
    .sort((a, b) => b.count - a.count)
    .map((word) => ({
      name: word.name,
      count: word.count,
      size: Math.round(
        high === low
          ? (minSize + maxSize) / 2
          : minSize + ((Math.sqrt(word.count) - low) / (high - low)) * (maxSize - minSize),
      ),
      tone: toneOf(word.count, word.negative ?? 0),
    }));
  const ordered: CloudWord[] = [];
  sized.forEach((word, index) => {
    if (index % 2 === 0) ordered.push(word);
    else ordered.unshift(word);
  });
  return ordered;
}
