/** Checking what a report asks for before any statement runs: a real period and a sane bucket size. */
import type { ReportQuery } from '../../domain/report-data.js';
import { AppError } from '../../platform/errors.js';

/** The most buckets a volume series may have (a chart cannot show more, and a mistake should not OOM). */
export const MAX_BUCKETS = 10_000;

function invalid(field: string, message: string, value: unknown): AppError {
  return new AppError('VALIDATION_FAILED', message, { field, value });
}

/** VALIDATION_FAILED unless `from` and `to` are integers with `from < to`. */
export function checkPeriod(query: Pick<ReportQuery, 'from' | 'to'>): void {
  if (!Number.isSafeInteger(query.from))
    throw invalid('from', 'from must be an epoch-ms integer', query.from);
  if (!Number.isSafeInteger(query.to)) throw invalid('to', 'to must be an epoch-ms integer', query.to);
  if (query.from >= query.to) {
    throw invalid('to', `to (${query.to}) must be after from (${query.from})`, query.to);
  }
}

/** VALIDATION_FAILED unless `bucketMs` is a positive integer giving at most {@link MAX_BUCKETS} over `span`. */
export function checkBuckets(bucketMs: number, span: number): number {
  if (!Number.isSafeInteger(bucketMs) || bucketMs <= 0) {
    throw invalid('bucketMs', 'bucketMs must be a positive integer', bucketMs);
  }
  const count = Math.max(1, Math.ceil(span / bucketMs));
  if (count > MAX_BUCKETS) {
    throw invalid(
      'bucketMs',
      `bucketMs ${bucketMs} gives ${count} buckets (at most ${MAX_BUCKETS})`,
      bucketMs,
    );
  }
  return count;
}
