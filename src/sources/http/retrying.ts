/**
 * One hop with its retries: 429 and 503 answers and network errors are tried again up to `retries` times,
 * after Retry-After when the server sent one (never longer than `maxRetryWaitMs`: a longer wait hands the
 * answer back at once, so the caller fails with `retryAfterMs` and the scheduler postpones) or after an
 * exponential backoff with jitter. Network errors are retried for GET only.
 */
import { isAppError } from '../../platform/errors.js';
import { exchange, type ExchangeContext, type HopResponse } from './exchange.js';
import { toFetchError } from './failures.js';
import type { ResolvedOptions } from './options.js';
import type { HopRequest } from './redirects.js';
import { backoffMs, parseRetryAfter, RETRYABLE_STATUSES } from './retry.js';

/** The retry settings and the injectable clock, sleep, randomness and log. */
export type RetrySettings = Pick<
  ResolvedOptions,
  'retries' | 'backoffBaseMs' | 'maxRetryWaitMs' | 'clock' | 'sleep' | 'random' | 'log'
>;

/** Sends `hop`, retrying as described above; the last answer or error is the result. */
export async function exchangeWithRetries(
  hop: HopRequest,
  context: ExchangeContext,
  settings: RetrySettings,
  retries: number,
): Promise<HopResponse> {
  for (let attempt = 0; ; attempt += 1) {
    let response: HopResponse;
    try {
      response = await exchange(hop, context);
    } catch (error) {
      if (!isAppError(error, 'FETCH_FAILED') || hop.method !== 'GET' || attempt >= retries) throw error;
      await pause(backoffMs(attempt, settings.backoffBaseMs, settings.maxRetryWaitMs, settings.random));
      continue;
    }
    if (!RETRYABLE_STATUSES.has(response.status) || attempt >= retries) return response;
    const retryAfter = parseRetryAfter(response.headers['retry-after'], settings.clock.now());
    if (retryAfter !== null && retryAfter > settings.maxRetryWaitMs) return response;
    await pause(
      retryAfter ?? backoffMs(attempt, settings.backoffBaseMs, settings.maxRetryWaitMs, settings.random),
    );
  }

  async function pause(ms: number): Promise<void> {
    settings.log('retrying request', { url: hop.url.href, waitMs: ms });
    try {
      await settings.sleep(ms, context.signal);
    } catch (error) {
      throw toFetchError(error, hop.url.href, {
        signal: context.signal,
        timedOut: false,
        timeoutMs: context.timeoutMs,
      });
    }
  }
}
