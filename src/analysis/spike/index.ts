/** Spikes against a seasonal baseline with completeness gating, and coordinated posting (issue 5 §3–4). */
export { bucketCompleteness, type ExpectedSource, type FetchesAround } from './completeness.js';
export {
  DEFAULT_COORDINATED_SETTINGS,
  detectCoordinated,
  type CoordinatedFinding,
  type CoordinatedSettings,
  type PostFingerprint,
} from './coordinated.js';
export {
  bucketsNeeded,
  evaluateSpike,
  type MetricVerdict,
  type SpikeBucket,
  type SpikeEvaluation,
  type SpikeStatus,
} from './detect.js';
export {
  bucketStartOf,
  DAY_MS,
  DEFAULT_BUCKET_MS,
  DEFAULT_SPIKE_SETTINGS,
  seasonalStarts,
  SPIKE_METRICS,
  type SpikeMetric,
  type SpikeSettings,
} from './settings.js';
