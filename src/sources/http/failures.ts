/**
 * Turning what undici, the sockets and the abort signals throw into AppErrors with FETCH_* codes: an
 * AppError anywhere in the cause chain (the guard refusing at connect time) wins; the caller's abort passes
 * its own AppError reason through or becomes FETCH_TIMEOUT; undici timeouts become FETCH_TIMEOUT; anything
 * else is FETCH_FAILED with the cause's message.
 */
import { AppError } from '../../platform/errors.js';

const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/** Why a request attempt ended early, as seen by the code that started it. */
export interface AbortState {
  /** The caller's signal. */
  signal?: AbortSignal;
  /** True when the attempt's own deadline fired. */
  timedOut: boolean;
  timeoutMs: number;
}

/** The AppError for `error`, thrown while fetching `url`. */
export function toFetchError(error: unknown, url: string, state: AbortState): AppError {
  const known = findAppError(error);
  if (known) return known;
  if (state.signal?.aborted) {
    const reason: unknown = state.signal.reason;
    if (reason instanceof AppError) return reason;
    return new AppError('FETCH_TIMEOUT', `${url}: aborted by the caller`, { url, aborted: true });
  }
  const code = errorCode(error);
  if (state.timedOut || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return new AppError('FETCH_TIMEOUT', `${url}: no complete answer within ${state.timeoutMs} ms`, {
      url,
      timeoutMs: state.timeoutMs,
    });
  }
  return new AppError('FETCH_FAILED', `${url}: ${describe(error)}`, { url, cause: code ?? null });
}

function findAppError(error: unknown): AppError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof AppError) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return null;
}

function errorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string') return code;
  return error.cause === undefined ? undefined : errorCode(error.cause);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message || error.name}${cause}`;
}
