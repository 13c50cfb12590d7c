/** What completeness gating needs from the fetch history (issue 5 §3). */

/** A time range [from, to). */
export interface TimeWindow {
  from: number;
  to: number;
}

/** The first and the last successful fetch of a source in a window (their start times). */
export interface SuccessSpan {
  first: number;
  last: number;
}

/** Successful fetches (ok or not modified) of sources. */
export interface CompletenessRepository {
  /**
   * For each window (in order): source id → start of the source's first and last successful fetch in the
   * window. Sources without one are absent. One query per window, on the (source, started_at) index.
   */
  successSpans(
    sourceIds: readonly string[],
    windows: readonly TimeWindow[],
  ): Promise<Map<string, SuccessSpan>[]>;
}
