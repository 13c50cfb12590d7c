/** Rows of the alert tables to records and back; JSON columns are checked on the way out. */
import type { Selectable } from 'kysely';
import {
  ALERT_LEVELS,
  ALERT_STATUSES,
  ALERT_TRIGGER_KINDS,
  type AlertEvidence,
  type AlertLevel,
  type AlertStatus,
  type AlertTriggerKind,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { parseJsonObject, toJsonText } from '../json-columns.js';
import type { AlertHistoryTable, AlertRulesTable, AlertRuleVersionsTable, AlertsTable } from './tables.js';
import type { AlertHistoryEntry, AlertRecord, AlertRuleVersion, NewAlert, StoredAlertRule } from './types.js';

function oneOf<T extends string>(values: readonly T[], value: string, column: string): T {
  if (!(values as readonly string[]).includes(value)) {
    throw new AppError('INTERNAL', `column ${column} holds an unknown value ${value}`);
  }
  return value as T;
}

/** A stored rule. */
export function toRule(row: Selectable<AlertRulesTable>): StoredAlertRule {
  return {
    ...row,
    enabled: row.enabled === 1,
    definition: parseJsonObject(row.definition, 'alert_rules.definition'),
  };
}

/** A stored rule version. */
export function toRuleVersion(row: Selectable<AlertRuleVersionsTable>): AlertRuleVersion {
  return {
    ...row,
    enabled: row.enabled === 1,
    definition: parseJsonObject(row.definition, 'alert_rule_versions.definition'),
  };
}

function toEvidence(text: string): AlertEvidence {
  const value = parseJsonObject(text, 'alerts.evidence');
  if (!Array.isArray(value['items']) || !Array.isArray(value['reasons'])) {
    throw new AppError('INTERNAL', 'column alerts.evidence does not hold alert evidence');
  }
  return value as unknown as AlertEvidence;
}

/** A stored alert. */
export function toAlert(row: Selectable<AlertsTable>): AlertRecord {
  return {
    ...row,
    trigger: oneOf<AlertTriggerKind>(ALERT_TRIGGER_KINDS, row.trigger, 'alerts.trigger'),
    level: oneOf<AlertLevel>(ALERT_LEVELS, row.level, 'alerts.level'),
    status: oneOf<AlertStatus>(ALERT_STATUSES, row.status, 'alerts.status'),
    evidence: toEvidence(row.evidence),
    notifiedCount: Number(row.notifiedCount),
  };
}

/** The row of a new alert. */
export function alertRow(id: string, alert: NewAlert): Selectable<AlertsTable> {
  return {
    id,
    unitId: alert.unitId,
    ruleId: alert.ruleId,
    ruleVersion: alert.ruleVersion,
    trigger: alert.trigger,
    title: alert.title,
    mergeKey: alert.mergeKey,
    count: alert.count,
    schemeId: alert.schemeId,
    eventId: alert.eventId,
    sourceId: alert.sourceId,
    category: alert.category,
    level: alert.level,
    startedAt: alert.startedAt,
    scope: alert.scope,
    matter: alert.matter,
    measures: alert.measures,
    issuer: alert.issuer,
    evidence: toJsonText(alert.evidence),
    status: alert.status,
    escalations: alert.escalations,
    acknowledgedBy: alert.acknowledgedBy,
    acknowledgedAt: alert.acknowledgedAt,
    closedBy: alert.closedBy,
    closedAt: alert.closedAt,
    incidentId: alert.incidentId,
    heldUntil: alert.heldUntil,
    notifiedCount: alert.notifiedCount,
    lastFiredAt: alert.lastFiredAt,
    createdAt: alert.createdAt,
    updatedAt: alert.createdAt,
  };
}

/** A history line. */
export function toHistory({ seq: _seq, ...row }: Selectable<AlertHistoryTable>): AlertHistoryEntry {
  return {
    ...row,
    fromStatus:
      row.fromStatus === null
        ? null
        : oneOf<AlertStatus>(ALERT_STATUSES, row.fromStatus, 'alert_history.from_status'),
    toStatus:
      row.toStatus === null
        ? null
        : oneOf<AlertStatus>(ALERT_STATUSES, row.toStatus, 'alert_history.to_status'),
    detail: parseJsonObject(row.detail, 'alert_history.detail'),
  };
}
