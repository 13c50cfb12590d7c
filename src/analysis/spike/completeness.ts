/**
 * Completeness of a bucket (数据完整性): the share of the sources expected to feed it that were healthy
 * around it. A bucket below the threshold is never judged (an outage does not raise an alarm by the drop,
 * nor hide one) and is left out of the baselines of later buckets.
 *
 * A source covers the bucket [start, end) when it fetched successfully (ok or not modified)
 *   - during it, or within its grace after the end (a source polled every 30 minutes covers the 15-minute
 *     bucket it skipped with the fetch that follows), and
 *   - within its grace before the start, so the bucket right after an outage — where the backlog lands,
 *     often stamped with the time it was collected — does not count as complete either.
 */

/** A source as completeness sees it. */
export interface ExpectedSource {
  id: string;
  /** Since when the source exists (created); it is not expected in buckets that end before. */
  activeFrom: number;
  /** The longest normal gap between two of its fetches (about one and a half polling intervals). */
  graceMs: number;
}

/** The successful fetches of one source around one bucket. */
export interface FetchesAround {
  /** Start of the earliest successful fetch at or after the bucket start. */
  firstFrom?: number;
  /** Start of the latest successful fetch before the bucket start. */
  lastBefore?: number;
}

function covers(
  source: ExpectedSource,
  start: number,
  end: number,
  fetches: FetchesAround | undefined,
): boolean {
  if (fetches === undefined) return false;
  const { firstFrom, lastBefore } = fetches;
  const after = firstFrom !== undefined && firstFrom >= start && firstFrom < end + source.graceMs;
  const before =
    source.activeFrom >= start - source.graceMs ||
    (lastBefore !== undefined && lastBefore < start && lastBefore >= start - source.graceMs);
  return after && before;
}

/**
 * The completeness (0–1) of the bucket [start, start + bucketMs) given each source's fetches around it.
 * A source created less than its grace before the bucket needs no fetch before it. No expected source
 * means nothing can be missing: 1.
 */
export function bucketCompleteness(
  start: number,
  bucketMs: number,
  sources: readonly ExpectedSource[],
  fetches: ReadonlyMap<string, FetchesAround>,
): number {
  const end = start + bucketMs;
  const expected = sources.filter((source) => source.activeFrom < end);
  if (expected.length === 0) return 1;
  const covered = expected.filter((source) => covers(source, start, end, fetches.get(source.id)));
  return covered.length / expected.length;
}
