/** An event's timeline: items per time bucket with the sentiment mix of each bucket. Pure. */
import type { EventBucket, SentimentLabel } from '../../domain/index.js';

/** Buckets of `bucketMs` (aligned to the epoch) that hold at least one item, oldest first. */
export function eventTimeline(
  members: readonly { publishedAt: number; sentiment: SentimentLabel | null }[],
  bucketMs: number,
): EventBucket[] {
  const buckets = new Map<number, EventBucket>();
  for (const member of members) {
    const at = Math.floor(member.publishedAt / bucketMs) * bucketMs;
    let bucket = buckets.get(at);
    if (!bucket) {
      bucket = { at, items: 0, sentiment: { positive: 0, neutral: 0, negative: 0 } };
      buckets.set(at, bucket);
    }
    bucket.items++;
    bucket.sentiment[member.sentiment ?? 'neutral']++;
  }
  return [...buckets.values()].sort((a, b) => a.at - b.at);
}
