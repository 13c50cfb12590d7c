/**
 * Alert rules and alerts as storage keeps them (issue 5 §4–5). Storage does not know the rule schema
 * (src/alerts/rules): it keeps the validated definition as JSON and a version that every change bumps.
 */
import type { Alert, AlertLevel, AlertStatus, AlertTriggerKind } from '../../domain/index.js';
import type { Page, PageRequest, Scope } from '../repositories.js';

/** A rule as stored: the definition (validated by src/alerts/rules before it gets here) and its version. */
export interface StoredAlertRule {
  id: string;
  unitId: string;
  name: string;
  enabled: boolean;
  triggerKind: string;
  version: number;
  definition: Record<string, unknown>;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** One earlier (or the current) version of a rule. */
export interface AlertRuleVersion {
  ruleId: string;
  version: number;
  unitId: string;
  name: string;
  enabled: boolean;
  definition: Record<string, unknown>;
  changedBy: string | null;
  changedAt: number;
}

/** What a rule is made of when created or changed. */
export interface AlertRuleInput {
  name: string;
  enabled: boolean;
  triggerKind: string;
  definition: Record<string, unknown>;
}

/** Alert rules with their version history. */
export interface AlertRuleRepository {
  /** Creates version 1. */
  create(input: AlertRuleInput & { unitId: string; createdBy: string | null }): Promise<StoredAlertRule>;
  get(id: string, scope?: Scope): Promise<StoredAlertRule | null>;
  /** Newest first. */
  list(
    scope: Scope,
    filter: { enabled?: boolean; triggerKind?: string },
    page: PageRequest,
  ): Promise<Page<StoredAlertRule>>;
  /** Enabled rules of the units (null: every unit), for evaluation. */
  listEnabled(unitIds: readonly string[] | null): Promise<StoredAlertRule[]>;
  /** Replaces the definition, bumps the version and records it. NOT_FOUND for a missing rule. */
  update(id: string, input: AlertRuleInput & { changedBy: string | null }): Promise<StoredAlertRule>;
  /** Deletes the rule; its versions stay for the evidence of alerts it raised. */
  delete(id: string): Promise<void>;
  /** Every version of a rule, newest first. */
  versions(ruleId: string): Promise<AlertRuleVersion[]>;
}

/** An alert with what storage keeps for the service: when a held notice goes out and re-alert state. */
export interface AlertRecord extends Alert {
  /** Quiet hours hold the notice until this time; null once it went out (or was never held). */
  heldUntil: number | null;
  /** The count (or heat) when people were last notified. */
  notifiedCount: number;
  /** When the last firing merged into the alert. */
  lastFiredAt: number;
}

/** A new alert; the repository gives it an id. */
export type NewAlert = Omit<AlertRecord, 'id' | 'updatedAt'> & { id?: string };

/** Filters of an alert list; they combine with AND. */
export interface AlertFilter {
  levels?: AlertLevel[];
  statuses?: AlertStatus[];
  triggers?: AlertTriggerKind[];
  /** Created at or after. */
  from?: number;
  /** Created before. */
  to?: number;
  schemeId?: string;
  eventId?: string;
  ruleId?: string;
}

/** Fields a transition, escalation or release changes. */
export type AlertPatch = Partial<
  Pick<
    AlertRecord,
    | 'level'
    | 'status'
    | 'escalations'
    | 'acknowledgedBy'
    | 'acknowledgedAt'
    | 'closedBy'
    | 'closedAt'
    | 'incidentId'
    | 'heldUntil'
    | 'notifiedCount'
  >
>;

/** One line of an alert's history. */
export interface AlertHistoryEntry {
  id: string;
  alertId: string;
  at: number;
  actorUserId: string | null;
  /** `raise`, `merge`, `realert`, `release`, `escalate`, `acknowledge`, `handle`, `close`. */
  action: string;
  fromStatus: AlertStatus | null;
  toStatus: AlertStatus | null;
  detail: Record<string, unknown>;
}

/** Alerts and their history. */
export interface AlertRepository {
  insert(alert: NewAlert): Promise<AlertRecord>;
  get(id: string, scope?: Scope): Promise<AlertRecord | null>;
  /** Newest first (by creation), keyset paged. */
  list(scope: Scope, filter: AlertFilter, page: PageRequest): Promise<Page<AlertRecord>>;
  /** The newest alert of the unit with this merge key that is not closed. */
  findOpenByMergeKey(unitId: string, mergeKey: string): Promise<AlertRecord | null>;
  /** Adds `countDelta` to the count in one statement; sets the level and notified count when given. */
  merge(
    id: string,
    change: { countDelta: number; at: number; level?: AlertLevel; notifiedCount?: number },
  ): Promise<AlertRecord>;
  update(id: string, patch: AlertPatch, at: number): Promise<AlertRecord>;
  /** Alerts in these statuses, oldest first (escalation looks at `new`). */
  listByStatus(statuses: readonly AlertStatus[], limit: number): Promise<AlertRecord[]>;
  /** Held alerts whose quiet hours ended by `now`, oldest first. */
  listHeldDue(now: number, limit: number): Promise<AlertRecord[]>;
  appendHistory(entry: Omit<AlertHistoryEntry, 'id'>): Promise<AlertHistoryEntry>;
  /** Oldest first. */
  history(alertId: string): Promise<AlertHistoryEntry[]>;
}
