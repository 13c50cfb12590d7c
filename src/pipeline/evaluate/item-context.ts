/**
 * What evaluation knows about the items of one batch besides their text: the source each came from (name,
 * media tier) and the key account that posted it, loaded once per batch. From these come the items as the
 * alert rules see them and the authority weights heat uses.
 */
import { itemAuthority, KeyAccountMatcher } from '../../analysis/authority/index.js';
import type { SignalItem } from '../../alerts/rules/signals.js';
import type { Item, KeyAccount, Source } from '../../domain/index.js';
import type { Storage } from '../../storage/repositories.js';

/** Evidence excerpts are cut to this many characters. */
export const EXCERPT_CHARS = 120;

/** Sources and key accounts of one batch. */
export interface ItemContext {
  sourceOf(item: Pick<Item, 'sourceId'>): Source | null;
  /** The authority weight of an item and the key account behind it, if any. */
  authorityOf(item: Pick<Item, 'sourceId' | 'platform' | 'author'>): {
    weight: number;
    keyAccount: KeyAccount | null;
  };
}

/** Loads the sources of `items` and the key accounts of their units. */
export async function loadItemContext(
  storage: Pick<Storage, 'sources' | 'keyAccounts'>,
  items: readonly Item[],
  authorHashKey: string | null,
): Promise<ItemContext> {
  const sourceIds = [...new Set(items.flatMap((item) => (item.sourceId ? [item.sourceId] : [])))];
  const sources = new Map<string, Source>();
  for (const id of sourceIds) {
    const source = await storage.sources.get(id);
    if (source) sources.set(id, source);
  }
  const unitIds = [...new Set(items.map((item) => item.unitId))];
  const accounts = await storage.keyAccounts.listForUnits(unitIds);
  const matcher = new KeyAccountMatcher(accounts, authorHashKey);
  const sourceOf = (item: Pick<Item, 'sourceId'>): Source | null =>
    item.sourceId ? (sources.get(item.sourceId) ?? null) : null;
  return {
    sourceOf,
    authorityOf: (item) => itemAuthority(item, sourceOf(item)?.tier ?? null, matcher),
  };
}

/** The first characters of an item's text, on one line. */
export function excerptOf(item: Pick<Item, 'content'>): string {
  const flat = item.content.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

/** An item as alert rules test it and as alert evidence shows it. */
export function signalItemOf(item: Item, context: ItemContext): SignalItem {
  const source = context.sourceOf(item);
  const { keyAccount } = context.authorityOf(item);
  return {
    itemId: item.id,
    title: item.title,
    excerpt: excerptOf(item),
    url: item.url ?? item.canonicalUrl,
    source: source?.name ?? item.platform,
    publishedAt: item.publishedAt,
    sentiment: item.sentiment,
    categories: item.categories,
    regions: item.regions,
    sourceId: item.sourceId,
    sourceTier: source?.tier ?? null,
    keyAccount: keyAccount !== null,
    engagement: item.engagement.likes + item.engagement.comments + item.engagement.reposts,
  };
}
