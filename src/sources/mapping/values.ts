/**
 * Turning mapped field values into item fields: text, counts (`1.2万`, `10万+`, `1,234`), and times (epoch
 * seconds or milliseconds, numbers or digit strings, or text with a zone → epoch ms; anything else stays text
 * for the normaliser, which knows the fetch time and the time zone).
 */

/** Epoch values below this are seconds (it is 5138 in seconds, 1973 in milliseconds). */
const SECONDS_BELOW = 1e11;

const UNITS: Record<string, number> = {
  万: 1e4,
  w: 1e4,
  W: 1e4,
  亿: 1e8,
  千: 1e3,
  k: 1e3,
  K: 1e3,
  百万: 1e6,
  千万: 1e7,
  m: 1e6,
  M: 1e6,
};

const COUNT = /^([+-]?\d+(?:\.\d+)?)\s*(百万|千万|[万亿千wWkKmM])?\s*\+?$/u;

/** The value as trimmed text, or null for null, undefined, empty strings, objects and arrays. */
export function toText(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** An id as text (numbers without exponent notation); null when absent. */
export function toId(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value.toFixed(0);
  return toText(value);
}

/**
 * A count as a non-negative integer: numbers, digit strings with thousands separators, and Chinese
 * abbreviations (`1.2万`, `3亿`, `10万+`, `4.5w`, `2k`). Null when the value holds no count.
 */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
  if (typeof value !== 'string') return null;
  const compact = value.trim().replace(/[,，\s]/gu, '');
  const match = COUNT.exec(compact);
  if (!match?.[1]) return null;
  const number = Number(match[1]);
  const unit = match[2] === undefined ? 1 : (UNITS[match[2]] ?? 1);
  const count = Math.round(number * unit);
  return count >= 0 ? count : null;
}

/** A time as the source gave it: absolute when it could be read without a zone, else the printed text. */
export interface MappedTime {
  publishedAt: number | null;
  publishedText: string | null;
}

/** Epoch seconds or milliseconds to milliseconds (values below 1e11 are seconds). */
export function epochToMs(value: number): number {
  return Math.abs(value) < SECONDS_BELOW ? Math.round(value * 1000) : Math.round(value);
}

const EPOCH_TEXT = /^\d{9,13}(?:\.\d+)?$/u;
/** ISO 8601 with `Z` or an offset, or RFC 2822 style with a numeric zone or GMT/UTC. */
const ZONED =
  /(?:\d[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}))$|(?:\d{1,2}:\d{2}(?::\d{2})?\s+(?:GMT|UTC|[+-]\d{4})(?:\s+\d{4})?)$/iu;

/** Reads a time value: see the module comment. Empty values give both fields null. */
export function toTime(value: unknown): MappedTime {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return { publishedAt: epochToMs(value), publishedText: null };
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { publishedAt: value.getTime(), publishedText: null };
  }
  const text = toText(value);
  if (text === null) return { publishedAt: null, publishedText: null };
  if (EPOCH_TEXT.test(text)) return { publishedAt: epochToMs(Number(text)), publishedText: null };
  if (ZONED.test(text)) {
    const parsed = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/u, '$1:$2'));
    if (!Number.isNaN(parsed)) return { publishedAt: parsed, publishedText: null };
  }
  return { publishedAt: null, publishedText: text };
}
