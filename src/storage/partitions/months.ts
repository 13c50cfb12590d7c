/**
 * The calendar of item partitions on PostgreSQL, as pure arithmetic. Items are partitioned by `id`, whose
 * first 12 hex digits are the epoch milliseconds of the moment it was minted (src/platform/ids.ts), so a
 * range of ids is a range of time. Partitions are whole UTC months: `items_p2026_11` holds the ids from
 * hex(2026-11-01T00:00Z) up to, not including, hex(2026-12-01T00:00Z).
 */

/** Hex digits of time at the start of every item id. */
export const ID_TIME_DIGITS = 12;

/** The earliest month a partition is made for; rows with older-looking ids stay in the DEFAULT partition. */
export const EARLIEST_PARTITION_MS = Date.UTC(2000, 0, 1);

/** How many months after the current one get a partition ahead of need. */
export const MONTHS_AHEAD = 3;

/**
 * How far an item's publication time may lie after the moment its id was minted. Normalisation clamps
 * publication times to at most 10 minutes past collection (pipeline/collect/normalise.ts); a day leaves room
 * for clock differences between machines.
 */
export const PUBLISHED_AFTER_ID_SLACK_MS = 24 * 3600 * 1000;

/** One month's partition: its table name, its id bounds, and the times they stand for. */
export interface MonthPartition {
  name: string;
  /** The first id of the month (inclusive bound). */
  fromId: string;
  /** The first id of the next month (exclusive bound). */
  toId: string;
  startMs: number;
  endMs: number;
}

/** The id prefix of instant `ms`: the lowest id minted at or after it sorts at or after this string. */
export function idPrefixAt(ms: number): string {
  return Math.max(0, Math.floor(ms)).toString(16).padStart(ID_TIME_DIGITS, '0');
}

/** When id `id` was minted, or null when it does not start with 12 hex digits. */
export function timeOfId(id: string): number | null {
  const prefix = id.slice(0, ID_TIME_DIGITS);
  return /^[0-9a-f]{12}$/.test(prefix) ? Number.parseInt(prefix, 16) : null;
}

/** The start of the UTC month that contains `ms`. */
export function monthStartOf(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** The start of the UTC month `count` months after the one that starts at `monthStart`. */
export function addMonths(monthStart: number, count: number): number {
  const date = new Date(monthStart);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count, 1);
}

/** The partition of the UTC month that contains `ms`. */
export function monthPartitionOf(ms: number): MonthPartition {
  const startMs = monthStartOf(ms);
  const endMs = addMonths(startMs, 1);
  const date = new Date(startMs);
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return {
    name: `items_p${date.getUTCFullYear()}_${month}`,
    fromId: idPrefixAt(startMs),
    toId: idPrefixAt(endMs),
    startMs,
    endMs,
  };
}

/** The partitions of the month of `now` and the {@link MONTHS_AHEAD} months after it. */
export function monthsAheadOf(now: number, ahead: number = MONTHS_AHEAD): MonthPartition[] {
  const first = monthStartOf(now);
  return Array.from({ length: ahead + 1 }, (_, index) => monthPartitionOf(addMonths(first, index)));
}

/** The latest instant (exclusive) a partition is made for at `now`: the end of the last month ahead. */
export function partitionHorizonOf(now: number, ahead: number = MONTHS_AHEAD): number {
  return addMonths(monthStartOf(now), ahead + 1);
}

/**
 * The lowest id an item published at or after `publishedFrom` can have. An id is minted when the item is
 * collected, and an item is never published more than {@link PUBLISHED_AFTER_ID_SLACK_MS} after that, so a
 * search from a date reads only the partitions from that date on.
 */
export function idFloorForPublishedFrom(publishedFrom: number): string {
  return idPrefixAt(publishedFrom - PUBLISHED_AFTER_ID_SLACK_MS);
}
