/** Parsing an HTML hot list (pure): one row per item selector match, fields by selectors inside it. */
import { load, type Cheerio } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { resolveUrl } from '../../analysis/normalize/url.js';
import type { HotHtmlConfig } from './config.js';
import { toEntries, type HotParse, type HotRow } from './entries.js';

function textOf(item: Cheerio<AnyNode>, selector: string | undefined): string | null {
  if (selector === undefined) return null;
  const text = item.find(selector).first().text().replace(/\s+/gu, ' ').trim();
  return text === '' ? null : text;
}

/** The `href` of the url selector's match (or of the link around it), else of the item itself. */
function hrefOf(item: Cheerio<AnyNode>, selector: string | undefined): string | null {
  const match = item.find(selector ?? 'a[href]').first();
  return match.attr('href') ?? match.closest('a[href]').attr('href') ?? item.attr('href') ?? null;
}

/** Parses `html` fetched from `url` (for relative links). */
export function parseHotHtml(html: string, config: HotHtmlConfig, url: string): HotParse {
  const $ = load(html);
  const { selectors } = config;
  const rows: HotRow[] = $(selectors.item)
    .toArray()
    .map((element) => {
      const item = $(element);
      const href = hrefOf(item, selectors.url);
      return {
        title: textOf(item, selectors.title),
        url: href === null ? null : resolveUrl(href, url),
        heat: textOf(item, selectors.heat),
        rank: textOf(item, selectors.rank),
      };
    });
  return toEntries(rows, config.limit, url);
}
