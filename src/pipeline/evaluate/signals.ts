/**
 * Turning what evaluation found into alert signals: the new items of each matched scheme (with how many
 * hits the scheme had in the last hour), and the state of each event the batch touched (its heat, and how
 * fast it grew in the last window against the window before).
 */
import type { EventSignal, SchemeHitSignal } from '../../alerts/rules/signals.js';
import type { Item, Scheme } from '../../domain/index.js';
import type { Storage } from '../../storage/repositories.js';
import { excerptOf, signalItemOf, type ItemContext } from './item-context.js';

/** The window of the scheme-hit count and of event growth. */
export const SIGNAL_WINDOW_MS = 60 * 60_000;
/** Evidence items per event signal. */
const EVENT_EVIDENCE = 5;

/** New items of one scheme in this batch. */
export interface SchemeBatchHits {
  scheme: Scheme;
  items: Item[];
}

/** The scheme-hit signal of one scheme's new items. */
export async function schemeHitSignal(
  storage: Pick<Storage, 'schemeHits'>,
  hits: SchemeBatchHits,
  context: ItemContext,
  now: number,
): Promise<SchemeHitSignal> {
  const buckets = await storage.schemeHits.countBuckets(
    hits.scheme.id,
    now - SIGNAL_WINDOW_MS,
    now + 1,
    SIGNAL_WINDOW_MS * 2,
  );
  const counted = buckets.reduce((sum, bucket) => sum + bucket.total, 0);
  return {
    kind: 'scheme_hit',
    unitId: hits.scheme.unitId,
    scheme: { id: hits.scheme.id, name: hits.scheme.name },
    items: hits.items.map((item) => signalItemOf(item, context)),
    countInWindow: Math.max(counted, hits.items.length),
  };
}

/**
 * The signal of one event after clustering: heat, growth and its most engaged recent items. Null for an
 * event that was merged away or whose latest item is older than `horizon` (an imported archive).
 */
export async function eventSignal(
  storage: Pick<Storage, 'events'>,
  eventId: string,
  now: number,
  horizon: number,
): Promise<EventSignal | null> {
  const event = await storage.events.get(eventId);
  if (!event || event.mergedInto !== null || event.lastPublishedAt < horizon) return null;
  const members = await storage.events.members(eventId);
  const recent = members.filter((member) => member.publishedAt > now - SIGNAL_WINDOW_MS);
  const before = members.filter(
    (member) =>
      member.publishedAt > now - 2 * SIGNAL_WINDOW_MS && member.publishedAt <= now - SIGNAL_WINDOW_MS,
  ).length;
  const engagementOf = (member: (typeof members)[number]): number =>
    member.engagement.likes + member.engagement.comments + member.engagement.reposts;
  const evidence = [...recent].sort((a, b) => engagementOf(b) - engagementOf(a)).slice(0, EVENT_EVIDENCE);
  return {
    kind: 'event',
    unitId: event.unitId,
    event: {
      id: event.id,
      title: event.title,
      itemCount: event.itemCount,
      keywords: event.keywords,
      regions: event.regions,
    },
    heat: event.heat,
    growth: {
      itemsInWindow: recent.length,
      windowMinutes: SIGNAL_WINDOW_MS / 60_000,
      ratio: before === 0 ? recent.length : Math.round((recent.length / before) * 100) / 100,
    },
    items: evidence.map((member) => ({
      itemId: member.id,
      title: member.title,
      excerpt: excerptOf(member),
      url: null,
      source: member.platform,
      publishedAt: member.publishedAt,
      sentiment: member.sentiment,
    })),
  };
}
