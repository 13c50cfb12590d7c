/**
 * The pure rule evaluator: one rule, one signal and the moment's context in, one decision out (none,
 * raise, hold for quiet hours, merge into the open alert, or re-alert on growth). No I/O, no clock.
 */
import type { KeyPeriod } from '../../domain/index.js';
import type { AlertDraft, RuleDecision } from './decisions.js';
import type { Firing, TriggerOutcome } from './firing.js';
import { levelFor, severityOf } from './levels.js';
import {
  evaluateCoordinated,
  evaluateEventGrowth,
  evaluateEventHeat,
  evaluateSourceHealth,
  evaluateSpike,
} from './other-triggers.js';
import { isQuiet, quietUntil } from './quiet-hours.js';
import type { AlertRule } from './schema.js';
import { evaluateSchemeHit } from './scheme-hit.js';
import type { AlertSignal, EvaluationContext } from './signals.js';

const MINUTE = 60_000;

/** What repeated firings share: the rule plus the scheme, event, cluster or source they are about. */
export function mergeKeyOf(rule: Pick<AlertRule, 'id'>, signal: AlertSignal): string {
  switch (signal.kind) {
    case 'scheme_hit':
      return `${rule.id}:scheme:${signal.scheme.id}`;
    case 'event':
      return `${rule.id}:event:${signal.event.id}`;
    case 'spike':
      return `${rule.id}:spike:${signal.scheme.id}:${signal.finding.statistic}`;
    case 'coordinated':
      return `${rule.id}:coordinated:${signal.finding.key}`;
    case 'source_health':
      return `${rule.id}:source:${signal.source.id}`;
  }
}

/** The source ids a signal is about (key periods may cover sources). */
function sourceIdsOf(signal: AlertSignal): string[] {
  if (signal.kind === 'source_health') return [signal.source.id];
  if (signal.kind === 'scheme_hit')
    return signal.items.flatMap((item) => (item.sourceId ? [item.sourceId] : []));
  return [];
}

/** True when an active key period covers the rule's unit or a source of the signal. */
export function keyPeriodCovers(period: KeyPeriod, unitId: string, sourceIds: readonly string[]): boolean {
  if (period.unitIds.includes(unitId)) return true;
  if (period.sourceIds.some((id) => sourceIds.includes(id))) return true;
  return period.unitIds.length === 0 && period.sourceIds.length === 0 && period.unitId === unitId;
}

function thresholdFactor(rule: AlertRule, signal: AlertSignal, periods: readonly KeyPeriod[]): number {
  const sources = sourceIdsOf(signal);
  return periods.some((period) => keyPeriodCovers(period, rule.unitId, sources)) ? rule.keyPeriodFactor : 1;
}

function triggerOutcome(rule: AlertRule, signal: AlertSignal, factor: number, now: number): TriggerOutcome {
  const trigger = rule.trigger;
  const mismatch: TriggerOutcome = {
    fired: false,
    reason: `a ${signal.kind} signal does not concern a ${trigger.kind} rule`,
  };
  switch (trigger.kind) {
    case 'scheme_hit':
      return signal.kind === 'scheme_hit' ? evaluateSchemeHit(trigger, signal, factor, now) : mismatch;
    case 'event_heat':
      return signal.kind === 'event' ? evaluateEventHeat(trigger, signal, factor, now) : mismatch;
    case 'event_growth':
      return signal.kind === 'event' ? evaluateEventGrowth(trigger, signal, factor, now) : mismatch;
    case 'spike':
      return signal.kind === 'spike' ? evaluateSpike(trigger, signal, factor) : mismatch;
    case 'coordinated':
      return signal.kind === 'coordinated' ? evaluateCoordinated(trigger, signal, factor, now) : mismatch;
    case 'source_failing':
    case 'source_silent':
      return signal.kind === 'source_health' ? evaluateSourceHealth(trigger, signal) : mismatch;
  }
}

/** Fills `{name}` placeholders of the scope template; an empty result reads 辖区. */
function fillScope(template: string, vars: Readonly<Record<string, string>>): string {
  const filled = template.replace(/\{(\w+)\}/g, (_whole, name: string) => vars[name] ?? '').trim();
  return filled.length > 0 ? filled : '辖区';
}

function draftOf(
  rule: AlertRule,
  firing: Firing,
  level: NonNullable<ReturnType<typeof levelFor>>,
  mergeKey: string,
): AlertDraft {
  return {
    unitId: rule.unitId,
    trigger: rule.trigger.kind,
    title: firing.title,
    mergeKey,
    notice: {
      category: rule.notice.category,
      level,
      startedAt: firing.startedAt,
      scope: fillScope(rule.notice.scopeTemplate, firing.vars),
      matter: firing.matter,
      measures: rule.notice.measures,
      issuer: rule.notice.issuer,
    },
    evidence: {
      items: firing.items,
      statistic: firing.statistic,
      value: firing.value,
      baseline: firing.baseline,
      threshold: firing.threshold,
      reasons: firing.reasons,
    },
    count: firing.countDelta,
    notifiedCount: firing.growthValue ?? firing.countDelta,
    schemeId: firing.schemeId,
    eventId: firing.eventId,
    sourceId: firing.sourceId,
  };
}

/** Decides what one signal means under one rule. */
export function evaluateRule(rule: AlertRule, signal: AlertSignal, context: EvaluationContext): RuleDecision {
  if (!rule.enabled) return { kind: 'none', reason: 'rule disabled' };
  if (signal.unitId !== rule.unitId) return { kind: 'none', reason: 'signal of another unit' };
  const factor = thresholdFactor(rule, signal, context.activeKeyPeriods);
  const outcome = triggerOutcome(rule, signal, factor, context.now);
  if (!outcome.fired) return { kind: 'none', reason: outcome.reason };
  const { firing } = outcome;
  const mergeKey = mergeKeyOf(rule, signal);
  const open = context.openAlert;
  if (open && context.now - open.createdAt < rule.mergeWindowMinutes * MINUTE) {
    const mergedCount = open.count + firing.countDelta;
    const stats = { ...firing.stats, count: Math.max(firing.stats.count ?? 0, mergedCount) };
    const level = levelFor(rule.levels, stats, factor);
    const newLevel = level !== null && severityOf(level) < severityOf(open.level) ? level : null;
    const growthValue = firing.growthValue ?? mergedCount;
    const merge = {
      rule,
      alertId: open.id,
      mergeKey,
      countDelta: firing.countDelta,
      newLevel,
      growthValue,
      at: context.now,
    };
    const growth = rule.realertOnGrowth;
    if (growth && open.notifiedCount > 0 && growthValue >= open.notifiedCount * growth.factor) {
      return {
        ...merge,
        kind: 'realert',
        reason: `grew from ${open.notifiedCount} to ${growthValue} (×${growth.factor})`,
      };
    }
    return { ...merge, kind: 'merge' };
  }
  const level = levelFor(rule.levels, firing.stats, factor);
  if (level === null) return { kind: 'none', reason: 'no level criterion holds' };
  const draft = draftOf(rule, firing, level, mergeKey);
  if (rule.quietHours && level !== 'red' && isQuiet(rule.quietHours, context.now)) {
    return { kind: 'hold', rule, draft, until: quietUntil(rule.quietHours, context.now) };
  }
  return { kind: 'raise', rule, draft };
}
