import {
  FINAL_CLUE_OUTCOMES,
  type AlertStatus,
  type AppealState,
  type ClueState,
  type DeliveryState,
  type IncidentState,
} from '../../domain/index.js';

/** One batch of item candidates for deletion, oldest first, after `after` (a keyset cursor). */
export interface ItemCandidatesQuery {
  /** Items published before this (epoch ms) are candidates. */
  before: number;
  /** Only these kinds, or every kind except `excludeKinds` when null. */
  kinds: readonly string[] | null;
  excludeKinds: readonly string[];
  after: ItemCursor | null;
  limit: number;
}

/** Where the last batch of item candidates ended. */
export interface ItemCursor {
  publishedAt: number;
  seq: number;
}

/** A page of candidates: their ids and where the next page starts (null after the last). */
export interface ItemCandidates {
  ids: string[];
  next: ItemCursor | null;
}

/**
 * Deletes what the retention rules say may go, one bounded batch per call so that a live database is never
 * locked for long. Every method returns how many rows it deleted; callers repeat until a batch comes back
 * short. What must never be deleted (items and evidence of open cases, items of active events) is excluded
 * in the queries themselves; item ids held only inside JSON (open alerts' evidence, open clues) are read
 * by {@link RetentionRepository.protectedItemIds} and filtered out by the caller.
 */
export interface RetentionRepository {
  /** Old items that no open incident, open appeal, open case's evidence or still-active event holds. */
  itemCandidates(query: ItemCandidatesQuery): Promise<ItemCandidates>;
  /** Item ids named by open alerts' evidence and open clues. */
  protectedItemIds(): Promise<Set<string>>;
  /** Deletes these items (their versions, scheme hits and event links go with them). */
  deleteItems(ids: readonly string[]): Promise<number>;
  /** Evidence captured before `before` for incidents and clues that are closed, with its page and screenshot. */
  purgeEvidence(before: number, limit: number): Promise<number>;
  purgeFetchRuns(before: number, limit: number): Promise<number>;
  purgeHealthEvents(before: number, limit: number): Promise<number>;
  /** Alert deliveries that are finished (sent or given up) and last changed before `before`. */
  purgeDeliveries(before: number, limit: number): Promise<number>;
}

/** Incident states that end an incident. */
export const CLOSED_INCIDENT_STATES: readonly IncidentState[] = ['closed'];
/** Clue states that end a clue. */
export const CLOSED_CLUE_STATES: readonly ClueState[] = FINAL_CLUE_OUTCOMES;
/** Appeal states that end an appeal. */
export const CLOSED_APPEAL_STATES: readonly AppealState[] = ['closed', 'merged', 'rejected'];
/** Alert statuses that end an alert. */
export const CLOSED_ALERT_STATUSES: readonly AlertStatus[] = ['closed'];
/** Delivery states after which the outbox row is history. */
export const FINISHED_DELIVERY_STATES: readonly DeliveryState[] = ['sent', 'dead'];
