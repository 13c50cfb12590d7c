/**
 * Time-driven steps, run by a periodic job with the clock's now: escalate alerts nobody acknowledged in
 * time, and send out alerts held by quiet hours once they end. Each alert is its own transaction.
 */
import type { AlertRecord } from '../../storage/repositories.js';
import type { EscalationDue } from '../rules/decisions.js';
import { dueEscalations } from '../rules/escalation.js';
import type { AlertRule } from '../rules/schema.js';
import { NO_HOOKS, type AlertServiceDeps } from './deps.js';
import { toAlertRule } from './rules.js';

/** How many alerts one run looks at. */
const BATCH = 500;

async function rulesOf(
  deps: AlertServiceDeps,
  alerts: readonly AlertRecord[],
): Promise<Map<string, AlertRule>> {
  const rules = new Map<string, AlertRule>();
  for (const ruleId of new Set(alerts.flatMap((alert) => (alert.ruleId ? [alert.ruleId] : [])))) {
    const stored = await deps.storage.alertRules.get(ruleId);
    if (!stored) continue;
    try {
      rules.set(ruleId, toAlertRule(stored));
    } catch {
      // a rule stored invalid escalates nothing
    }
  }
  return rules;
}

async function applyEscalation(
  deps: AlertServiceDeps,
  due: EscalationDue,
  rule: AlertRule,
  now: number,
): Promise<AlertRecord | null> {
  return deps.storage.transaction(async (tx) => {
    const current = await tx.alerts.get(due.alertId);
    // Acknowledged or escalated by another run meanwhile: nothing to do.
    if (!current || current.status !== 'new' || current.escalations !== due.step - 1) return null;
    const alert = await tx.alerts.update(due.alertId, { level: due.toLevel, escalations: due.step }, now);
    await tx.alerts.appendHistory({
      alertId: alert.id,
      at: now,
      actorUserId: null,
      action: 'escalate',
      fromStatus: alert.status,
      toStatus: alert.status,
      detail: {
        step: due.step,
        fromLevel: due.fromLevel,
        toLevel: due.toLevel,
        notifyRoles: due.notifyRoles,
      },
    });
    const hooks = deps.hooks ?? NO_HOOKS;
    if (hooks.onEscalated) await hooks.onEscalated(tx, alert, rule, due);
    else await hooks.onRaised(tx, alert, rule, false);
    return alert;
  });
}

/** Escalates every alert due at `now`; returns the escalated alerts. */
export async function escalateDue(deps: AlertServiceDeps, now: number): Promise<AlertRecord[]> {
  const fresh = await deps.storage.alerts.listByStatus(['new'], BATCH);
  const rules = await rulesOf(deps, fresh);
  const escalated: AlertRecord[] = [];
  for (const due of dueEscalations(fresh, [...rules.values()], now)) {
    const rule = rules.get(due.ruleId);
    if (!rule) continue;
    const alert = await applyEscalation(deps, due, rule, now);
    if (alert) escalated.push(alert);
  }
  return escalated;
}

/** Sends out alerts whose quiet hours ended by `now` (`onRaised(…, true)`); returns them. */
export async function releaseHeld(deps: AlertServiceDeps, now: number): Promise<AlertRecord[]> {
  const held = await deps.storage.alerts.listHeldDue(now, BATCH);
  const rules = await rulesOf(deps, held);
  const released: AlertRecord[] = [];
  for (const candidate of held) {
    const alert = await deps.storage.transaction(async (tx) => {
      const current = await tx.alerts.get(candidate.id);
      if (!current || current.heldUntil === null || current.heldUntil > now) return null;
      const updated = await tx.alerts.update(current.id, { heldUntil: null }, now);
      await tx.alerts.appendHistory({
        alertId: updated.id,
        at: now,
        actorUserId: null,
        action: 'release',
        fromStatus: updated.status,
        toStatus: updated.status,
        detail: { heldUntil: current.heldUntil },
      });
      if (updated.status !== 'closed') {
        const rule = updated.ruleId ? (rules.get(updated.ruleId) ?? null) : null;
        await (deps.hooks ?? NO_HOOKS).onRaised(tx, updated, rule, true);
      }
      return updated;
    });
    if (alert) released.push(alert);
  }
  return released;
}
