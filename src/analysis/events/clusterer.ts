/**
 * Single-pass incremental clustering of items into events (DESIGN.md §5). Each item, in time order, goes
 * to its original's event when it is a repost or near-duplicate of a known item; otherwise to the open
 * event whose centroid is most similar (cosine of TF-IDF vectors) if that similarity reaches the
 * threshold; otherwise it starts a new event. An inverted index from term to events keeps the candidates
 * few with thousands of open events. After an event grows, it is merged with any open event whose centroid
 * has become similar (the larger keeps its id). Pure: state, ids and times come from the caller.
 */
import { addInto, norm, topTerms, type TermVector } from './vectors.js';

/** Tunables of the clusterer; see {@link DEFAULT_CLUSTER_OPTIONS} for the values chosen on dev data. */
export interface ClusterOptions {
  /** An item joins the most similar open event when the cosine reaches this. */
  threshold: number;
  /** Two events merge when the cosine of their centroids reaches this. */
  mergeThreshold: number;
  /** An event takes items published up to this long after its last item (and before its first). */
  windowMs: number;
  /** Terms kept in a centroid (the strongest). */
  centroidTerms: number;
}

/** The values chosen by the sweep in scripts/eval/events.ts (see docs/quality.md). */
export const DEFAULT_CLUSTER_OPTIONS: Readonly<ClusterOptions> = {
  threshold: 0.15,
  mergeThreshold: 0.6,
  windowMs: 72 * 3600_000,
  centroidTerms: 40,
};

/** An item as the clusterer sees it. */
export interface ClusterItem {
  id: string;
  publishedAt: number;
  /** Unit-length TF-IDF vector of the item's terms (see termVector). */
  vector: TermVector;
  /** The item this one reposts or copies (parentId or dupOf), if any. */
  originId: string | null;
}

/** The clustering state of one open event (stored beside the event between runs). */
export interface EventState {
  id: string;
  /** Sum of member vectors, cut to the strongest terms. */
  centroid: Map<string, number>;
  size: number;
  firstAt: number;
  lastAt: number;
}

/** Why an item went where it went. */
export type AssignmentReason = 'origin' | 'similar' | 'new';

/** Where one item went; `similarity` is its cosine to the event's centroid before it joined (1 for a new event). */
export interface Assignment {
  itemId: string;
  eventId: string;
  similarity: number;
  reason: AssignmentReason;
}

/** Event `fromId` was merged into `intoId`. */
export interface Merge {
  fromId: string;
  intoId: string;
  similarity: number;
}

/** The result of adding one item. */
export interface AddResult {
  assignment: Assignment;
  /** Merges this item caused (usually none). */
  merges: Merge[];
}

function isOpenFor(event: EventState, at: number, windowMs: number): boolean {
  return at <= event.lastAt + windowMs && at >= event.firstAt - windowMs;
}

/** The incremental clusterer over a unit's open events. */
export class IncrementalClusterer {
  private readonly events = new Map<string, EventState>();
  private readonly norms = new Map<string, number>();
  private readonly index = new Map<string, Set<string>>();
  private readonly itemEvents = new Map<string, string>();
  private readonly mergedInto = new Map<string, string>();

  /**
   * `events` are the open events with their state; `itemEvents` maps known item ids to their event (so
   * that reposts of stored items find their original's event); `newId` names new events.
   */
  constructor(
    private readonly options: ClusterOptions,
    private readonly newId: () => string,
    events: Iterable<EventState> = [],
    itemEvents: Iterable<readonly [string, string]> = [],
  ) {
    for (const event of events) this.put({ ...event, centroid: new Map(event.centroid) });
    for (const [itemId, eventId] of itemEvents) this.itemEvents.set(itemId, eventId);
  }

  /** Assigns one item (call in publication order) and applies any merge it causes. */
  add(item: ClusterItem): AddResult {
    const target = this.byOrigin(item) ?? this.mostSimilar(item);
    let assignment: Assignment;
    let event: EventState;
    if (target) {
      event = target.event;
      assignment = {
        itemId: item.id,
        eventId: event.id,
        similarity: target.similarity,
        reason: target.reason,
      };
      this.grow(event, item);
    } else {
      event = {
        id: this.newId(),
        centroid: new Map(),
        size: 0,
        firstAt: item.publishedAt,
        lastAt: item.publishedAt,
      };
      this.grow(event, item);
      assignment = { itemId: item.id, eventId: event.id, similarity: 1, reason: 'new' };
    }
    this.itemEvents.set(item.id, event.id);
    const merges = target ? this.mergeSimilar(event) : [];
    const finalId = this.resolve(event.id);
    return { assignment: { ...assignment, eventId: finalId }, merges };
  }

  /** The open events as they stand (merged ones are gone). */
  states(): EventState[] {
    return [...this.events.values()];
  }

  /** The event of an item, following merges; undefined when the item is unknown. */
  eventOf(itemId: string): string | undefined {
    const eventId = this.itemEvents.get(itemId);
    return eventId === undefined ? undefined : this.resolve(eventId);
  }

  private resolve(eventId: string): string {
    let id = eventId;
    for (let next = this.mergedInto.get(id); next !== undefined; next = this.mergedInto.get(id)) id = next;
    return id;
  }

  private byOrigin(item: ClusterItem): { event: EventState; similarity: number; reason: 'origin' } | null {
    if (item.originId === null) return null;
    const known = this.itemEvents.get(item.originId);
    if (known === undefined) return null;
    const event = this.events.get(this.resolve(known));
    if (!event) return null;
    return { event, similarity: this.similarity(item.vector, event), reason: 'origin' };
  }

  private similarity(vector: TermVector, event: EventState): number {
    const eventNorm = this.norms.get(event.id) ?? 0;
    const itemNorm = norm(vector);
    if (eventNorm === 0 || itemNorm === 0) return 0;
    let dot = 0;
    for (const [term, weight] of vector) dot += weight * (event.centroid.get(term) ?? 0);
    return dot / (eventNorm * itemNorm);
  }

  private mostSimilar(
    item: ClusterItem,
  ): { event: EventState; similarity: number; reason: 'similar' } | null {
    const itemNorm = norm(item.vector);
    if (itemNorm === 0) return null;
    const dots = new Map<string, number>();
    for (const [term, weight] of item.vector) {
      for (const eventId of this.index.get(term) ?? []) {
        const event = this.events.get(eventId);
        if (!event) continue;
        dots.set(eventId, (dots.get(eventId) ?? 0) + weight * (event.centroid.get(term) ?? 0));
      }
    }
    let best: { event: EventState; similarity: number; reason: 'similar' } | null = null;
    for (const [eventId, dot] of dots) {
      const event = this.events.get(eventId);
      const eventNorm = this.norms.get(eventId) ?? 0;
      if (!event || eventNorm === 0 || !isOpenFor(event, item.publishedAt, this.options.windowMs)) continue;
      const similarity = dot / (eventNorm * itemNorm);
      if (similarity < this.options.threshold) continue;
      if (
        !best ||
        similarity > best.similarity ||
        (similarity === best.similarity && event.id < best.event.id)
      ) {
        best = { event, similarity, reason: 'similar' };
      }
    }
    return best;
  }

  private grow(event: EventState, item: ClusterItem): void {
    const centroid = new Map(event.centroid);
    addInto(centroid, item.vector);
    this.put({
      ...event,
      centroid: topTerms(centroid, this.options.centroidTerms),
      size: event.size + 1,
      firstAt: Math.min(event.firstAt, item.publishedAt),
      lastAt: Math.max(event.lastAt, item.publishedAt),
    });
  }

  /** Stores (or replaces) an event's state and keeps the inverted index in step. */
  private put(event: EventState): void {
    const previous = this.events.get(event.id);
    if (previous) for (const term of previous.centroid.keys()) this.index.get(term)?.delete(event.id);
    this.events.set(event.id, event);
    this.norms.set(event.id, norm(event.centroid));
    for (const term of event.centroid.keys()) {
      let posting = this.index.get(term);
      if (!posting) this.index.set(term, (posting = new Set()));
      posting.add(event.id);
    }
  }

  private remove(eventId: string): void {
    const event = this.events.get(eventId);
    if (!event) return;
    for (const term of event.centroid.keys()) this.index.get(term)?.delete(eventId);
    this.events.delete(eventId);
    this.norms.delete(eventId);
  }

  /** Merges `grown` with every open event whose centroid is now similar enough; the larger keeps its id. */
  private mergeSimilar(grown: EventState): Merge[] {
    const merges: Merge[] = [];
    let current = this.events.get(grown.id);
    while (current) {
      const partner = this.mostSimilarEvent(current);
      if (!partner) break;
      const [keep, gone] = keeps(current, partner.event);
      const centroid = new Map(keep.centroid);
      addInto(centroid, gone.centroid);
      this.remove(gone.id);
      this.put({
        id: keep.id,
        centroid: topTerms(centroid, this.options.centroidTerms),
        size: keep.size + gone.size,
        firstAt: Math.min(keep.firstAt, gone.firstAt),
        lastAt: Math.max(keep.lastAt, gone.lastAt),
      });
      this.mergedInto.set(gone.id, keep.id);
      merges.push({ fromId: gone.id, intoId: keep.id, similarity: partner.similarity });
      current = this.events.get(keep.id);
    }
    return merges;
  }

  private mostSimilarEvent(event: EventState): { event: EventState; similarity: number } | null {
    const candidates = new Set<string>();
    for (const term of event.centroid.keys()) for (const id of this.index.get(term) ?? []) candidates.add(id);
    candidates.delete(event.id);
    let best: { event: EventState; similarity: number } | null = null;
    for (const id of candidates) {
      const other = this.events.get(id);
      if (!other) continue;
      const overlaps =
        isOpenFor(other, event.lastAt, this.options.windowMs) ||
        isOpenFor(event, other.lastAt, this.options.windowMs);
      if (!overlaps) continue;
      const similarity = this.similarity(other.centroid, event);
      if (similarity >= this.options.mergeThreshold && (!best || similarity > best.similarity)) {
        best = { event: other, similarity };
      }
    }
    return best;
  }
}

/** Which of two merging events keeps its id: the larger, then the older, then the smaller id. */
export function keeps(a: EventState, b: EventState): [keep: EventState, gone: EventState] {
  if (a.size !== b.size) return a.size > b.size ? [a, b] : [b, a];
  if (a.firstAt !== b.firstAt) return a.firstAt < b.firstAt ? [a, b] : [b, a];
  return a.id <= b.id ? [a, b] : [b, a];
}
