/**
 * One signal through every enabled rule of its unit: gather the context (active key periods, the open
 * alert of each merge key), evaluate purely, store each decision. What the evaluate-alerts pipeline step calls.
 */
import { evaluateRule, mergeKeyOf } from '../rules/evaluate.js';
import type { AlertSignal, OpenAlertView } from '../rules/signals.js';
import type { AlertServiceDeps } from './deps.js';
import { raiseOrMerge, type RaiseOutcome } from './raise.js';
import { loadEnabledRules } from './rules.js';

/** Evaluates `signal` against the enabled rules of its unit and applies the decisions; returns what was stored. */
export async function processSignal(deps: AlertServiceDeps, signal: AlertSignal): Promise<RaiseOutcome[]> {
  const now = deps.clock.now();
  const rules = await loadEnabledRules(deps, [signal.unitId]);
  if (rules.length === 0) return [];
  const activeKeyPeriods = await deps.storage.keyPeriods.activeAt(now);
  const outcomes: RaiseOutcome[] = [];
  for (const rule of rules) {
    const open = await deps.storage.alerts.findOpenByMergeKey(signal.unitId, mergeKeyOf(rule, signal));
    const openAlert: OpenAlertView | null = open
      ? {
          id: open.id,
          level: open.level,
          count: open.count,
          createdAt: open.createdAt,
          notifiedCount: open.notifiedCount,
        }
      : null;
    const decision = evaluateRule(rule, signal, { now, activeKeyPeriods, openAlert });
    const outcome = await raiseOrMerge(deps, decision);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}
