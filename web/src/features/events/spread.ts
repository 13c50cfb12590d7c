/** The spread of an event from its items and repost links: a repost tree and the mix of platforms. DOM-free. */
import type { EventDetail, Item } from './api.js';

/** A node of the repost tree. */
export interface SpreadNode {
  key: string;
  item: Item | null;
  children: SpreadNode[];
}

/**
 * The repost tree: originals that were reposted or copied within the event, each with its reposts below.
 * Items not loaded still appear (as `item: null`) so the shape stays right.
 */
export function repostTree(links: EventDetail['repostTree'], items: ReadonlyMap<string, Item>): SpreadNode[] {
  const children = new Map<string, string[]>();
  for (const link of links) {
    if (link.parentId === null) continue;
    const list = children.get(link.parentId) ?? [];
    list.push(link.itemId);
    children.set(link.parentId, list);
  }
  const childIds = new Set([...children.values()].flat());
  const build = (id: string, seen: ReadonlySet<string>): SpreadNode => ({
    key: id,
    item: items.get(id) ?? null,
    children: (children.get(id) ?? [])
      .filter((child) => !seen.has(child))
      .map((child) => build(child, new Set([...seen, child]))),
  });
  return [...children.keys()].filter((id) => !childIds.has(id)).map((id) => build(id, new Set([id])));
}

/** Items per platform, most first; items without one are counted under `unknown`. */
export function platformCounts(items: readonly Item[], unknown: string): { name: string; value: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const name = item.platform ?? unknown;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
}

/** A region as one label: 省 · 市 · 县, missing levels left out, a repeated city name shown once. */
export function regionLabel(region: {
  province: string | null;
  city: string | null;
  county: string | null;
}): string {
  const parts = [region.province, region.city, region.county].filter(
    (part, n, all): part is string => part !== null && part !== '' && all.indexOf(part) === n,
  );
  return parts.join(' · ');
}
