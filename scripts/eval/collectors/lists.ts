/**
 * List pages: every `kind: list` page of the manifest, decoded, then read by the real `parseListPage` with
 * the one generic selector every list page satisfies (each `<a href>` is an entry). Pages have no common
 * item markup, so no finer selector is assumed; the figure is how many distinct links look like articles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBody, normalizeCharset } from '../../../src/sources/encoding/index.js';
import { parseListPage } from '../../../src/sources/page/list.js';
import { evalUrl } from './setting.js';
import type { ManifestPage } from './manifest.js';

/** What decoding and reading one list page gave. */
export interface ListResult {
  file: string;
  site: string;
  charsetRight: boolean;
  /** Distinct links (javascript: and mailto: left out). */
  links: number;
  /** Distinct links whose path looks like an article's. */
  articleLinks: number;
}

/**
 * Whether `url` looks like an article page: a path with a run of six or more digits (ids, 20240503) or a
 * dated folder (`/2024/05/03/`, `/2019/0907/`).
 */
export function isArticleLike(url: string): boolean {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return false;
  }
  return /\d{6,}/u.test(path) || /\/20\d{2}[-/]?[01]\d[-/]?[0-3]\d/u.test(path);
}

function evaluateList(root: string, page: ManifestPage): ListResult {
  const path = join(root, page.file);
  const decoded = decodeBody(readFileSync(path), null);
  const list = parseListPage(decoded.text, evalUrl(`html-news-pages/${page.file}`), {
    item: 'a[href]',
    link: 'a',
  });
  return {
    file: page.file,
    site: page.site,
    charsetRight: normalizeCharset(decoded.charset) === normalizeCharset(page.actual_encoding),
    links: list.entries.length,
    articleLinks: list.entries.filter((entry) => isArticleLike(entry.url)).length,
  };
}

/** One result per list page of `pages`; files are read relative to `root` (the `html-news-pages` folder). */
export function evaluateLists(root: string, pages: readonly ManifestPage[]): ListResult[] {
  return pages.filter((page) => page.kind === 'list').map((page) => evaluateList(root, page));
}
