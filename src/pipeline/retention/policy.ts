/**
 * The retention rules (docs/operations.md, "Retention"): how many days each kind of record is kept, 0 for
 * ever. Built by the CLI from the RETENTION_* settings.
 */
export interface RetentionPolicy {
  /** Items of every kind not named in `itemsByKind`. */
  itemsDays: number;
  /** Days per item kind (`hot`, `comment`, …), overriding `itemsDays`; 0 keeps that kind forever. */
  itemsByKind: Readonly<Record<string, number>>;
  /** Evidence of closed incidents and clues, counted from capture. */
  evidenceDays: number;
  /** Fetch history and source health events. */
  fetchRunsDays: number;
  /** Sent or given-up alert deliveries (the outbox), counted from their last change. */
  deliveriesDays: number;
  /** Expired or revoked sessions. */
  sessionsDays: number;
  /** Rows per delete statement. */
  batchSize: number;
}

/** Keeps everything except ended sessions (a week): what a handler gets when nobody configured retention. */
export const KEEP_EVERYTHING: RetentionPolicy = {
  itemsDays: 0,
  itemsByKind: {},
  evidenceDays: 0,
  fetchRunsDays: 0,
  deliveriesDays: 0,
  sessionsDays: 7,
  batchSize: 500,
};

/** One group of items under one age limit: some kinds, or every kind but some. */
export interface ItemRule {
  days: number;
  kinds: readonly string[] | null;
  excludeKinds: readonly string[];
}

/** The item rules of a policy, with kinds kept forever left out of every rule. */
export function itemRulesOf(policy: RetentionPolicy): ItemRule[] {
  const named = Object.entries(policy.itemsByKind);
  const rules: ItemRule[] = named
    .filter(([, days]) => days > 0)
    .map(([kind, days]) => ({ days, kinds: [kind], excludeKinds: [] }));
  if (policy.itemsDays > 0) {
    rules.push({ days: policy.itemsDays, kinds: null, excludeKinds: named.map(([kind]) => kind) });
  }
  return rules;
}

const DAY_MS = 24 * 3600 * 1000;

/** The time before which records `days` old may go, or null when `days` is 0 (keep forever). */
export function cutoffOf(now: number, days: number): number | null {
  return days > 0 ? now - days * DAY_MS : null;
}
