/**
 * The texts evidence keeps: the item's stored text in one canonical form (so its hash can be recomputed
 * from the item), and a fallback page-text extraction for when no better extractor is wired in.
 */
import { load } from 'cheerio';
import type { Item } from '../../domain/index.js';
import type { FetchedPage } from './deps.js';

/** The item's stored text as evidence keeps it: the title, a blank line and the content (no title: content). */
export function itemTextOf(item: Pick<Item, 'title' | 'content'>): string {
  return item.title ? `${item.title}\n\n${item.content}` : item.content;
}

/** True when the page is HTML or text worth extracting text from. */
export function isTextual(contentType: string | null): boolean {
  if (contentType === null) return true;
  return /^(text\/|application\/(xhtml\+xml|xml|json))/i.test(contentType.trim());
}

/**
 * A plain extraction: decodes as UTF-8, drops scripts, styles and markup, and collapses blank space. The
 * composition root normally passes the charset-aware article extraction of src/sources instead.
 */
export function plainPageText(page: FetchedPage): string {
  const html = new TextDecoder('utf-8').decode(page.body);
  if (!/html/i.test(page.contentType ?? 'html')) return html.trim();
  const $ = load(html);
  $('script, style, noscript, template').remove();
  $('br, p, div, li, h1, h2, h3, h4, h5, h6, tr, section, article').after('\n');
  return $('body')
    .text()
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
