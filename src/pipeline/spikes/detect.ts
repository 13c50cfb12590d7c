/**
 * The spike pipeline for one unit (issue 5 §3), one straight line: pick the latest closed bucket → load
 * the unit's enabled schemes and polled sources → completeness of the bucket and its seasonal history from
 * the fetch history → per scheme, hit volumes of those buckets → judge with the pure detector → return the
 * spikes that fired. It writes nothing; the caller turns findings into alerts (merging by `key`).
 */
import {
  bucketStartOf,
  bucketsNeeded,
  DEFAULT_SPIKE_SETTINGS,
  evaluateSpike,
  type SpikeBucket,
  type SpikeEvaluation,
  type SpikeSettings,
} from '../../analysis/spike/index.js';
import type { Scheme } from '../../domain/index.js';
import { completenessOf, enabledSchemes, expectedSources } from './load.js';
import type { SpikeDeps, SpikeFinding, SpikeRun, SpikeStorage } from './types.js';

/** The series of one scheme: counts from storage, completeness of the unit, nothing before the scheme existed. */
async function seriesOf(
  storage: SpikeStorage,
  scheme: Scheme,
  starts: readonly number[],
  completeness: ReadonlyMap<number, number>,
  settings: SpikeSettings,
): Promise<Map<number, SpikeBucket>> {
  const first = starts[0] ?? 0;
  const last = starts[starts.length - 1] ?? 0;
  const counts = await storage.schemeHits.countBuckets(
    scheme.id,
    first,
    last + settings.bucketMs,
    settings.bucketMs,
  );
  const byStart = new Map(counts.map((bucket) => [bucket.start, bucket]));
  const schemeFrom = bucketStartOf(scheme.createdAt, settings.bucketMs);
  return new Map(
    starts.map((start) => [
      start,
      {
        start,
        total: byStart.get(start)?.total ?? 0,
        negative: byStart.get(start)?.negative ?? 0,
        completeness: start < schemeFrom ? 0 : (completeness.get(start) ?? 0),
      },
    ]),
  );
}

function findingsOf(
  unitId: string,
  scheme: Scheme,
  evaluation: SpikeEvaluation,
  settings: SpikeSettings,
): SpikeFinding[] {
  return evaluation.verdicts
    .filter((verdict) => verdict.fired)
    .map((verdict) => ({
      key: `spike:${scheme.id}:${verdict.metric}:${evaluation.bucketStart}`,
      unitId,
      schemeId: scheme.id,
      schemeName: scheme.name,
      metric: verdict.metric,
      bucketStart: evaluation.bucketStart,
      bucketEnd: evaluation.bucketStart + settings.bucketMs,
      value: verdict.value,
      baseline: verdict.baseline,
      std: verdict.std,
      z: verdict.z,
      ratio: verdict.ratio,
      zThreshold: settings.zThreshold,
      minCount: verdict.metric === 'volume' ? settings.minCount : settings.minNegativeCount,
      completeness: evaluation.completeness,
      historyUsed: evaluation.historyUsed,
    }));
}

/** Judges the latest closed bucket of every enabled scheme of `unitId` at time `at`. */
export async function detectSpikes(
  deps: SpikeDeps,
  input: { unitId: string; at: number },
): Promise<SpikeRun> {
  const settings: SpikeSettings = { ...DEFAULT_SPIKE_SETTINGS, ...deps.settings };
  const bucketStart = bucketStartOf(input.at - (deps.settleMs ?? 0), settings.bucketMs) - settings.bucketMs;
  const starts = bucketsNeeded(bucketStart, settings);

  const schemes = await enabledSchemes(deps.storage, input.unitId);
  const sources = await expectedSources(deps.storage, input.unitId);
  const completeness = await completenessOf(deps.storage, sources, starts, settings.bucketMs, input.at);

  const run: SpikeRun = {
    unitId: input.unitId,
    bucketStart,
    bucketEnd: bucketStart + settings.bucketMs,
    completeness: completeness.get(bucketStart) ?? 0,
    findings: [],
    schemes: [],
  };
  for (const scheme of schemes) {
    const series = await seriesOf(deps.storage, scheme, starts, completeness, settings);
    const evaluation = evaluateSpike(series, bucketStart, settings);
    run.schemes.push({ schemeId: scheme.id, status: evaluation.status, historyUsed: evaluation.historyUsed });
    run.findings.push(...findingsOf(input.unitId, scheme, evaluation, settings));
  }
  return run;
}
