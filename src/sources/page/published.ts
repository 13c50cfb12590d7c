/**
 * Publication times as sources print them. A time that names its zone (ISO 8601 with an offset, RFC 822
 * with GMT or a numeric offset, Unix seconds or milliseconds) becomes `publishedAt` right away; any other
 * form (zone-less, 2024年5月3日 08:30, 昨天 14:20, 3分钟前…) is kept as `publishedText` and resolved at collect
 * time with the collect clock and the source's time zone. Feed, page and comments kinds share these steps.
 */
import { parsePublishedTime } from '../../analysis/time/index.js';
import type { RawItem } from '../../domain/collection.js';

/** A time as read from a source: absolute when it named its zone, else the text it printed. */
export interface PublishedReading {
  publishedAt: number | null;
  publishedText: string | null;
}

const ISO_ZONED =
  /^\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const RFC822_ZONED =
  /^(?:[a-z]{3},?\s*)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:GMT|UTC?|Z|[+-]\d{4})$/i;
const UNIX = /^(\d{10}|\d{13})$/;

function fromNumber(value: number): PublishedReading {
  if (!Number.isFinite(value) || value <= 0) return { publishedAt: null, publishedText: null };
  return { publishedAt: value < 1e11 ? value * 1000 : value, publishedText: null };
}

/** Reads a time value a source gave (string, Unix number or nothing). Pure; never throws. */
export function readPublished(value: unknown): PublishedReading {
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value !== 'string') return { publishedAt: null, publishedText: null };
  const text = value.replace(/\s+/g, ' ').trim();
  if (text === '') return { publishedAt: null, publishedText: null };
  if (UNIX.test(text)) return fromNumber(Number(text));
  if (ISO_ZONED.test(text) || RFC822_ZONED.test(text)) {
    const at = Date.parse(text.replace(/^(\d{4}-\d{1,2}-\d{1,2}) /, '$1T'));
    if (Number.isFinite(at)) return { publishedAt: at, publishedText: null };
  }
  return { publishedAt: null, publishedText: text };
}

/** The clock and zone that resolve zone-less and relative times. */
export interface TimeSetting {
  now: number;
  timeZone: string;
}

/** Resolves `publishedText` of items that have no `publishedAt` yet (items keep the text as printed). */
export function resolvePublished(items: readonly RawItem[], setting: TimeSetting): RawItem[] {
  return items.map((item) => {
    if (item.publishedAt != null || !item.publishedText) return item;
    const at = parsePublishedTime(item.publishedText, setting);
    return at === null ? item : { ...item, publishedAt: at };
  });
}
