/**
 * The evaluation job (DESIGN.md §2): analysed items → scheme hits → events → alert rules. Straight line:
 * load the items and what is known about their sources and authors, match every unit's schemes, record the
 * hits, cluster the items into events, turn hits and touched events into signals, run each signal through
 * the unit's rules (which write alerts and their outbox rows in one transaction), then mark the items
 * evaluated. Running a batch twice records no hit and no membership twice.
 */
import type { AlertServiceDeps } from '../../alerts/service/deps.js';
import { loadEnabledRules, processSignal } from '../../alerts/service/index.js';
import type { AlertSignal } from '../../alerts/rules/signals.js';
import type { Item } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import { noMetrics, type MetricsRecorder } from '../../platform/metrics/index.js';
import type { Storage } from '../../storage/repositories.js';
import { clusterItems, type ClusterDeps } from '../cluster/index.js';
import { storageJoining } from './in-transaction.js';
import { loadItemContext } from './item-context.js';
import type { SchemeMatcherCache } from './scheme-matchers.js';
import { eventSignal, schemeHitSignal, type SchemeBatchHits } from './signals.js';

/** What evaluation needs, from the composition root. */
export interface EvaluateDeps {
  storage: Storage;
  clock: Clock;
  logger: Logger;
  schemes: SchemeMatcherCache;
  /** Clustering settings (IDF, tunables); null leaves events out. */
  cluster: Omit<ClusterDeps, 'storage' | 'clock' | 'authorityOf'> | null;
  alerts: AlertServiceDeps;
  /** The key of keyed author hashes (AUTHOR_STORAGE=hash), to recognise key accounts; null for plain names. */
  authorHashKey: string | null;
  /** Items published longer ago than this are matched and clustered but raise no alerts (imports of archives). */
  alertHorizonMs: number;
  /** Told after alerts went out in a committed transaction (wakes the dispatcher). */
  onNotified?: () => void;
  /** Where evaluated and clustered items and raised alerts are counted; absent counts nothing ({@link noMetrics}). */
  metrics?: MetricsRecorder;
}

/** What one evaluation did. */
export interface EvaluateReport {
  items: number;
  schemeHits: number;
  eventsTouched: number;
  signals: number;
  alertsRaised: number;
  notified: number;
}

/**
 * Matches, clusters and evaluates those of the items with these ids that no evaluation has looked at yet.
 * Each unit's evaluation holds that unit's lock (across processes), and the items still unevaluated are
 * read under it: a job that runs twice, or a sweep that queued items whose first job was still waiting,
 * finds them done and changes nothing, and two workers never cluster or alert on one unit at once.
 */
export async function evaluateItems(deps: EvaluateDeps, itemIds: readonly string[]): Promise<EvaluateReport> {
  const loaded = await deps.storage.items.getMany(itemIds);
  const units = [...new Set(loaded.map((item) => item.unitId))].sort();
  return holdingAll(deps.storage, units.map(evaluationLockOf), async () => {
    const pending = await deps.storage.items.unevaluated(itemIds);
    const wanted = new Set(pending);
    return evaluatePending(
      deps,
      loaded.filter((item) => wanted.has(item.id)),
      pending,
    );
  });
}

/** The name of the lock that serialises evaluation of one unit's items. */
export function evaluationLockOf(unitId: string): string {
  return `evaluate:${unitId}`;
}

/** Holds every named lock, in the order given (callers sort them, so two holders never wait on each other). */
function holdingAll<T>(storage: Storage, names: readonly string[], work: () => Promise<T>): Promise<T> {
  const [first, ...rest] = names;
  if (first === undefined) return work();
  return storage.locks.hold(first, () => holdingAll(storage, rest, work));
}

async function evaluatePending(
  deps: EvaluateDeps,
  loaded: readonly Item[],
  itemIds: readonly string[],
): Promise<EvaluateReport> {
  const now = deps.clock.now();
  // load
  const items = loaded.filter((item) => item.analysedAt !== null);
  const context = await loadItemContext(deps.storage, items, deps.authorHashKey);
  // match
  const hits = await matchSchemes(deps, items);
  await deps.storage.schemeHits.record(
    hits.flatMap(({ scheme, items: matched }) =>
      matched.map((item) => ({
        schemeId: scheme.id,
        itemId: item.id,
        unitId: item.unitId,
        publishedAt: item.publishedAt,
        negative: item.sentiment === 'negative',
      })),
    ),
  );
  // cluster
  const clustered = deps.cluster
    ? await clusterItems(
        {
          ...deps.cluster,
          storage: deps.storage,
          clock: deps.clock,
          authorityOf: (member) => context.authorityOf(member).weight,
        },
        items.map((item) => item.id),
      )
    : null;
  // signals
  const horizon = now - deps.alertHorizonMs;
  const signals: AlertSignal[] = [];
  const watched = await schemesWatchedByRules(deps, hits);
  for (const batch of hits) {
    const fresh = batch.items.filter((item) => item.publishedAt >= horizon);
    if (fresh.length > 0 && watched.has(batch.scheme.id))
      signals.push(
        await schemeHitSignal(deps.storage, { ...batch, items: fresh }, context, now, deps.authorHashKey),
      );
  }
  for (const eventId of clustered?.touched ?? []) {
    const signal = await eventSignal(deps.storage, eventId, now, horizon);
    if (signal) signals.push(signal);
  }
  // evaluate and store: the alerts' counts and outbox rows commit together with the items' evaluated mark,
  // so a crash in between leaves both undone and the rerun counts every item once
  const { raised, notified } = await deps.storage.transaction(async (tx) => {
    const alerts = { ...deps.alerts, storage: storageJoining(tx) };
    let created = 0;
    let told = 0;
    for (const signal of signals) {
      const outcomes = await processSignal(alerts, signal);
      created += outcomes.filter((outcome) => outcome.created).length;
      told += outcomes.filter((outcome) => outcome.notified).length;
    }
    await tx.items.markEvaluated(itemIds, now);
    return { raised: created, notified: told };
  });
  if (notified > 0) deps.onNotified?.();
  const metrics = deps.metrics ?? noMetrics;
  metrics.itemsProcessed('evaluate', items.length);
  metrics.itemsProcessed('cluster', clustered?.assigned ?? 0);
  metrics.alertsRaised(raised);
  return {
    items: items.length,
    schemeHits: hits.reduce((sum, batch) => sum + batch.items.length, 0),
    eventsTouched: clustered?.touched.length ?? 0,
    signals: signals.length,
    alertsRaised: raised,
    notified,
  };
}

/**
 * The matched schemes that some enabled scheme-hit rule of their unit watches: only those become signals,
 * so schemes nobody set a rule on cost no signal building (which reads the scheme's recent hits).
 */
async function schemesWatchedByRules(
  deps: EvaluateDeps,
  hits: readonly SchemeBatchHits[],
): Promise<Set<string>> {
  const watched = new Set<string>();
  const unitIds = [...new Set(hits.map((batch) => batch.scheme.unitId))];
  if (unitIds.length === 0) return watched;
  const rules = await loadEnabledRules(deps.alerts, unitIds);
  for (const batch of hits) {
    const watching = rules.some(
      (rule) =>
        rule.unitId === batch.scheme.unitId &&
        rule.trigger.kind === 'scheme_hit' &&
        (rule.trigger.schemeIds.length === 0 || rule.trigger.schemeIds.includes(batch.scheme.id)),
    );
    if (watching) watched.add(batch.scheme.id);
  }
  return watched;
}

/** The items of the batch each scheme of their unit matched, schemes in a stable order. */
async function matchSchemes(deps: EvaluateDeps, items: readonly Item[]): Promise<SchemeBatchHits[]> {
  const byScheme = new Map<string, SchemeBatchHits>();
  for (const item of items) {
    const unit = await deps.schemes.forUnit(item.unitId);
    for (const match of unit.matcher.match({ title: item.title, content: item.content })) {
      const scheme = unit.schemes.get(match.schemeId);
      if (!scheme) continue;
      const entry = byScheme.get(scheme.id) ?? { scheme, items: [] };
      entry.items.push(item);
      byScheme.set(scheme.id, entry);
    }
  }
  return [...byScheme.values()];
}
