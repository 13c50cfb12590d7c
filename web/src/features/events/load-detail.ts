/** Everything an event's detail shows, loaded together: the event, its timeline, items and key items. */
import type { Api } from '../../api/endpoints.js';
import { bucketOf, eventApi, type EventDetail, type EventTimeline, type Item } from './api.js';
import { repostTree, type SpreadNode } from './spread.js';

/** Items of the event read for the spread and the lists. */
export const DETAIL_ITEMS = 200;
/** Representative items shown. */
export const REPRESENTATIVES = 5;

/** The loaded detail. */
export interface DetailData {
  detail: EventDetail;
  timeline: EventTimeline;
  items: Item[];
  first: Item | null;
  representatives: Item[];
  tree: SpreadNode[];
}

/** Items by id: those already loaded, the rest fetched one by one (missing ones left out). */
async function itemsById(
  api: Api,
  ids: readonly string[],
  loaded: ReadonlyMap<string, Item>,
): Promise<Item[]> {
  const found = await Promise.all(
    ids.map(
      (id) =>
        loaded.get(id) ??
        eventApi(api)
          .item(id)
          .catch(() => null),
    ),
  );
  return found.filter((item): item is Item => item !== null);
}

/** Loads the detail of event `id`. */
export async function loadDetail(api: Api, id: string): Promise<DetailData> {
  const calls = eventApi(api);
  const detail = await calls.get(id);
  const [timeline, page] = await Promise.all([
    calls.timeline(id, bucketOf(detail.event)),
    calls.items(id, DETAIL_ITEMS),
  ]);
  const loaded = new Map(page.items.map((item) => [item.id, item]));
  const firstId = detail.event.firstItemId;
  const [first = null] = firstId === null ? [] : await itemsById(api, [firstId], loaded);
  const representatives = await itemsById(
    api,
    detail.event.representativeIds.slice(0, REPRESENTATIVES),
    loaded,
  );
  return {
    detail,
    timeline,
    items: page.items,
    first,
    representatives,
    tree: repostTree(detail.repostTree, loaded),
  };
}
