/**
 * Items that arrive from outside — pushed by an external crawler or read from an import file — go through
 * the same normalisation, dedup and storage as fetched ones. One batch is one transaction, and the answer
 * says for every item, in order, whether it was stored, updated, a duplicate or rejected and why.
 */
import type { Analysers } from '../../analysis/analyze/analyze.js';
import type { Segmenter } from '../../analysis/segment/segmenter.js';
import type { RawItem } from '../../domain/collection.js';
import type { Source } from '../../domain/entities.js';
import { newId } from '../../platform/ids.js';
import { noMetrics, type MetricsRecorder } from '../../platform/metrics/index.js';
import type { Storage } from '../../storage/repositories.js';
import { normaliseRawItem, type Candidate } from './normalise.js';
import { normaliseContextOf } from './normalise-batch.js';
import { storeCandidates, type CandidateOutcome } from './store.js';

/** What became of one item of a batch. */
export type AcceptOutcome = CandidateOutcome | { status: 'rejected'; itemId: null; reason: string };

/** Counts of a batch. */
export interface AcceptSummary {
  outcomes: AcceptOutcome[];
  inserted: number;
  updated: number;
  duplicates: number;
  rejected: number;
}

/** What accepting needs. */
export interface AcceptDeps {
  storage: Storage;
  segmenter: Segmenter;
  analysers: Analysers | null;
  settings: { defaultTimeZone: string; author: { mode: 'plain' | 'hash'; key: string } };
  /** Told the ids of new and edited items after the commit (see CollectDeps.onStored); must not throw. */
  onStored?: (itemIds: readonly string[]) => Promise<void>;
  /** Where accepted batches are counted; absent counts nothing ({@link noMetrics}). */
  metrics?: MetricsRecorder;
}

/**
 * Normalises and stores `items` of `source` received at `now`. `rejectedBefore` carries items the caller
 * already refused (bad JSON, schema errors) by their position, so the answer lists every position once.
 */
export async function acceptItems(
  deps: AcceptDeps,
  source: Source,
  items: readonly (RawItem | { rejected: string })[],
  now: number,
): Promise<AcceptSummary> {
  const context = normaliseContextOf(source, now, deps);

  const outcomes: (AcceptOutcome | number)[] = [];
  const candidates: Candidate[] = [];
  for (const item of items) {
    if ('rejected' in item) {
      outcomes.push({ status: 'rejected', itemId: null, reason: item.rejected });
      continue;
    }
    const result = normaliseRawItem(item, newId(now), context);
    if (result.ok) outcomes.push(candidates.push(result.candidate) - 1);
    else outcomes.push({ status: 'rejected', itemId: null, reason: result.reason });
  }
  const stored = await deps.storage.transaction(async (tx) => {
    const summary = await storeCandidates(tx, source.id, candidates, now, deps.analysers?.duplicates ?? null);
    await tx.sources.recordFetch(source.id, {
      at: now,
      ok: true,
      newItems: summary.inserted.length,
      nextFetchAt: now,
      health: 'ok',
      error: null,
    });
    return summary;
  });
  const final = outcomes.map((outcome) =>
    typeof outcome === 'number' ? (stored.outcomes[outcome] ?? rejectedInternally()) : outcome,
  );
  const summary = {
    outcomes: final,
    inserted: stored.inserted.length,
    updated: stored.updated.length,
    duplicates: final.filter((o) => o.status === 'duplicate' || o.status === 'tombstoned').length,
    rejected: final.filter((o) => o.status === 'rejected').length,
  };
  countAccepted(deps.metrics ?? noMetrics, source, summary, deps.analysers ? candidates.length : 0);
  const changed = [...stored.inserted, ...stored.updated];
  if (deps.onStored && changed.length > 0) await deps.onStored(changed);
  return summary;
}

/** Counts a stored batch by path (the source's kind: push or import) and the items analysed. */
function countAccepted(
  metrics: MetricsRecorder,
  source: Source,
  summary: AcceptSummary,
  analysed: number,
): void {
  metrics.itemsIngested(source.id, source.kind === 'import' ? 'import' : 'push', {
    inserted: summary.inserted,
    updated: summary.updated,
    duplicate: summary.duplicates,
    rejected: summary.rejected,
  });
  metrics.itemsProcessed('analyse', analysed);
}

function rejectedInternally(): AcceptOutcome {
  return { status: 'rejected', itemId: null, reason: 'internal: no outcome recorded' };
}
