/**
 * What the pipeline hands the rule evaluator: one observation (a signal) and the moment's context. Plain
 * data, gathered by the evaluate-alerts orchestrator from storage and analysis; the evaluator does no I/O.
 */
import type {
  AlertEvidenceItem,
  AlertLevel,
  EpochMs,
  KeyPeriod,
  MediaTier,
  RegionRef,
  SentimentLabel,
} from '../../domain/index.js';

/** An item as scheme-hit conditions test it and as evidence shows it. */
export interface SignalItem extends AlertEvidenceItem {
  categories: string[];
  regions: RegionRef[];
  sourceId: string | null;
  sourceTier: MediaTier | null;
  /** The author is in the key-accounts registry (重点账号). */
  keyAccount: boolean;
  /** Likes + comments + reposts. */
  engagement: number;
  sentiment: SentimentLabel | null;
}

/**
 * New items matched a scheme. `earlier` holds the scheme's other recent hits (newest first, capped), so that
 * each rule counts the hits that meet its own conditions within its own window, these new ones included.
 */
export interface SchemeHitSignal {
  kind: 'scheme_hit';
  unitId: string;
  scheme: { id: string; name: string };
  items: SignalItem[];
  earlier: SignalItem[];
}

/** An event's current state (heat and growth), after clustering or a heat update. */
export interface EventSignal {
  kind: 'event';
  unitId: string;
  event: { id: string; title: string; itemCount: number; keywords: string[]; regions: RegionRef[] };
  heat: number | null;
  /** Items in the last window and the ratio to the window before it; null when unknown. */
  growth: { itemsInWindow: number; windowMinutes: number; ratio: number } | null;
  items: AlertEvidenceItem[];
}

/** A spike finding of one scheme's bucket (completeness-gated by the spike detector). */
export interface SpikeSignal {
  kind: 'spike';
  unitId: string;
  scheme: { id: string; name: string };
  finding: {
    statistic: 'volume' | 'negative_volume';
    value: number;
    baseline: number;
    z: number;
    count: number;
    /** False when a source outage makes the bucket incomplete: never alert on it. */
    complete: boolean;
    bucketStart: EpochMs;
  };
  items: AlertEvidenceItem[];
}

/** Many near-identical posts from many accounts in a short time. */
export interface CoordinatedSignal {
  kind: 'coordinated';
  unitId: string;
  finding: {
    /** Stable key of the cluster of copies (e.g. the original's SimHash), for merging. */
    key: string;
    accounts: number;
    posts: number;
    windowMinutes: number;
    sampleText: string;
  };
  items: AlertEvidenceItem[];
}

/** A source changed health. */
export interface SourceHealthSignal {
  kind: 'source_health';
  unitId: string;
  source: { id: string; name: string };
  state: 'failing' | 'silent' | 'recovered';
  detail: string;
  at: EpochMs;
}

/** Every signal the evaluator understands. */
export type AlertSignal =
  SchemeHitSignal | EventSignal | SpikeSignal | CoordinatedSignal | SourceHealthSignal;

/** The open alert of a merge key as the evaluator needs it. */
export interface OpenAlertView {
  id: string;
  level: AlertLevel;
  count: number;
  createdAt: EpochMs;
  /** The count (or heat) when people were last notified; re-alert compares against it. */
  notifiedCount: number;
}

/** The moment of evaluation. */
export interface EvaluationContext {
  now: EpochMs;
  /** Key periods active at `now` (any unit); the evaluator picks those covering the rule. */
  activeKeyPeriods: readonly KeyPeriod[];
  /** The newest unclosed alert with the decision's merge key, or null. */
  openAlert: OpenAlertView | null;
}
