/** What a trigger reports when its conditions hold, before levels, merging and quiet hours apply. */
import type { AlertEvidenceItem, EpochMs } from '../../domain/index.js';
import type { Statistics } from './levels.js';

/** One firing of a trigger. */
export interface Firing {
  /** What level criteria may test. */
  stats: Statistics;
  /** The statistic that fired, with its value, baseline and (lowered) threshold, for the evidence. */
  statistic: string;
  value: number;
  baseline: number | null;
  threshold: number;
  reasons: string[];
  items: AlertEvidenceItem[];
  /** Firings this one adds to a merged alert. */
  countDelta: number;
  /** Heat triggers re-alert on heat; the others on the merged count (null). */
  growthValue: number | null;
  schemeId: string | null;
  eventId: string | null;
  sourceId: string | null;
  /** 警示事项 and the alert title. */
  title: string;
  matter: string;
  /** Values for the scope template. */
  vars: Record<string, string>;
  startedAt: EpochMs;
}

/** A trigger either fires or says why not. */
export type TriggerOutcome = { fired: true; firing: Firing } | { fired: false; reason: string };

/** The "did not fire" outcome. */
export function noFire(reason: string): TriggerOutcome {
  return { fired: false, reason };
}
