/**
 * Tracking a hot-list topic over time (pure): the key a title is recognised by across fetches, and how one
 * sighting updates what is known about the topic. Storage keeps the result; this module decides it.
 */
import type { HotEntry, HotTopic } from '../../domain/collection.js';
import type { EpochMs } from '../../domain/entities.js';

/** What a sighting updates: a hot topic without its storage identity. */
export type HotSighting = Omit<HotTopic, 'id' | 'sourceId'>;

/**
 * The key a topic title is recognised by: NFKC (full-width to half-width), hashtag marks `#…#` removed,
 * whitespace collapsed and trimmed, Latin letters lower-cased.
 */
export function hotTopicKey(title: string): string {
  return title.normalize('NFKC').replace(/#/gu, ' ').replace(/\s+/gu, ' ').trim().toLowerCase();
}

function larger(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/**
 * `topic` after `entry` was seen at `at` (a new topic when `topic` is null). A sighting older than the
 * last one (delivered out of order) still counts, moves `firstSeenAt` back and can set the peaks, but does
 * not replace the latest rank, heat, title or link.
 */
export function mergeHotSighting(topic: HotSighting | null, entry: HotEntry, at: EpochMs): HotSighting {
  const heat = entry.heat ?? null;
  if (topic === null) {
    return {
      title: entry.title,
      url: entry.url ?? null,
      firstSeenAt: at,
      lastSeenAt: at,
      lastRank: entry.rank,
      peakRank: entry.rank,
      lastHeat: heat,
      peakHeat: heat,
      sightings: 1,
    };
  }
  const latest = at >= topic.lastSeenAt;
  return {
    title: latest ? entry.title : topic.title,
    url: latest ? (entry.url ?? topic.url) : (topic.url ?? entry.url ?? null),
    firstSeenAt: Math.min(topic.firstSeenAt, at),
    lastSeenAt: Math.max(topic.lastSeenAt, at),
    lastRank: latest ? entry.rank : topic.lastRank,
    peakRank: Math.min(topic.peakRank, entry.rank),
    lastHeat: latest ? heat : topic.lastHeat,
    peakHeat: larger(topic.peakHeat, heat),
    sightings: topic.sightings + 1,
  };
}
