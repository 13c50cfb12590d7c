/** Incidents as storage keeps them (issue 6 §1, migration 0011). */
import type {
  Incident,
  IncidentDeadlineRule,
  IncidentLevel,
  IncidentNotification,
  IncidentResponse,
  IncidentResponseVersion,
  IncidentState,
  IncidentTransfer,
  VerificationResult,
} from '../../domain/index.js';
import type { Page, PageRequest, Scope } from '../repositories.js';

/** Filters of an incident list; they combine with AND. `none` in verification matches unverified ones. */
export interface IncidentFilter {
  states?: IncidentState[];
  levels?: IncidentLevel[];
  /** Units (within the scope) the incidents belong to. */
  unitIds?: string[];
  handlerUserId?: string;
  category?: string;
  verification?: Array<VerificationResult | 'none'>;
  alertId?: string;
  eventId?: string;
  /** Opened at or after. */
  from?: number;
  /** Opened before. */
  to?: number;
}

/** Fields a change of an incident may set. */
export type IncidentPatch = Partial<
  Pick<
    Incident,
    | 'unitId'
    | 'title'
    | 'description'
    | 'category'
    | 'level'
    | 'state'
    | 'handlerUserId'
    | 'verification'
    | 'closingSummary'
    | 'review'
    | 'closedBy'
    | 'closedAt'
    | 'reopenCount'
  >
>;

/** An item attached to an incident. */
export interface IncidentItemLink {
  incidentId: string;
  itemId: string;
  addedBy: string | null;
  addedAt: number;
}

/**
 * One cell of the work-summary statistic: incidents of a unit opened in the period, by level and
 * verification result (null: not verified).
 */
export interface IncidentStatisticsRow {
  unitId: string;
  level: IncidentLevel;
  verificationResult: VerificationResult | null;
  count: number;
}

/** Incidents with their items, transfers and notification records. */
export interface IncidentRepository {
  insert(incident: Incident): Promise<Incident>;
  get(id: string, scope?: Scope): Promise<Incident | null>;
  /** NOT_FOUND for a missing incident. */
  update(id: string, patch: IncidentPatch, at: number): Promise<Incident>;
  /** Newest opened first, keyset paged. */
  list(scope: Scope, filter: IncidentFilter, page: PageRequest): Promise<Page<Incident>>;
  /** How many incidents match the filter in each state (the filter's own states are ignored). */
  countByState(scope: Scope, filter: IncidentFilter): Promise<Record<IncidentState, number>>;
  /** Attaches items (already attached ones are skipped); returns how many were new. */
  addItems(incidentId: string, itemIds: readonly string[], by: string | null, at: number): Promise<number>;
  /** Oldest first. */
  listItems(incidentId: string): Promise<IncidentItemLink[]>;
  addTransfer(transfer: Omit<IncidentTransfer, 'id'>): Promise<IncidentTransfer>;
  /** Oldest first. */
  listTransfers(incidentId: string): Promise<IncidentTransfer[]>;
  addNotification(notification: Omit<IncidentNotification, 'id'>): Promise<IncidentNotification>;
  /** Oldest first. */
  listNotifications(incidentId: string): Promise<IncidentNotification[]>;
  /** Incidents opened in [from, to) by unit, level and verification result (null unitIds: every unit). */
  statistics(query: {
    unitIds: readonly string[] | null;
    from: number;
    to: number;
  }): Promise<IncidentStatisticsRow[]>;
}

/** Fields a transition or edit of a statement may set. */
export type IncidentResponsePatch = Partial<
  Omit<IncidentResponse, 'id' | 'incidentId' | 'unitId' | 'kind' | 'createdBy' | 'createdAt' | 'updatedAt'>
>;

/** Statements (口径) of incidents and their versions. */
export interface IncidentResponseRepository {
  /** Stores the statement and its text as version `response.version`. */
  create(response: IncidentResponse, note: string | null): Promise<IncidentResponse>;
  get(id: string): Promise<IncidentResponse | null>;
  /** Oldest first. */
  listFor(incidentId: string): Promise<IncidentResponse[]>;
  /** NOT_FOUND for a missing statement. */
  update(id: string, patch: IncidentResponsePatch, at: number): Promise<IncidentResponse>;
  addVersion(version: IncidentResponseVersion): Promise<void>;
  /** Newest first. */
  versions(responseId: string): Promise<IncidentResponseVersion[]>;
  /** Deletes the statement and its versions. */
  delete(id: string): Promise<void>;
}

/** A unit's stored deadline rules. */
export interface StoredIncidentDeadlineRules {
  unitId: string;
  rules: IncidentDeadlineRule[];
  updatedBy: string | null;
  updatedAt: number;
}

/** Units' incident deadline rules; a unit without its own uses its nearest ancestor's. */
export interface IncidentDeadlineRuleRepository {
  /** The unit's own rules; null when it has none. */
  get(unitId: string): Promise<StoredIncidentDeadlineRules | null>;
  /** Replaces the unit's rules with `rules`. */
  replace(
    unitId: string,
    rules: readonly IncidentDeadlineRule[],
    by: string | null,
    at: number,
  ): Promise<void>;
  /** Removes the unit's own rules; false when it had none. */
  remove(unitId: string): Promise<boolean>;
  /** The rules of the unit or its nearest ancestor that has some; null when none up to the root. */
  effective(unitId: string): Promise<StoredIncidentDeadlineRules | null>;
}
