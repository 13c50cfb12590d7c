/**
 * The clustering job: load the analysed items and their unit's open events → assign each item with the
 * pure clusterer → store new events, memberships and merges → recompute the touched events (summary,
 * stage, heat, splits). One transaction per unit, so a crash leaves either all or none of a unit's
 * assignments; items already in an event are skipped, so running a batch twice changes nothing.
 */
import { IncrementalClusterer, type EventState, type Merge } from '../../analysis/events/index.js';
import type { Item } from '../../domain/index.js';
import type { EventRecord, Repositories } from '../../storage/index.js';
import { resolveDeps, type ClusterDeps, type ResolvedClusterDeps } from './deps.js';
import { mergeStoredEvents } from './merge.js';
import { blankEvent, refreshEvent } from './refresh.js';

/** What a clustering run did. */
export interface ClusterOutcome {
  /** Items placed in an event. */
  assigned: number;
  /** Items not clustered: missing, not analysed yet, or already in an event. */
  skipped: string[];
  /** Events created by this run (including ones split off). */
  created: string[];
  merges: Merge[];
  /** Events whose stats were recomputed. */
  touched: string[];
}

function stateOf(record: EventRecord): EventState {
  return {
    id: record.id,
    centroid: new Map(record.centroid),
    size: record.itemCount,
    firstAt: record.firstPublishedAt,
    lastAt: record.lastPublishedAt,
  };
}

function originOf(item: Item): string | null {
  return item.dupOf ?? item.parentId;
}

/** Follows merges made in this run to the event an id ended in. */
function finalId(id: string, mergedInto: ReadonlyMap<string, string>): string {
  let current = id;
  for (let next = mergedInto.get(current); next !== undefined; next = mergedInto.get(current)) current = next;
  return current;
}

/**
 * Events of originals that fell out of the window (or were merged) still take their reposts: they are
 * added to the open events, and an origin whose event was merged points at the event that absorbed it.
 */
async function addOriginEvents(
  tx: Repositories,
  unitId: string,
  open: EventRecord[],
  known: Map<string, string>,
): Promise<void> {
  const openIds = new Set(open.map((event) => event.id));
  const resolved = new Map<string, string | null>();
  for (const [itemId, eventId] of known) {
    if (!resolved.has(eventId)) {
      let record = await tx.events.getRecord(eventId);
      for (let hops = 0; record?.mergedInto && hops < 20; hops++) {
        record = await tx.events.getRecord(record.mergedInto);
      }
      const usable = record && record.mergedInto === null && record.unitId === unitId ? record : null;
      if (usable && !openIds.has(usable.id)) {
        open.push(usable);
        openIds.add(usable.id);
      }
      resolved.set(eventId, usable?.id ?? null);
    }
    const target = resolved.get(eventId);
    if (target) known.set(itemId, target);
    else known.delete(itemId);
  }
}

async function clusterUnit(
  deps: ResolvedClusterDeps,
  tx: Repositories,
  unitId: string,
  items: readonly Item[],
  now: number,
): Promise<Omit<ClusterOutcome, 'skipped'>> {
  // load
  const since = Math.min(...items.map((item) => item.publishedAt)) - deps.options.windowMs;
  const open = await tx.events.listOpen(unitId, since);
  const origins = items.flatMap((item) => (originOf(item) === null ? [] : [originOf(item) ?? '']));
  const known = await tx.events.eventsOfItems(origins);
  await addOriginEvents(tx, unitId, open, known);
  // do
  const clusterer = new IncrementalClusterer(deps.options, deps.newEventId, open.map(stateOf), known);
  const similarity = new Map<string, number>();
  const merges: Merge[] = [];
  for (const item of [...items].sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : 1))) {
    const result = clusterer.add({
      id: item.id,
      publishedAt: item.publishedAt,
      vector: deps.vectorOf(item),
      originId: originOf(item),
    });
    similarity.set(item.id, result.assignment.similarity);
    merges.push(...result.merges);
  }
  // store
  const stored = new Set(open.map((event) => event.id));
  const mergedInto = new Map(merges.map((merge) => [merge.fromId, merge.intoId]));
  const created: string[] = [];
  for (const state of clusterer.states()) {
    if (stored.has(state.id)) continue;
    await tx.events.insert(blankEvent(state.id, unitId, now));
    await tx.events.appendHistory([
      { eventId: state.id, kind: 'created', otherEventId: null, detail: {}, at: now },
    ]);
    created.push(state.id);
  }
  for (const merge of merges) {
    if (!stored.has(merge.fromId)) continue;
    await mergeStoredEvents(tx, merge.fromId, finalId(merge.intoId, mergedInto), now, {
      by: 'clusterer',
      similarity: merge.similarity,
    });
  }
  const touched = new Set<string>();
  const byEvent = new Map<string, { itemId: string; joinedAt: number; centrality: number }[]>();
  for (const item of items) {
    const eventId = clusterer.eventOf(item.id);
    if (eventId === undefined) continue;
    touched.add(eventId);
    const list = byEvent.get(eventId) ?? [];
    list.push({ itemId: item.id, joinedAt: now, centrality: similarity.get(item.id) ?? 0 });
    byEvent.set(eventId, list);
  }
  let assigned = 0;
  const joined = new Map<string, number>();
  for (const [eventId, members] of byEvent) {
    const added = await tx.events.addMembers(eventId, members);
    joined.set(eventId, added);
    assigned += added;
  }
  const mergedTargets = new Set(merges.map((merge) => finalId(merge.intoId, mergedInto)));
  for (const target of mergedTargets) touched.add(target);
  const refreshed: string[] = [];
  for (const eventId of [...touched].sort()) {
    const added = mergedTargets.has(eventId) ? undefined : joined.get(eventId);
    refreshed.push(...(await refreshEvent(deps, tx, eventId, now, added)));
  }
  created.push(...refreshed.filter((id) => !touched.has(id)));
  return { assigned, created, merges, touched: refreshed };
}

/** Clusters the given items into events (see the file comment). */
export async function clusterItems(input: ClusterDeps, itemIds: readonly string[]): Promise<ClusterOutcome> {
  const deps = resolveDeps(input);
  const now = deps.clock.now();
  // load
  const unique = [...new Set(itemIds)];
  const byId = new Map((await deps.storage.items.getMany(unique)).map((item) => [item.id, item]));
  const candidates = unique.flatMap((id) => {
    const item = byId.get(id);
    return item && item.analysedAt !== null ? [item] : [];
  });
  const already = await deps.storage.events.eventsOfItems(candidates.map((item) => item.id));
  const items = candidates.filter((item) => !already.has(item.id));
  const kept = new Set(items.map((item) => item.id));
  const skipped = itemIds.filter((id) => !kept.has(id));
  const byUnit = new Map<string, Item[]>();
  for (const item of items) byUnit.set(item.unitId, [...(byUnit.get(item.unitId) ?? []), item]);
  // do and store, one unit at a time
  const outcome: ClusterOutcome = { assigned: 0, skipped, created: [], merges: [], touched: [] };
  for (const [unitId, unitItems] of byUnit) {
    const result = await deps.storage.transaction((tx) => clusterUnit(deps, tx, unitId, unitItems, now));
    outcome.assigned += result.assigned;
    outcome.created.push(...result.created);
    outcome.merges.push(...result.merges);
    outcome.touched.push(...result.touched);
  }
  return outcome;
}

/** Merges event `fromId` into `intoId` by hand and recomputes `intoId`; returns how many items moved. */
export async function mergeEvents(
  input: ClusterDeps,
  fromId: string,
  intoId: string,
  userId: string | null,
): Promise<number> {
  const deps = resolveDeps(input);
  const now = deps.clock.now();
  return deps.storage.transaction(async (tx) => {
    const moved = await mergeStoredEvents(tx, fromId, intoId, now, { by: 'user', userId });
    await refreshEvent(deps, tx, intoId, now);
    return moved;
  });
}
