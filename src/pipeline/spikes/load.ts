/** Loading steps of the spike pipeline: the unit's enabled schemes, its expected sources, completeness. */
import { bucketCompleteness, type ExpectedSource, type FetchesAround } from '../../analysis/spike/index.js';
import type { Scheme, Source } from '../../domain/index.js';
import type { SpikeStorage } from './types.js';

const PAGE = 500;

/** A source's normal gap between fetches, as a multiple of its (longest) polling interval: room for jitter. */
const GRACE_FACTOR = 1.5;

/** Source kinds that are fetched on a schedule and so leave a fetch history to judge completeness by. */
const POLLED_KINDS: ReadonlySet<Source['kind']> = new Set(['feed', 'page', 'json', 'comments', 'hotlist']);

/** Every enabled scheme of the unit. */
export async function enabledSchemes(
  storage: Pick<SpikeStorage, 'schemes'>,
  unitId: string,
): Promise<Scheme[]> {
  const schemes: Scheme[] = [];
  let cursor: string | null = null;
  do {
    const page = await storage.schemes.list(
      { unitIds: [unitId] },
      { enabled: true },
      { limit: PAGE, cursor },
    );
    schemes.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return schemes;
}

/**
 * The unit's enabled, polled sources as completeness expects them: present since they were created, with
 * a grace of one and a half (longest) polling intervals. Push and import
 * sources have no schedule, so their silence says nothing about completeness.
 */
export async function expectedSources(storage: SpikeStorage, unitId: string): Promise<ExpectedSource[]> {
  const sources: ExpectedSource[] = [];
  let cursor: string | null = null;
  do {
    const page = await storage.sources.list(
      { unitIds: [unitId] },
      { enabled: true },
      { limit: PAGE, cursor },
    );
    for (const source of page.items) {
      if (!POLLED_KINDS.has(source.kind)) continue;
      const intervalSeconds = Math.max(source.intervalSeconds, source.maxIntervalSeconds ?? 0);
      sources.push({
        id: source.id,
        activeFrom: source.createdAt,
        graceMs: intervalSeconds * GRACE_FACTOR * 1000,
      });
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return sources;
}

/**
 * Completeness of each bucket in `starts`, from fetches started before `at`: per bucket one window after
 * its start (for the first success) and one before it (for the last), as wide as the longest grace.
 */
export async function completenessOf(
  storage: SpikeStorage,
  sources: readonly ExpectedSource[],
  starts: readonly number[],
  bucketMs: number,
  at: number,
): Promise<Map<number, number>> {
  const maxGrace = Math.max(0, ...sources.map((source) => source.graceMs));
  const after = starts.map((start) => ({ from: start, to: Math.min(start + bucketMs + maxGrace, at) }));
  const before = starts.map((start) => ({ from: start - maxGrace, to: Math.min(start, at) }));
  const spans = await storage.completeness.successSpans(
    sources.map((source) => source.id),
    [...after, ...before],
  );
  return new Map(
    starts.map((start, index) => {
      const fetches = new Map<string, FetchesAround>();
      for (const [sourceId, span] of spans[index] ?? []) fetches.set(sourceId, { firstFrom: span.first });
      for (const [sourceId, span] of spans[starts.length + index] ?? []) {
        fetches.set(sourceId, { ...fetches.get(sourceId), lastBefore: span.last });
      }
      return [start, bucketCompleteness(start, bucketMs, sources, fetches)];
    }),
  );
}
