/**
 * What the pipeline, the workers, the dispatcher and the API tell the metrics: one method per fact, with
 * bounded label values only (source ids, queue names, channel kinds, error codes, route patterns — never
 * item ids or user input). The composition root passes a real {@link MetricsRecorder} down; code built
 * without one (tests, one-shot commands) uses {@link noMetrics} explicitly.
 */

/** How an item of a fetched or received batch ended. */
export interface ItemOutcomeCounts {
  /** Stored as new items. */
  inserted: number;
  /** Known items whose text changed (stored as edits). */
  updated: number;
  /** Already stored (or tombstoned): nothing written. */
  duplicate: number;
  /** Refused by normalisation or validation. */
  rejected: number;
}

/** Where items came in from outside the scheduler: pushed to the ingest API, or read by `fengxiang import`. */
export type IngestPath = 'push' | 'import';

/** Steps that process stored items after collection. */
export type ProcessingStage = 'analyse' | 'evaluate' | 'cluster';

/** How a scheduled fetch of a source ended. */
export type FetchOutcome = 'ok' | 'not_modified' | 'failed';

/** Where an error was counted. */
export type ErrorOrigin = 'api' | 'job' | 'collect' | 'delivery' | 'metrics';

/** The facts the running system reports. */
export interface MetricsRecorder {
  /** A scheduled fetch of `sourceId` found `found` items, with these outcomes. */
  itemsCollected(sourceId: string, found: number, outcomes: ItemOutcomeCounts): void;
  /** A pushed or imported batch into `sourceId`, with these outcomes. */
  itemsIngested(sourceId: string, path: IngestPath, outcomes: ItemOutcomeCounts): void;
  /** One scheduled fetch of a source ended. */
  sourceFetched(sourceId: string, outcome: FetchOutcome): void;
  /** `count` items went through a processing step. */
  itemsProcessed(stage: ProcessingStage, count: number): void;
  /** `count` alerts were raised by evaluation. */
  alertsRaised(count: number): void;
  /**
   * One delivery attempt through a channel of `kind` ended with `result`; `latencySeconds` is the time from
   * the alert's creation to the successful send (null unless sent).
   */
  deliveryAttempted(kind: string, result: string, latencySeconds: number | null): void;
  /** An error with a stable code was answered or recorded. */
  errorCounted(code: string, origin: ErrorOrigin): void;
  /** An HTTP request to `route` (the route pattern, not the URL) was answered with `status`. */
  httpRequestServed(method: string, route: string, status: number, seconds: number): void;
  /** A job attempt in `queue` ended. */
  jobFinished(queue: string, outcome: 'completed' | 'failed', seconds: number): void;
}

/** A recorder that records nothing: the explicit choice where no metrics are wanted. */
export const noMetrics: MetricsRecorder = Object.freeze({
  itemsCollected: () => undefined,
  itemsIngested: () => undefined,
  sourceFetched: () => undefined,
  itemsProcessed: () => undefined,
  alertsRaised: () => undefined,
  deliveryAttempted: () => undefined,
  errorCounted: () => undefined,
  httpRequestServed: () => undefined,
  jobFinished: () => undefined,
});
