/**
 * parseFeed: feed bytes to article items. Bytes are decoded first (BOM, header, XML declaration, sniffing),
 * XML is pre-cleaned of what strict parsers refuse, and feedsmith reads RSS 2.0, RSS 1.0/RDF, Atom and JSON
 * Feed. Pure: no I/O and no clock; zone-less dates stay in `publishedText`.
 */
import { parseFeed as readAnyFeed, type AnyFeed } from 'feedsmith';
import type { RawItem } from '../../domain/collection.js';
import { AppError } from '../../platform/errors.js';
import { decodeBody } from '../encoding/index.js';
import { prepareFeedXml } from './clean.js';
import { entryToItem } from './entry.js';
import { entriesOf } from './formats.js';

/** Options of {@link parseFeed}. */
export interface ParseFeedOptions {
  /** The feed's URL: relative links and images resolve against it, and errors name it. */
  url: string;
}

/** A parsed feed. */
export interface ParsedFeed {
  format: AnyFeed['format'];
  title: string | null;
  items: RawItem[];
  /** Entries left out (no link and no text). */
  skipped: { reason: string; where: string }[];
}

function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

function readFeed(text: string, url: string): AnyFeed {
  try {
    return looksLikeJson(text) ? readAnyFeed(JSON.parse(text)) : readAnyFeed(prepareFeedXml(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('PARSE_FAILED', `feed at ${url} could not be parsed: ${reason}`, { url });
  }
}

/** Parses feed bytes. Throws PARSE_FAILED (naming the URL) when the bytes are no feed. */
export function parseFeed(bytes: Buffer, contentType: string | null, options: ParseFeedOptions): ParsedFeed {
  const { text } = decodeBody(bytes, contentType);
  const parsed = readFeed(text.replace(/^\uFEFF/, ''), options.url);
  const { title, entries } = entriesOf(parsed);
  const items: RawItem[] = [];
  const skipped: ParsedFeed['skipped'] = [];
  entries.forEach((entry, index) => {
    const item = entryToItem(entry, options.url);
    if (item) items.push(item);
    else
      skipped.push({ reason: 'entry has no link and no text', where: `${options.url} entry ${index + 1}` });
  });
  return { format: parsed.format, title: title?.trim() || null, items, skipped };
}
