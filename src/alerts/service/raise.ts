/**
 * Storing what the evaluator decided, in ONE transaction: create the alert (or fold the firing into the
 * open one), write its history, and call `onRaised` inside the same transaction so the delivery outbox
 * rows are written with the alert or not at all. Held alerts (quiet hours) are stored now and notified
 * by {@link releaseHeld} when the quiet hours end.
 */
import type { AlertLevel } from '../../domain/index.js';
import type { AlertRecord } from '../../storage/repositories.js';
import type {
  AlertDraft,
  HoldDecision,
  MergeDecision,
  RaiseDecision,
  RealertDecision,
  RuleDecision,
} from '../rules/decisions.js';
import { moreSevere, severityOf } from '../rules/levels.js';
import type { AlertRule } from '../rules/schema.js';
import { NO_HOOKS, type AlertServiceDeps, type StorageTx } from './deps.js';

const MINUTE = 60_000;

/** What happened to the decision. */
export interface RaiseOutcome {
  alert: AlertRecord;
  /** True when a new alert was created. */
  created: boolean;
  /** True when `onRaised` ran (people are told now). */
  notified: boolean;
}

async function insertDraft(
  tx: StorageTx,
  rule: AlertRule,
  draft: AlertDraft,
  now: number,
  heldUntil: number | null,
): Promise<AlertRecord> {
  const alert = await tx.alerts.insert({
    unitId: draft.unitId,
    ruleId: rule.id,
    ruleVersion: rule.version,
    trigger: draft.trigger,
    title: draft.title,
    mergeKey: draft.mergeKey,
    count: draft.count,
    schemeId: draft.schemeId,
    eventId: draft.eventId,
    sourceId: draft.sourceId,
    ...draft.notice,
    evidence: draft.evidence,
    status: 'new',
    escalations: 0,
    acknowledgedBy: null,
    acknowledgedAt: null,
    closedBy: null,
    closedAt: null,
    incidentId: null,
    heldUntil,
    notifiedCount: draft.notifiedCount,
    lastFiredAt: now,
    createdAt: now,
  });
  await tx.alerts.appendHistory({
    alertId: alert.id,
    at: now,
    actorUserId: null,
    action: heldUntil === null ? 'raise' : 'hold',
    fromStatus: null,
    toStatus: 'new',
    detail: {
      level: alert.level,
      ruleId: rule.id,
      ruleVersion: rule.version,
      ...(heldUntil !== null && { heldUntil }),
    },
  });
  return alert;
}

interface MergeStep {
  alertId: string;
  countDelta: number;
  newLevel: AlertLevel | null;
  /** Set for a re-alert: the value people are told about now. */
  realertValue: number | null;
}

async function mergeInto(
  deps: AlertServiceDeps,
  tx: StorageTx,
  rule: AlertRule,
  step: MergeStep,
  now: number,
): Promise<RaiseOutcome> {
  const current = await tx.alerts.get(step.alertId);
  const raise =
    step.newLevel !== null && current !== null && severityOf(step.newLevel) < severityOf(current.level);
  const alert = await tx.alerts.merge(step.alertId, {
    countDelta: step.countDelta,
    at: now,
    ...(raise && step.newLevel !== null && { level: step.newLevel }),
    ...(step.realertValue !== null && { notifiedCount: step.realertValue }),
  });
  const tell = raise || step.realertValue !== null;
  if (!tell) return { alert, created: false, notified: false };
  await tx.alerts.appendHistory({
    alertId: alert.id,
    at: now,
    actorUserId: null,
    action: step.realertValue !== null ? 'realert' : 'level',
    fromStatus: alert.status,
    toStatus: alert.status,
    detail: { level: alert.level, count: alert.count, ...(current && { fromLevel: current.level }) },
  });
  if (alert.heldUntil !== null) return { alert, created: false, notified: false };
  await (deps.hooks ?? NO_HOOKS).onRaised(tx, alert, rule, false);
  return { alert, created: false, notified: true };
}

async function raise(
  deps: AlertServiceDeps,
  tx: StorageTx,
  decision: RaiseDecision | HoldDecision,
): Promise<RaiseOutcome> {
  const now = deps.clock.now();
  const { rule, draft } = decision;
  // Another firing may have raised the alert since the evaluator looked: fold into it instead.
  const open = await tx.alerts.findOpenByMergeKey(draft.unitId, draft.mergeKey);
  if (open && now - open.createdAt < rule.mergeWindowMinutes * MINUTE) {
    const level = moreSevere(open.level, draft.notice.level);
    return mergeInto(
      deps,
      tx,
      rule,
      {
        alertId: open.id,
        countDelta: draft.count,
        newLevel: level === open.level ? null : level,
        realertValue: null,
      },
      now,
    );
  }
  const heldUntil = decision.kind === 'hold' ? decision.until : null;
  const alert = await insertDraft(tx, rule, draft, now, heldUntil);
  if (heldUntil !== null) return { alert, created: true, notified: false };
  await (deps.hooks ?? NO_HOOKS).onRaised(tx, alert, rule, true);
  return { alert, created: true, notified: true };
}

function mergeStep(decision: MergeDecision | RealertDecision): MergeStep {
  return {
    alertId: decision.alertId,
    countDelta: decision.countDelta,
    newLevel: decision.newLevel,
    realertValue: decision.kind === 'realert' ? decision.growthValue : null,
  };
}

/**
 * Applies one decision in one transaction; null for `none`. The transactional outbox contract: `onRaised`
 * runs inside the transaction that writes the alert.
 */
export async function raiseOrMerge(
  deps: AlertServiceDeps,
  decision: RuleDecision,
): Promise<RaiseOutcome | null> {
  if (decision.kind === 'none') return null;
  return deps.storage.transaction(async (tx) => {
    if (decision.kind === 'raise' || decision.kind === 'hold') return raise(deps, tx, decision);
    return mergeInto(deps, tx, decision.rule, mergeStep(decision), deps.clock.now());
  });
}
