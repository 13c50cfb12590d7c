/**
 * One feed entry, whatever the format, as the fields the article item needs; and the step that turns it
 * into a RawItem (HTML to clean text, images to absolute URLs, the time read with its zone).
 */
import { htmlToText, htmlToTextWithImages } from '../../analysis/normalize/html.js';
import { resolveUrl } from '../../analysis/normalize/url.js';
import type { RawItem } from '../../domain/collection.js';
import { readPublished } from '../page/published.js';

/** The fields of one entry, format-independent. */
export interface FeedEntry {
  id?: string | undefined;
  link?: string | undefined;
  /** Title as the feed gives it (may hold markup or entities). */
  title?: string | undefined;
  /** The fullest body the feed gives, HTML or text. */
  html?: string | undefined;
  author?: string | undefined;
  time?: string | undefined;
  /** Image URLs from enclosures or the JSON Feed image. */
  images?: readonly (string | undefined)[];
}

function clean(value: string | undefined): string | null {
  const text = value === undefined ? '' : htmlToText(value).trim();
  return text === '' ? null : text;
}

function absolute(href: string | undefined, base: string): string | null {
  const trimmed = href?.trim();
  return trimmed ? resolveUrl(trimmed, base) : null;
}

/** The article item for `entry`; null when it has neither a link nor any text. */
export function entryToItem(entry: FeedEntry, baseUrl: string): RawItem | null {
  const url = absolute(entry.link, baseUrl);
  const body = htmlToTextWithImages(entry.html ?? '', url ?? baseUrl);
  const title = clean(entry.title);
  if (!url && !title && body.text === '') return null;
  const images = [...body.images];
  for (const image of entry.images ?? []) {
    const resolved = absolute(image, url ?? baseUrl);
    if (resolved && !images.includes(resolved)) images.push(resolved);
  }
  const time = readPublished(entry.time);
  return {
    kind: 'article',
    externalId: entry.id?.trim() || url,
    url,
    title,
    content: body.text,
    author: clean(entry.author),
    publishedAt: time.publishedAt,
    publishedText: time.publishedText,
    images,
  };
}
