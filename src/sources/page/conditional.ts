/**
 * Conditional GET across collects: the ETag and Last-Modified of each fetched URL are kept in the source
 * state and sent back next time, so an unchanged feed or list page answers 304 with no body. Shared by the
 * feed, page and comments kinds.
 */
import type { CollectContext, FetchResponse, SourceState } from '../types.js';

/** Validators remembered for one URL. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** Validators by URL, as kept in the state (bounded: the most recent URLs). */
export type ValidatorMap = Record<string, Validators>;

const MAX_REMEMBERED = 200;

function isValidators(value: unknown): value is Validators {
  if (typeof value !== 'object' || value === null) return false;
  const { etag, lastModified } = value as Record<string, unknown>;
  const okay = (field: unknown): boolean => field === null || typeof field === 'string';
  return okay(etag) && okay(lastModified);
}

/** The validator map of a state (empty when missing or malformed). */
export function validatorsOf(state: SourceState): ValidatorMap {
  const raw = state['validators'];
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => isValidators(value)));
}

/** `map` with `key` set to `value` as its most recent entry, keeping the last `max` entries. */
export function withRecent<T>(map: Record<string, T>, key: string, value: T, max: number): Record<string, T> {
  const entries = Object.entries(map).filter(([known]) => known !== key);
  entries.push([key, value]);
  return Object.fromEntries(entries.slice(-max));
}

/** A response and the validator map updated with its validators. */
export interface ConditionalFetch {
  response: FetchResponse;
  validators: ValidatorMap;
}

/**
 * Fetches `url` with the defaults of the context, extra headers and the validators remembered for it, and
 * returns the validator map with the answer's validators recorded (kept to the most recent URLs).
 */
export async function fetchConditional(
  context: CollectContext,
  url: string,
  validators: ValidatorMap,
  headers: Record<string, string> = {},
): Promise<ConditionalFetch> {
  const known = validators[url];
  const response = await context.http.fetch(url, {
    ...context.fetchDefaults,
    headers: { ...context.fetchDefaults.headers, ...headers },
    etag: known?.etag ?? null,
    lastModified: known?.lastModified ?? null,
  });
  if (response.notModified || (!response.etag && !response.lastModified)) return { response, validators };
  const fresh = { etag: response.etag, lastModified: response.lastModified };
  return { response, validators: withRecent(validators, url, fresh, MAX_REMEMBERED) };
}
