/**
 * Article pages: every `kind: article` page of the GNE manifest through the real `decodeBody` and
 * `extractArticle`, compared with GNE's own extraction where the manifest has one (machine output, a
 * useful reference, not human gold): title, publication time, body and author.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePublishedTime } from '../../../src/analysis/time/index.js';
import { decodeBody, normalizeCharset } from '../../../src/sources/encoding/index.js';
import { extractArticle, type ExtractedArticle } from '../../../src/sources/page/article/index.js';
import { EVAL_TIME_ZONE, evalUrl } from './setting.js';
import type { GneExtraction, ManifestPage } from './manifest.js';
import { bigramF1, charSimilarity, titleForm } from './metrics.js';

/** How one page's extraction agrees with GNE's. */
export interface ReferenceComparison {
  titleExact: boolean;
  titleSimilarity: number;
  /** Null when the reference time is not readable. */
  timeMatch: boolean | null;
  bodyF1: number;
  /** Null when the reference has no author. */
  authorMatch: boolean | null;
}

/** What decoding and extracting one article page gave. */
export interface ArticleResult {
  file: string;
  site: string;
  charset: string;
  charsetRight: boolean;
  /** The page declares a charset its bytes are not in. */
  charsetMismatch: boolean;
  emptyBody: boolean;
  reference: ReferenceComparison | null;
}

const MINUTE = 60_000;

function instantOf(article: ExtractedArticle, now: number): number | null {
  if (article.publishedAt !== null) return article.publishedAt;
  const text = article.publishedText;
  return text ? parsePublishedTime(text, { now, timeZone: EVAL_TIME_ZONE }) : null;
}

/** Whether the two instants fall in the same minute. */
function sameMinute(a: number, b: number): boolean {
  return Math.floor(a / MINUTE) === Math.floor(b / MINUTE);
}

function compare(article: ExtractedArticle, gne: GneExtraction, now: number): ReferenceComparison {
  const title = article.title ?? '';
  const expectedAt = parsePublishedTime(gne.publish_time, { now, timeZone: EVAL_TIME_ZONE });
  const ours = instantOf(article, now);
  const expectedAuthor = titleForm(gne.author);
  return {
    titleExact: titleForm(title) === titleForm(gne.title),
    titleSimilarity: charSimilarity(title, gne.title),
    timeMatch: expectedAt === null ? null : ours !== null && sameMinute(ours, expectedAt),
    bodyF1: bigramF1(article.content, gne.content),
    authorMatch: expectedAuthor === '' ? null : titleForm(article.author ?? '') === expectedAuthor,
  };
}

function evaluatePage(root: string, page: ManifestPage, now: number): ArticleResult {
  const path = join(root, page.file);
  const decoded = decodeBody(readFileSync(path), null);
  const article = extractArticle(decoded.text, evalUrl(`html-news-pages/${page.file}`));
  const charset = normalizeCharset(decoded.charset) ?? decoded.charset;
  return {
    file: page.file,
    site: page.site,
    charset,
    charsetRight: charset === normalizeCharset(page.actual_encoding),
    charsetMismatch: page.charset_mismatch,
    emptyBody: article.content.trim() === '',
    reference: page.gne_extraction ? compare(article, page.gne_extraction, now) : null,
  };
}

/** One result per article page of `pages`; files are read relative to `root` (the `html-news-pages` folder). */
export function evaluateArticles(root: string, pages: readonly ManifestPage[], now: number): ArticleResult[] {
  return pages.filter((page) => page.kind === 'article').map((page) => evaluatePage(root, page, now));
}
