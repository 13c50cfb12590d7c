/** The alert tables (migration 0005) as Kysely sees them. JSON is text; booleans are 0/1. */

/** `alert_rules`: the current definition of each rule; `name` and `enabled` are copied out for lists. */
export interface AlertRulesTable {
  id: string;
  unitId: string;
  name: string;
  enabled: number;
  triggerKind: string;
  version: number;
  definition: string;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** `alert_rule_versions`: every version a rule had (kept after the rule is deleted, for alert evidence). */
export interface AlertRuleVersionsTable {
  ruleId: string;
  version: number;
  unitId: string;
  name: string;
  enabled: number;
  definition: string;
  changedBy: string | null;
  changedAt: number;
}

/** `alerts`. */
export interface AlertsTable {
  id: string;
  unitId: string;
  ruleId: string | null;
  ruleVersion: number | null;
  trigger: string;
  title: string;
  mergeKey: string;
  count: number;
  schemeId: string | null;
  eventId: string | null;
  sourceId: string | null;
  category: string;
  level: string;
  startedAt: number;
  scope: string;
  matter: string;
  measures: string;
  issuer: string;
  evidence: string;
  status: string;
  escalations: number;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  closedBy: string | null;
  closedAt: number | null;
  incidentId: string | null;
  heldUntil: number | null;
  notifiedCount: number;
  lastFiredAt: number;
  createdAt: number;
  updatedAt: number;
}

/** `alert_history`: every transition of an alert (who, when, what). */
export interface AlertHistoryTable {
  id: string;
  alertId: string;
  /** 1, 2, … per alert: the order of entries written in the same millisecond. */
  seq: number;
  at: number;
  actorUserId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  detail: string;
}
