/** What the spike pipeline needs and what it returns (issue 5 §3). */
import type { SpikeMetric, SpikeSettings, SpikeStatus } from '../../analysis/spike/index.js';
import type { Storage } from '../../storage/repositories.js';

/** The storage the spike pipeline reads (it writes nothing). */
export type SpikeStorage = Pick<Storage, 'schemes' | 'sources' | 'schemeHits' | 'completeness'>;

/** Dependencies of {@link detectSpikes}. */
export interface SpikeDeps {
  storage: SpikeStorage;
  /** Overrides of DEFAULT_SPIKE_SETTINGS. */
  settings?: Partial<SpikeSettings>;
  /**
   * How long after a bucket ends it is first judged (collection lag); 0 by default, since a bucket only
   * counts as complete when its sources fetched during it anyway.
   */
  settleMs?: number;
}

/** A spike that fired: the statistic, its baseline and the thresholds, for the alert's evidence. */
export interface SpikeFinding {
  /** Stable per scheme, metric and bucket: judging the same bucket again gives the same key. */
  key: string;
  unitId: string;
  schemeId: string;
  schemeName: string;
  metric: SpikeMetric;
  bucketStart: number;
  bucketEnd: number;
  value: number;
  baseline: number;
  std: number;
  z: number;
  ratio: number;
  zThreshold: number;
  minCount: number;
  completeness: number;
  historyUsed: number;
}

/** How one scheme's bucket was judged. */
export interface SchemeSpikeStatus {
  schemeId: string;
  status: SpikeStatus;
  historyUsed: number;
}

/** The result of one run for one unit. */
export interface SpikeRun {
  unitId: string;
  /** The bucket judged: the latest one closed by `at` (less the settle time). */
  bucketStart: number;
  bucketEnd: number;
  /** Completeness of that bucket (0–1). */
  completeness: number;
  findings: SpikeFinding[];
  schemes: SchemeSpikeStatus[];
}
