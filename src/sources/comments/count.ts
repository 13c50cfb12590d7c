/** Counts as comment widgets print them: `35`, `1,024`, `赞 35`, `1.2万`, `3k`. */

const UNITS: Readonly<Record<string, number>> = { 万: 10_000, w: 10_000, 亿: 100_000_000, k: 1_000 };

/** The count in `value` (number or text), or null when there is none. */
export function readCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
  if (typeof value !== 'string') return null;
  const match = /(\d+(?:\.\d+)?)\s*(万|亿|w|k)?/iu.exec(value.replace(/,/gu, ''));
  if (!match?.[1]) return null;
  const unit = match[2] ? (UNITS[match[2].toLowerCase()] ?? 1) : 1;
  return Math.round(Number(match[1]) * unit);
}
