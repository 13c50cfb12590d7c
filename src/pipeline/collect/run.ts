/**
 * The collect job (DESIGN.md §2): one straight-line orchestrator per fetch of a source.
 * load source → validate config → fetch + parse (the kind) → normalise → in one transaction: dedup and
 * store items, track hot-list topics, record the fetch, its history and the next fetch time → report.
 * Everything a fetch stores lands in one transaction with the source's new state, so a crash in the middle
 * loses nothing already stored and the rerun repeats nothing: dedup recognises what the last run kept.
 */
import { hotTopicKey } from '../../sources/hotlist/index.js';
import type { SourceKindRegistry } from '../../sources/registry.js';
import type { CollectResult, HttpFetcher } from '../../sources/types.js';
import type { HotEntry, KeyPeriod } from '../../domain/collection.js';
import type { Source } from '../../domain/entities.js';
import type { Analysers } from '../../analysis/analyze/analyze.js';
import type { Segmenter } from '../../analysis/segment/segmenter.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { noMetrics, type MetricsRecorder } from '../../platform/metrics/index.js';
import type { Storage } from '../../storage/repositories.js';
import { normaliseBatch, type Rejection } from './normalise-batch.js';
import { kindStateOf, scheduleAfterFetch, type ScheduleUpdate } from './schedule-update.js';
import { storeCandidates, type StoreSummary } from './store.js';

/** What the collect job needs. */
export interface CollectDeps {
  storage: Storage;
  http: HttpFetcher;
  kinds: SourceKindRegistry;
  segmenter: Segmenter;
  /** Full analysis of every item before it is stored (null: stored unanalysed, for a later reanalyze). */
  analysers: Analysers | null;
  clock: Clock;
  logger: Logger;
  /** Returns a number in [0, 1) (jitter); tests pass a fixed one. */
  random: () => number;
  settings: {
    defaultTimeZone: string;
    failingAfter: number;
    author: { mode: 'plain' | 'hash'; key: string };
  };
  /**
   * Told the ids of new and edited items after their transaction commits, to queue evaluation (schemes,
   * events, alerts). Items it misses (a crash right after the commit) are found by the evaluation sweep.
   */
  onStored?: (itemIds: readonly string[]) => Promise<void>;
  /** Where fetches and their items are counted; absent counts nothing ({@link noMetrics}). */
  metrics?: MetricsRecorder;
}

/** The outcome of one collect. */
export interface CollectReport {
  sourceId: string;
  outcome: 'ok' | 'not_modified' | 'failed' | 'skipped';
  found: number;
  inserted: string[];
  updated: string[];
  duplicates: number;
  rejected: Rejection[];
  error: { code: string; message: string } | null;
  nextFetchAt: number | null;
}

/** Fetches one source now and stores what is new. Failures are recorded on the source, not thrown. */
export async function collectSource(
  deps: CollectDeps,
  sourceId: string,
  signal?: AbortSignal,
): Promise<CollectReport> {
  const source = await deps.storage.sources.get(sourceId);
  if (!source?.enabled) return skipped(sourceId);
  const startedAt = deps.clock.now();
  let result: CollectResult;
  try {
    result = await fetchAndParse(deps, source, startedAt, signal);
  } catch (error) {
    return recordFailure(deps, source, startedAt, error);
  }
  const { candidates, rejected } = normaliseBatch(result.items, source, startedAt, deps);
  rejected.push(...(result.skipped ?? []));
  const keyPeriods = await deps.storage.keyPeriods.activeAt(startedAt);
  const report = await deps.storage.transaction(async (tx) => {
    const stored = await storeCandidates(
      tx,
      source.id,
      candidates,
      startedAt,
      deps.analysers?.duplicates ?? null,
    );
    if (result.hotEntries?.length) await trackHotTopics(tx, source.id, startedAt, result.hotEntries);
    const schedule = scheduleFor(deps, source, startedAt, keyPeriods, {
      ok: true,
      stored,
      notModified: result.notModified,
    });
    await tx.sources.recordFetch(source.id, {
      at: startedAt,
      ok: true,
      newItems: stored.inserted.length,
      nextFetchAt: schedule.nextFetchAt,
      state: { kind: result.state, poll: schedule.poll },
      error: null,
      health: schedule.health,
    });
    await recordRun(tx, source, startedAt, deps.clock.now(), {
      outcome: result.notModified ? 'not_modified' : 'ok',
      found: result.items.length,
      stored,
      rejected,
      httpStatus: result.httpStatus ?? null,
      error: null,
    });
    await raiseHealthEvent(tx, source, schedule, startedAt, 'fetched again after problems');
    return okReport(source.id, result, stored, rejected, schedule);
  });
  deps.logger.info(
    {
      sourceId,
      inserted: report.inserted.length,
      updated: report.updated.length,
      duplicates: report.duplicates,
    },
    'source collected',
  );
  countCollected(deps.metrics ?? noMetrics, report, deps.analysers ? candidates.length : 0);
  await notifyStored(deps, [...report.inserted, ...report.updated]);
  return report;
}

/** Counts a stored fetch: the fetch, its items by outcome, and the items analysed before storing. */
function countCollected(metrics: MetricsRecorder, report: CollectReport, analysed: number): void {
  metrics.sourceFetched(report.sourceId, report.outcome === 'not_modified' ? 'not_modified' : 'ok');
  metrics.itemsCollected(report.sourceId, report.found, {
    inserted: report.inserted.length,
    updated: report.updated.length,
    duplicate: report.duplicates,
    rejected: report.rejected.length,
  });
  metrics.itemsProcessed('analyse', analysed);
}

/** Hands stored item ids to `onStored`; a failure there is logged, never undoes the stored fetch. */
async function notifyStored(deps: CollectDeps, itemIds: readonly string[]): Promise<void> {
  if (!deps.onStored || itemIds.length === 0) return;
  try {
    await deps.onStored(itemIds);
  } catch (error) {
    deps.logger.warn({ err: error, items: itemIds.length }, 'could not queue evaluation of stored items');
  }
}

async function fetchAndParse(
  deps: CollectDeps,
  source: Source,
  now: number,
  signal?: AbortSignal,
): Promise<CollectResult> {
  const adapter = deps.kinds.get(source.kind);
  if (!adapter)
    throw new AppError('SOURCE_CONFIG_INVALID', `source kind "${source.kind}" is not fetched on a schedule`);
  const config = deps.kinds.validateConfig(source.kind, source.config);
  return adapter.collect(
    {
      http: deps.http,
      now,
      timeZone: source.timeZone ?? deps.settings.defaultTimeZone,
      fetchDefaults: { ignoreRobots: source.ignoreRobots, ...(signal && { signal }) },
      log: (message, detail) => deps.logger.debug({ sourceId: source.id, ...detail }, message),
    },
    source,
    config,
    kindStateOf(source.state),
  );
}

async function recordFailure(
  deps: CollectDeps,
  source: Source,
  startedAt: number,
  error: unknown,
): Promise<CollectReport> {
  const failure = describeError(error);
  const keyPeriods = await deps.storage.keyPeriods.activeAt(startedAt);
  const schedule = scheduleFor(deps, source, startedAt, keyPeriods, {
    ok: false,
    retryAfterMs: failure.retryAfterMs,
  });
  await deps.storage.transaction(async (tx) => {
    await tx.sources.recordFetch(source.id, {
      at: startedAt,
      ok: false,
      newItems: 0,
      nextFetchAt: schedule.nextFetchAt,
      state: { kind: kindStateOf(source.state), poll: schedule.poll },
      error: { code: failure.code, message: failure.message },
      health: schedule.health,
    });
    await recordRun(tx, source, startedAt, deps.clock.now(), {
      outcome: 'failed',
      found: 0,
      stored: null,
      rejected: [],
      httpStatus: failure.httpStatus,
      error: failure,
    });
    await raiseHealthEvent(tx, source, schedule, startedAt, `${failure.code}: ${failure.message}`);
  });
  deps.logger.warn({ sourceId: source.id, code: failure.code, err: failure.message }, 'source fetch failed');
  const metrics = deps.metrics ?? noMetrics;
  metrics.sourceFetched(source.id, 'failed');
  metrics.errorCounted(failure.code, 'collect');
  return {
    ...skipped(source.id),
    outcome: 'failed',
    error: { code: failure.code, message: failure.message },
    nextFetchAt: schedule.nextFetchAt,
  };
}

type Tx = Parameters<Parameters<Storage['transaction']>[0]>[0];

/** The storage must not be used here: inside a transaction SQLite's one connection is taken. */
function scheduleFor(
  deps: CollectDeps,
  source: Source,
  now: number,
  keyPeriods: readonly KeyPeriod[],
  fetch:
    { ok: true; stored: StoreSummary; notModified: boolean } | { ok: false; retryAfterMs: number | null },
): ScheduleUpdate {
  return scheduleAfterFetch({
    source,
    now,
    keyPeriods,
    failingAfter: deps.settings.failingAfter,
    random: deps.random(),
    fetch: fetch.ok
      ? {
          ok: true,
          newItems: fetch.stored.inserted.length,
          notModified: fetch.notModified,
          retryAfterMs: null,
        }
      : { ok: false, newItems: 0, notModified: false, retryAfterMs: fetch.retryAfterMs },
  });
}

async function trackHotTopics(
  tx: Tx,
  sourceId: string,
  at: number,
  entries: readonly HotEntry[],
): Promise<void> {
  await tx.hotTopics.upsertSightings(
    sourceId,
    at,
    entries.map((entry) => ({
      key: hotTopicKey(entry.title),
      title: entry.title,
      url: entry.url ?? null,
      rank: entry.rank,
      heat: entry.heat ?? null,
    })),
  );
}

async function recordRun(
  tx: Tx,
  source: Source,
  startedAt: number,
  finishedAt: number,
  run: {
    outcome: 'ok' | 'not_modified' | 'failed';
    found: number;
    stored: StoreSummary | null;
    rejected: Rejection[];
    httpStatus: number | null;
    error: { code: string; message: string } | null;
  },
): Promise<void> {
  await tx.fetchRuns.record({
    sourceId: source.id,
    startedAt,
    finishedAt,
    outcome: run.outcome,
    found: run.found,
    inserted: run.stored?.inserted.length ?? 0,
    updated: run.stored?.updated.length ?? 0,
    duplicates: (run.stored?.duplicates ?? 0) + (run.stored?.tombstoned ?? 0),
    rejected: run.rejected.length,
    errorCode: run.error?.code ?? null,
    errorMessage: run.error?.message ?? null,
    httpStatus: run.httpStatus,
    durationMs: finishedAt - startedAt,
    detail: { rejected: run.rejected.slice(0, 50) },
  });
}

async function raiseHealthEvent(
  tx: Tx,
  source: Source,
  schedule: ScheduleUpdate,
  at: number,
  detail: string,
): Promise<void> {
  if (schedule.event === null) return;
  const text =
    schedule.event === 'silent'
      ? `nothing new for more than twice the expected ${source.expectedPeriodSeconds ?? 0} s`
      : detail;
  await tx.sourceHealthEvents.append({
    sourceId: source.id,
    unitId: source.unitId,
    state: schedule.event,
    detail: text,
    at,
  });
}

function describeError(error: unknown): {
  code: string;
  message: string;
  httpStatus: number | null;
  retryAfterMs: number | null;
} {
  if (isAppError(error)) {
    const status = error.details['status'];
    const retryAfter = error.details['retryAfterMs'];
    return {
      code: error.code,
      message: error.message,
      httpStatus: typeof status === 'number' ? status : null,
      retryAfterMs: typeof retryAfter === 'number' ? retryAfter : null,
    };
  }
  return {
    code: 'INTERNAL',
    message: error instanceof Error ? error.message : String(error),
    httpStatus: null,
    retryAfterMs: null,
  };
}

function okReport(
  sourceId: string,
  result: CollectResult,
  stored: StoreSummary,
  rejected: Rejection[],
  schedule: ScheduleUpdate,
): CollectReport {
  return {
    sourceId,
    outcome: result.notModified ? 'not_modified' : 'ok',
    found: result.items.length,
    inserted: stored.inserted,
    updated: stored.updated,
    duplicates: stored.duplicates + stored.tombstoned,
    rejected,
    error: null,
    nextFetchAt: schedule.nextFetchAt,
  };
}

function skipped(sourceId: string): CollectReport {
  return {
    sourceId,
    outcome: 'skipped',
    found: 0,
    inserted: [],
    updated: [],
    duplicates: 0,
    rejected: [],
    error: null,
    nextFetchAt: null,
  };
}
