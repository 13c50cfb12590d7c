/** Prometheus metrics: the recorder the code reports to, the per-process registry, and scrape access. */
export {
  noMetrics,
  type ErrorOrigin,
  type FetchOutcome,
  type IngestPath,
  type ItemOutcomeCounts,
  type MetricsRecorder,
  type ProcessingStage,
} from './recorder.js';
export {
  createMetrics,
  type Metrics,
  type MetricsOptions,
  type QueueReader,
  type QueueSnapshot,
} from './registry.js';
export {
  createMetricsAccess,
  DEFAULT_METRICS_ALLOW,
  isNetworkBlock,
  type MetricsAccess,
  type ScrapeRequest,
} from './access.js';
