/**
 * Turning what evaluation found into alert signals: the new items of each matched scheme (with how many
 * hits the scheme had in the last hour), and the state of each event the batch touched (its heat, and how
 * fast it grew in the last window against the window before).
 */
import type { EventSignal, SchemeHitSignal } from '../../alerts/rules/signals.js';
import type { Item, Scheme } from '../../domain/index.js';
import type { Storage } from '../../storage/repositories.js';
import { excerptOf, loadItemContext, signalItemOf, type ItemContext } from './item-context.js';

/** The window of the scheme-hit count and of event growth. */
export const SIGNAL_WINDOW_MS = 60 * 60_000;
/** How far back a scheme-hit signal's earlier hits reach (the longest window a rule may count over). */
export const EARLIER_LOOKBACK_MS = 24 * 3600_000;
/** Earlier hits a scheme-hit signal carries at most (rules with a higher count threshold see this many). */
export const EARLIER_HITS = 1000;
/** Evidence items per event signal, picked by engagement among the newest members. */
const EVENT_EVIDENCE = 5;
const EVENT_EVIDENCE_POOL = 50;

/** New items of one scheme in this batch. */
export interface SchemeBatchHits {
  scheme: Scheme;
  items: Item[];
}

/**
 * The scheme-hit signal of one scheme's new items, with the scheme's other hits of the last
 * {@link EARLIER_LOOKBACK_MS} (newest first, at most {@link EARLIER_HITS}) so each rule can count the hits
 * that meet its own conditions within its own window.
 */
export async function schemeHitSignal(
  storage: Pick<Storage, 'schemeHits' | 'items' | 'sources' | 'keyAccounts'>,
  hits: SchemeBatchHits,
  context: ItemContext,
  now: number,
  authorHashKey: string | null,
): Promise<SchemeHitSignal> {
  const fresh = new Set(hits.items.map((item) => item.id));
  const recentIds = await storage.schemeHits.recentItemIds(
    hits.scheme.id,
    now - SIGNAL_WINDOW_MS,
    EARLIER_HITS,
  );
  const earlierItems = await storage.items.getMany(recentIds.filter((id) => !fresh.has(id)));
  const earlierContext = await loadItemContext(storage, earlierItems, authorHashKey);
  return {
    kind: 'scheme_hit',
    unitId: hits.scheme.unitId,
    scheme: { id: hits.scheme.id, name: hits.scheme.name },
    items: hits.items.map((item) => signalItemOf(item, context)),
    earlier: earlierItems
      .map((item) => signalItemOf(item, earlierContext))
      .sort((a, b) => b.publishedAt - a.publishedAt),
  };
}

/**
 * The signal of one event after clustering: heat, growth (members published in the last window against the
 * window before, counted in storage) and its most engaged recent items. Null for an event that was merged
 * away or whose latest item is older than `horizon` (an imported archive).
 */
export async function eventSignal(
  storage: Pick<Storage, 'events' | 'items'>,
  eventId: string,
  now: number,
  horizon: number,
): Promise<EventSignal | null> {
  const event = await storage.events.get(eventId);
  if (!event || event.mergedInto !== null || event.lastPublishedAt < horizon) return null;
  const recent = await storage.events.countMembers(eventId, now - SIGNAL_WINDOW_MS, now + 1);
  const before = await storage.events.countMembers(
    eventId,
    now - 2 * SIGNAL_WINDOW_MS,
    now - SIGNAL_WINDOW_MS,
  );
  const newest = await storage.events.memberIds(eventId, { limit: EVENT_EVIDENCE_POOL, cursor: null });
  const candidates = (await storage.items.getMany(newest.items)).filter(
    (item) => item.publishedAt > now - SIGNAL_WINDOW_MS,
  );
  const engagementOf = (item: Item): number =>
    item.engagement.likes + item.engagement.comments + item.engagement.reposts;
  const evidence = candidates.sort((a, b) => engagementOf(b) - engagementOf(a)).slice(0, EVENT_EVIDENCE);
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
      itemsInWindow: recent,
      windowMinutes: SIGNAL_WINDOW_MS / 60_000,
      ratio: before === 0 ? recent : Math.round((recent / before) * 100) / 100,
    },
    items: evidence.map((item) => ({
      itemId: item.id,
      title: item.title,
      excerpt: excerptOf(item),
      url: item.url ?? item.canonicalUrl,
      source: item.platform,
      publishedAt: item.publishedAt,
      sentiment: item.sentiment,
    })),
  };
}
