/** What an article page's <head> and markup say about it: titles, time and author. */
import type { CheerioAPI } from 'cheerio';

const TIME_METAS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="publishdate"]',
  'meta[name="PublishDate"]',
  'meta[name="pubdate"]',
  'meta[name="publish_time"]',
  'meta[name="publishtime"]',
  'meta[property="og:release_date"]',
];

/** Page metadata that article extraction reads before Readability rewrites the document. */
export interface PageMeta {
  ogTitle: string | null;
  titleTag: string | null;
  h1: string | null;
  time: string | null;
  /** The author meta tag as written; author.ts decides whether it names a person. */
  author: string | null;
  /** The site's own name (og:site_name, application-name), used to recognise placeholder authors. */
  siteName: string | null;
}

function content($: CheerioAPI, selector: string): string | null {
  const value = $(selector).first().attr('content')?.trim();
  return value ? value : null;
}

function text($: CheerioAPI, selector: string): string | null {
  const value = $(selector).first().text().replace(/\s+/gu, ' ').trim();
  return value ? value : null;
}

function timeOf($: CheerioAPI): string | null {
  for (const selector of TIME_METAS) {
    const value = content($, selector);
    if (value) return value;
  }
  return $('time[datetime]').first().attr('datetime')?.trim() || null;
}

/** Reads the metadata of a loaded page. */
export function readPageMeta($: CheerioAPI): PageMeta {
  return {
    ogTitle: content($, 'meta[property="og:title"]'),
    titleTag: text($, 'title'),
    h1: text($, 'h1'),
    time: timeOf($),
    author: content($, 'meta[name="author"]') ?? content($, 'meta[property="article:author"]'),
    siteName: content($, 'meta[property="og:site_name"]') ?? content($, 'meta[name="application-name"]'),
  };
}
