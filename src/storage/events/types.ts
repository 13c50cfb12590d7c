/**
 * What storage offers for events (issue 5): the events themselves with the clustering state kept beside
 * them, memberships, history, lists for the API and the unit's heat reference.
 */
import type { EventMember } from '../../analysis/events/index.js';
import type { EventHistoryEntry, EventStage, OpinionEvent } from '../../domain/index.js';
import type { Page, PageRequest, Scope } from '../repositories.js';

/** An event with what clustering and heat keep between runs. */
export interface EventRecord extends OpinionEvent {
  /** The clusterer's bounded centroid, strongest terms first. */
  centroid: [string, number][];
  /** ln(1 + raw heat), the scale the unit's heat reference is computed on; null until computed. */
  heatLog: number | null;
}

/** A member with what summaries and splits need. */
export interface EventMemberRecord extends EventMember {
  keywords: string[];
  joinedAt: number;
}

/** One membership of an item in an event. */
export interface EventMembership {
  itemId: string;
  joinedAt: number;
  centrality: number;
}

/** Filters of the event list; all optional, combined with AND. */
export interface EventListFilter {
  stages?: EventStage[];
  /** Events active at or after this time (last item at or after it). */
  from?: number;
  /** Events started at or before this time. */
  to?: number;
  minHeat?: number;
  /** A substring of the title or the keywords. */
  text?: string;
  /** Include events merged into others (left out by default). */
  includeMerged?: boolean;
}

/** Running statistics of the unit's stored heatLog values. */
export interface StoredHeatReference {
  count: number;
  mean: number;
  sd: number;
}

/** Events, memberships and history. */
export interface EventRepository {
  /** Stores a new event. */
  insert(event: EventRecord): Promise<void>;
  /** Writes every changeable field of a stored event; NOT_FOUND when it does not exist. */
  save(event: EventRecord): Promise<void>;
  get(id: string, scope?: Scope): Promise<OpinionEvent | null>;
  getRecord(id: string): Promise<EventRecord | null>;
  /** Events of the unit that stand on their own and had an item at or after `since`. */
  listOpen(unitId: string, since: number): Promise<EventRecord[]>;
  /** The event of each given item that is in one (item id → event id). */
  eventsOfItems(itemIds: readonly string[]): Promise<Map<string, string>>;
  /** Adds memberships; an item already in an event keeps its event. Returns how many were added. */
  addMembers(eventId: string, members: readonly EventMembership[]): Promise<number>;
  /** Moves every member of `fromId` to `intoId` (a merge); returns how many moved. */
  moveMembers(fromId: string, intoId: string): Promise<number>;
  /** Moves the given items to `intoId` (a split). */
  moveItems(itemIds: readonly string[], intoId: string): Promise<void>;
  /** Every member with the item fields summaries need, oldest first. */
  members(eventId: string): Promise<EventMemberRecord[]>;
  /** How many members of the event were published in [from, to); reads the index, not the members. */
  countMembers(eventId: string, from: number, to: number): Promise<number>;
  /**
   * Adds `joined` to the stored item count in one statement, so a large event between full refreshes
   * counts its new members without recounting all of them (and two writers never lose an update).
   */
  addToItemCount(eventId: string, joined: number): Promise<void>;
  /** Item ids of an event, newest published first, in keyset pages. */
  memberIds(eventId: string, page: PageRequest): Promise<Page<string>>;
  /** Events in scope by heat (hottest first) or by time (latest activity first). */
  list(
    scope: Scope,
    filter: EventListFilter,
    sort: 'heat' | 'time',
    page: PageRequest,
  ): Promise<Page<OpinionEvent>>;
  appendHistory(entries: readonly Omit<EventHistoryEntry, 'id'>[]): Promise<void>;
  /** The history of an event, oldest first. */
  history(eventId: string): Promise<EventHistoryEntry[]>;
  /** Mean and standard deviation of heatLog over the unit's events active since `since`. */
  heatReference(unitId: string, since: number): Promise<StoredHeatReference>;
}
