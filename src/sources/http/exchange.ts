/**
 * One request attempt on one hop: take the host's slot, send, read the answer within the deadline and the
 * size limit, release the slot. Redirect, 304 and error answers have their bodies discarded.
 */
import { request, type Dispatcher } from 'undici';
import { decompress, readLimited } from './body.js';
import { toFetchError } from './failures.js';
import type { HostLimiter } from './host-limiter.js';
import type { HopRequest } from './redirects.js';

/** What one attempt needs besides the request. */
export interface ExchangeContext {
  dispatcher: Dispatcher;
  limiter: HostLimiter;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

/** An answer with lower-cased headers and, for 2xx, the decompressed body. */
export interface HopResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Sends `hop` once. Throws AppErrors (FETCH_TIMEOUT, FETCH_TOO_LARGE, FETCH_FAILED…). */
export async function exchange(hop: HopRequest, context: ExchangeContext): Promise<HopResponse> {
  const url = hop.url.href;
  const deadline = new AbortController();
  const state = { signal: context.signal, timedOut: false, timeoutMs: context.timeoutMs };
  const signal = context.signal ? AbortSignal.any([context.signal, deadline.signal]) : deadline.signal;
  let release: (() => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  try {
    release = await context.limiter.acquire(hop.url.host, context.signal);
    timer = setTimeout(() => {
      state.timedOut = true;
      deadline.abort();
    }, context.timeoutMs);
    const answer = await request(url, {
      dispatcher: context.dispatcher,
      method: hop.method,
      headers: hop.headers,
      body: hop.body,
      signal,
    });
    const headers = flattenHeaders(answer.headers);
    if (answer.statusCode < 200 || answer.statusCode >= 300) {
      await answer.body.dump();
      return { status: answer.statusCode, headers, body: Buffer.alloc(0) };
    }
    const raw = await readLimited(answer.body, context.maxBytes, headers['content-length'], url);
    const body = await decompress(raw, headers['content-encoding'], context.maxBytes, url);
    return { status: answer.statusCode, headers, body };
  } catch (error) {
    throw toFetchError(error, url, state);
  } finally {
    clearTimeout(timer);
    release?.();
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
