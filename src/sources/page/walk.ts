/**
 * Step 1 of a page collect: fetch the list page and follow `nextPage` up to `maxPages`, with conditional
 * GET on each, gathering the entries in page order.
 */
import { decodeBody } from '../encoding/index.js';
import type { CollectContext } from '../types.js';
import { fetchConditional, type ValidatorMap } from './conditional.js';
import type { PageConfig } from './config.js';
import { parseListPage, type ListEntry } from './list.js';

/** What walking the list pages found. */
export interface ListWalk {
  entries: ListEntry[];
  /** True when every list page answered 304. */
  notModified: boolean;
  /** Status of the first list page. */
  httpStatus: number;
  /** The validators after this walk. */
  validators: ValidatorMap;
}

/** Walks the list pages from `listUrl` with conditional GET. */
export async function walkListPages(
  context: CollectContext,
  listUrl: string,
  config: PageConfig,
  remembered: ValidatorMap,
): Promise<ListWalk> {
  let validators = remembered;
  const entries: ListEntry[] = [];
  const visited = new Set<string>();
  let notModified = true;
  let httpStatus = 0;
  let next: string | null = listUrl;
  while (next && visited.size < config.maxPages && !visited.has(next)) {
    visited.add(next);
    const fetched = await fetchConditional(context, next, validators, config.headers);
    const response = fetched.response;
    validators = fetched.validators;
    if (httpStatus === 0) httpStatus = response.status;
    if (response.notModified) break;
    notModified = false;
    const { text } = decodeBody(response.body, response.contentType);
    const page = parseListPage(text, response.url, config);
    for (const entry of page.entries) {
      if (!entries.some((known) => known.url === entry.url)) entries.push(entry);
    }
    next = page.nextUrl;
  }
  return { entries, notModified, httpStatus, validators };
}
