/** Building the request for one page of a json source: the paging parameter in the query or the body. */
import type { FetchOptions } from '../types.js';
import type { JsonConfig } from './config.js';

/** One request to send. */
export interface PageRequest {
  url: string;
  options: FetchOptions;
}

function withQuery(address: string, param: string, value: string | number): string {
  const url = new URL(address);
  url.searchParams.set(param, String(value));
  return url.href;
}

function bodyText(
  config: JsonConfig,
  paging: { param: string; value: string | number } | null,
): string | undefined {
  if (config.body === undefined) {
    return paging === null ? undefined : JSON.stringify({ [paging.param]: paging.value });
  }
  if (typeof config.body === 'string') return config.body;
  return JSON.stringify(paging === null ? config.body : { ...config.body, [paging.param]: paging.value });
}

/** The request for the page whose paging value is `value` (null: the first page of cursor paging). */
export function pageRequest(
  config: JsonConfig,
  base: FetchOptions,
  value: string | number | null,
): PageRequest {
  const paging = config.pagination && value !== null ? { param: config.pagination.param, value } : null;
  const inBody = config.pagination?.in === 'body';
  const url = paging && !inBody ? withQuery(config.url, paging.param, paging.value) : config.url;
  const headers: Record<string, string> = { Accept: 'application/json', ...base.headers, ...config.headers };
  const options: FetchOptions = { ...base, method: config.method, headers };
  if (config.method === 'POST') {
    const body = bodyText(config, inBody ? paging : null);
    if (body !== undefined) options.body = body;
    if (typeof config.body !== 'string') headers['Content-Type'] ??= 'application/json';
  }
  return { url, options };
}
