/**
 * Normalises everything one fetch, push or import batch returned, keeping the refusals with their reasons
 * so that the fetch history, the push answer and the import summary can say what was dropped and why.
 */
import type { Analysers } from '../../analysis/analyze/analyze.js';
import type { Segmenter } from '../../analysis/segment/segmenter.js';
import type { RawItem } from '../../domain/collection.js';
import type { Source } from '../../domain/entities.js';
import { newId } from '../../platform/ids.js';
import { normaliseRawItem, type Candidate, type NormaliseContext } from './normalise.js';

/** An item that was not stored, and why. `where` names it (its index, URL or line). */
export interface Rejection {
  reason: string;
  where: string;
}

/** What normalisation needs beyond the items. */
export interface NormaliseDeps {
  segmenter: Segmenter;
  /** Full analysis before storing (null: store unanalysed). */
  analysers: Analysers | null;
  settings: { defaultTimeZone: string; author: { mode: 'plain' | 'hash'; key: string } };
}

/** The normalisation context of items of `source` received at `now`. */
export function normaliseContextOf(
  source: Pick<Source, 'id' | 'unitId' | 'platform' | 'region' | 'timeZone'>,
  now: number,
  deps: NormaliseDeps,
): NormaliseContext {
  return {
    unitId: source.unitId,
    sourceId: source.id,
    platform: source.platform,
    sourceRegion: source.region,
    now,
    timeZone: source.timeZone ?? deps.settings.defaultTimeZone,
    author: deps.settings.author,
    segmenter: deps.segmenter,
    analysers: deps.analysers,
  };
}

/** Normalises `items` of `source` collected at `now`. */
export function normaliseBatch(
  items: readonly RawItem[],
  source: Pick<Source, 'id' | 'unitId' | 'platform' | 'region' | 'timeZone'>,
  now: number,
  deps: NormaliseDeps,
): { candidates: Candidate[]; rejected: Rejection[] } {
  const context = normaliseContextOf(source, now, deps);
  const candidates: Candidate[] = [];
  const rejected: Rejection[] = [];
  items.forEach((raw, index) => {
    const result = normaliseRawItem(raw, newId(now), context);
    if (result.ok) candidates.push(result.candidate);
    else rejected.push({ reason: result.reason, where: raw.url ?? raw.externalId ?? `item ${index + 1}` });
  });
  return { candidates, rejected };
}
