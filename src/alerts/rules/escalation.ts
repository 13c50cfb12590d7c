/** Which unacknowledged alerts are due for escalation at `now` (pure; the service applies them). */
import type { AlertLevel, AlertStatus, EpochMs } from '../../domain/index.js';
import type { EscalationDue } from './decisions.js';
import { moreSevere, nextLevelUp } from './levels.js';
import type { AlertRule } from './schema.js';

const MINUTE = 60_000;

/** The fields of an alert escalation looks at. */
export interface EscalationCandidate {
  id: string;
  ruleId: string | null;
  level: AlertLevel;
  status: AlertStatus;
  escalations: number;
  createdAt: EpochMs;
  /** A held alert's clock starts when it goes out. */
  heldUntil: EpochMs | null;
}

/**
 * Alerts still `new` after the rule's `afterMinutes` (again after each further `afterMinutes`, up to
 * `maxTimes`): each goes one level up, or to the rule's `toLevel` if that is higher.
 */
export function dueEscalations(
  alerts: readonly EscalationCandidate[],
  rules: readonly AlertRule[],
  now: EpochMs,
): EscalationDue[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const due: EscalationDue[] = [];
  for (const alert of alerts) {
    const rule = alert.ruleId === null ? undefined : byId.get(alert.ruleId);
    const escalation = rule?.escalation;
    if (!rule || !escalation || alert.status !== 'new') continue;
    if (alert.escalations >= escalation.maxTimes) continue;
    const start = Math.max(alert.createdAt, alert.heldUntil ?? 0);
    if (now < start + escalation.afterMinutes * MINUTE * (alert.escalations + 1)) continue;
    const raised = nextLevelUp(alert.level);
    due.push({
      alertId: alert.id,
      ruleId: rule.id,
      step: alert.escalations + 1,
      fromLevel: alert.level,
      toLevel: escalation.toLevel ? moreSevere(escalation.toLevel, alert.level) : raised,
      notifyRoles: escalation.notifyRoles,
    });
  }
  return due;
}
