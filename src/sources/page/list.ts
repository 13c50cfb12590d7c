/**
 * parseListPage: a list page (栏目页) to its entries by the source's CSS selectors: each entry's link,
 * and optionally its title, time and summary; plus the next page's URL. Pure.
 */
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { resolveUrl } from '../../analysis/normalize/url.js';
import { readPublished, type PublishedReading } from './published.js';

/** The CSS selectors of a list page; all but `item` are looked up inside each item. */
export interface ListSelectors {
  item: string;
  /** The link (its `href`); the item itself when it is the link. */
  link: string;
  title?: string | undefined;
  time?: string | undefined;
  summary?: string | undefined;
  /** The next page's link, looked up in the whole page. */
  nextPage?: string | undefined;
}

/** One entry of a list page. */
export interface ListEntry extends PublishedReading {
  url: string;
  title: string | null;
  summary: string | null;
}

/** A parsed list page. */
export interface ListPage {
  entries: ListEntry[];
  nextUrl: string | null;
}

function textOf(node: Cheerio<AnyNode>): string | null {
  const value = node.first().text().replace(/\s+/gu, ' ').trim();
  return value === '' ? null : value;
}

function linkOf(item: Cheerio<AnyNode>, selector: string): Cheerio<AnyNode> {
  const found = item.find(selector).first();
  return found.length > 0 ? found : item.filter('[href]');
}

function entryOf(
  $: CheerioAPI,
  element: AnyNode,
  baseUrl: string,
  selectors: ListSelectors,
): ListEntry | null {
  const item = $(element);
  const link = linkOf(item, selectors.link);
  const href = link.attr('href')?.trim();
  const url = href && !/^(javascript|mailto):/iu.test(href) ? resolveUrl(href, baseUrl) : null;
  if (!url) return null;
  const timeNode = selectors.time ? item.find(selectors.time).first() : null;
  const timeValue = timeNode ? (timeNode.attr('datetime') ?? textOf(timeNode)) : null;
  return {
    url,
    title: selectors.title ? textOf(item.find(selectors.title)) : (link.attr('title') ?? textOf(link)),
    summary: selectors.summary ? textOf(item.find(selectors.summary)) : null,
    ...readPublished(timeValue),
  };
}

/** The entries and next page of a list page fetched from `url`; entries without a usable link are left out. */
export function parseListPage(html: string, url: string, selectors: ListSelectors): ListPage {
  const $ = load(html);
  const entries: ListEntry[] = [];
  $(selectors.item).each((_, element) => {
    const entry = entryOf($, element, url, selectors);
    if (entry && !entries.some((known) => known.url === entry.url)) entries.push(entry);
  });
  const nextHref = selectors.nextPage ? $(selectors.nextPage).first().attr('href')?.trim() : undefined;
  const nextUrl = nextHref ? resolveUrl(nextHref, url) : null;
  return { entries, nextUrl: nextUrl === url ? null : nextUrl };
}
