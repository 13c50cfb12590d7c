/** Alerts, their history and alert rules as the API shows them (times as ISO 8601). */
import type { z } from 'zod';
import type * as contract from '../../contract/index.js';
import { ALERT_LEVEL_NAMES, type Alert } from '../../domain/index.js';
import type { AlertHistoryEntry, AlertRuleVersion, StoredAlertRule } from '../../storage/repositories.js';

const iso = (at: number): string => new Date(at).toISOString();
const isoOrNull = (at: number | null): string | null => (at === null ? null : iso(at));

/** An alert (as stored, or as the alert bus carries it: without the hold time). */
export function presentAlert(alert: Alert & { heldUntil?: number | null }): z.output<typeof contract.alert> {
  return {
    id: alert.id,
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
    levelName: ALERT_LEVEL_NAMES[alert.level],
    startedAt: iso(alert.startedAt),
    scope: alert.scope,
    matter: alert.matter,
    measures: alert.measures,
    issuer: alert.issuer,
    evidence: {
      ...alert.evidence,
      items: alert.evidence.items.map((item) => ({ ...item, publishedAt: iso(item.publishedAt) })),
    },
    status: alert.status,
    escalations: alert.escalations,
    acknowledgedBy: alert.acknowledgedBy,
    acknowledgedAt: isoOrNull(alert.acknowledgedAt),
    closedBy: alert.closedBy,
    closedAt: isoOrNull(alert.closedAt),
    incidentId: alert.incidentId,
    heldUntil: isoOrNull(alert.heldUntil ?? null),
    createdAt: iso(alert.createdAt),
    updatedAt: iso(alert.updatedAt),
  };
}

/** One line of an alert's history. */
export function presentAlertHistory(entry: AlertHistoryEntry): z.output<typeof contract.alertHistoryEntry> {
  return {
    at: iso(entry.at),
    actorUserId: entry.actorUserId,
    action: entry.action,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    detail: entry.detail,
  };
}

/** An alert rule. */
export function presentAlertRule(rule: StoredAlertRule): z.output<typeof contract.alertRule> {
  return {
    id: rule.id,
    unitId: rule.unitId,
    name: rule.name,
    enabled: rule.enabled,
    trigger: rule.triggerKind,
    version: rule.version,
    definition: rule.definition,
    createdBy: rule.createdBy,
    createdAt: iso(rule.createdAt),
    updatedAt: iso(rule.updatedAt),
  };
}

/** One version of a rule. */
export function presentAlertRuleVersion(
  version: AlertRuleVersion,
): z.output<typeof contract.alertRuleVersion> {
  return {
    version: version.version,
    name: version.name,
    enabled: version.enabled,
    definition: version.definition,
    changedBy: version.changedBy,
    changedAt: iso(version.changedAt),
  };
}
