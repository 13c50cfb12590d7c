/** What the evaluator decides for one rule and one signal, and what escalation asks for. */
import type {
  AlertEvidence,
  AlertLevel,
  AlertNotice,
  AlertTriggerKind,
  EpochMs,
} from '../../domain/index.js';
import type { AlertRule } from './schema.js';

/** A new alert as the evaluator drafts it; the service stores it. */
export interface AlertDraft {
  unitId: string;
  trigger: AlertTriggerKind;
  title: string;
  mergeKey: string;
  notice: AlertNotice;
  evidence: AlertEvidence;
  /** Firings this draft stands for (the matching items of a scheme hit, else 1). */
  count: number;
  /** What re-alert compares against: the count, or the heat for heat triggers. */
  notifiedCount: number;
  schemeId: string | null;
  eventId: string | null;
  sourceId: string | null;
}

/** Nothing to do, and why (for tracing). */
export interface NoDecision {
  kind: 'none';
  reason: string;
}

/** Raise a new alert now. */
export interface RaiseDecision {
  kind: 'raise';
  rule: AlertRule;
  draft: AlertDraft;
}

/** Raise a new alert but hold its notification until quiet hours end. */
export interface HoldDecision {
  kind: 'hold';
  rule: AlertRule;
  draft: AlertDraft;
  until: EpochMs;
}

/** Fold the firing into the open alert; notify again only when the level rose. */
export interface MergeDecision {
  kind: 'merge';
  rule: AlertRule;
  alertId: string;
  mergeKey: string;
  countDelta: number;
  /** The new level when the merged firing reaches a higher one, else null. */
  newLevel: AlertLevel | null;
  /** The statistic re-alert compares (count or heat) after this firing. */
  growthValue: number;
  at: EpochMs;
}

/** Fold the firing in and notify again: the alert grew by the rule's factor since the last notice. */
export interface RealertDecision extends Omit<MergeDecision, 'kind'> {
  kind: 'realert';
  reason: string;
}

/** The evaluator's answer. */
export type RuleDecision = NoDecision | RaiseDecision | HoldDecision | MergeDecision | RealertDecision;

/** An alert nobody acknowledged in time: raise its level and tell more people. */
export interface EscalationDue {
  alertId: string;
  ruleId: string;
  /** 1 for the first escalation of the alert. */
  step: number;
  fromLevel: AlertLevel;
  toLevel: AlertLevel;
  notifyRoles: string[];
}
