/**
 * Collection as the API and other callers use it: validate a source config, preview a source, queue a
 * fetch now, and accept pushed items. Built once by the composition root (and by API tests) from the
 * collect pipeline's dependencies and the job queue.
 */
import type { RawItem } from '../../domain/collection.js';
import type { Source, SourceKind } from '../../domain/entities.js';
import type { JobQueue } from '../../jobs/queue.js';
import { acceptItems, type AcceptSummary } from './accept.js';
import { previewSource, type SourcePreview } from './preview.js';
import type { CollectDeps } from './run.js';

/** The collection operations of the API. */
export interface CollectionOperations {
  validateConfig(kind: SourceKind, config: unknown): void;
  preview(source: Source): Promise<SourcePreview>;
  fetchNow(sourceId: string): Promise<{ jobId: string; duplicate: boolean }>;
  accept(source: Source, items: readonly (RawItem | { rejected: string })[]): Promise<AcceptSummary>;
  readonly maxIngestItems: number;
}

/** Builds the collection operations over the collect pipeline and the job queue. */
export function createCollectionOperations(
  deps: CollectDeps,
  queue: JobQueue,
  maxIngestItems: number,
): CollectionOperations {
  return {
    validateConfig: (kind, config) => {
      deps.kinds.validateConfig(kind, config);
    },
    preview: (source) => previewSource(deps, source),
    fetchNow: async (sourceId) => {
      const now = deps.clock.now();
      const queued = await queue.enqueue(
        'collect',
        { sourceId },
        { idempotencyKey: `collect:${sourceId}:now:${now}` },
      );
      return { jobId: queued.id, duplicate: queued.duplicate };
    },
    accept: (source, items) => acceptItems(deps, source, items, deps.clock.now()),
    maxIngestItems,
  };
}
