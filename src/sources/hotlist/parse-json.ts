/** Parsing a JSON hot list (pure): the item array by path, then title, link, heat and rank per element. */
import { resolveUrl } from '../../analysis/normalize/url.js';
import { decodeJson } from '../json/parse.js';
import { compilePath } from '../mapping/path.js';
import { toText } from '../mapping/values.js';
import type { HotJsonConfig } from './config.js';
import { toEntries, type HotParse, type HotRow } from './entries.js';

function elements(root: unknown, items: string): unknown[] {
  const found = compilePath(items).all(root);
  const [first] = found;
  return found.length === 1 && Array.isArray(first) ? (first as unknown[]) : found;
}

/** Parses the answer fetched from `url` (the final URL, for relative links). */
export function parseHotJson(body: Buffer, config: HotJsonConfig, url: string): HotParse {
  const root = decodeJson(body, url);
  const title = compilePath(config.fields.title);
  const link = config.fields.url === undefined ? null : compilePath(config.fields.url);
  const heat = config.fields.heat === undefined ? null : compilePath(config.fields.heat);
  const rank = config.fields.rank === undefined ? null : compilePath(config.fields.rank);
  const rows: HotRow[] = elements(root, config.items).map((element) => {
    const href = link === null ? null : toText(link.first(element));
    return {
      title: title.first(element),
      url: href === null ? null : resolveUrl(href, url),
      heat: heat?.first(element),
      rank: rank?.first(element),
    };
  });
  return toEntries(rows, config.limit, url);
}
