/**
 * extractArticle: an article page's HTML to its headline, body text, author, publication time and images.
 * Readability finds the body; meta tags and the bylines Chinese news pages print (`2024-05-03 08:30 来源：`,
 * `作者：`, `责任编辑：`) give the time and author; the <title> loses its site suffix. Pure.
 */
import { load } from 'cheerio';
import { htmlToText } from '../../../analysis/normalize/html.js';
import { readPublished } from '../published.js';
import { chooseAuthor } from './author.js';
import { readArticleBody } from './body.js';
import { findBylineTime } from './byline.js';
import { readPageMeta } from './meta.js';
import { chooseTitle, splitSiteSuffix } from './title.js';

export { stripSiteSuffix } from './title.js';
export { findBylineAuthor, findBylineEditor, findBylineTime } from './byline.js';
export { chooseAuthor } from './author.js';

/** What an article page yields. */
export interface ExtractedArticle {
  title: string | null;
  content: string;
  author: string | null;
  publishedAt: number | null;
  publishedText: string | null;
  images: string[];
}

/** Extracts the article in `html`, fetched from `url`. */
export function extractArticle(html: string, url: string): ExtractedArticle {
  const $ = load(html);
  const meta = readPageMeta($);
  const pageText = htmlToText($('body').html() ?? html);
  const body = readArticleBody(html, url);
  const title = chooseTitle(meta) ?? body.title;
  const suffixes = meta.titleTag ? splitSiteSuffix(meta.titleTag).suffixes : [];
  const siteNames = meta.siteName ? [meta.siteName, ...suffixes] : suffixes;
  // When a meta time and a printed byline time disagree, the meta time wins: it is machine-written for
  // search engines and sharing, usually carries seconds and often a zone, while the first date-with-clock
  // in the page text may come from a sidebar, a related link or an update note. The printed time is used
  // only when no meta time exists.
  const time = readPublished(meta.time ?? findBylineTime(pageText));
  const author = chooseAuthor({ pageText, metaAuthor: meta.author, byline: body.byline, siteNames });
  return {
    title,
    content: body.text,
    author,
    publishedAt: time.publishedAt,
    publishedText: time.publishedText,
    images: body.images,
  };
}
