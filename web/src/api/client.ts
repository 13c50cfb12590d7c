/**
 * The console's HTTP client: JSON over fetch with the session cookie, the CSRF token on writes, a timeout,
 * and failures turned into {@link ApiError}s that carry the server's stable code and both language texts.
 * DOM-free (fetch is global in browsers and Node), so it is tested without a browser.
 */
import type { ErrorResponse } from '../../../src/contract/index.js';

/** How long one request may take before it is abandoned. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Codes the client itself reports when there is no error body. */
export type ClientErrorCode = 'NETWORK' | 'TIMEOUT' | 'BAD_RESPONSE';

/** A failed call: the server's error body, or a client-side code when none arrived. */
export class ApiError extends Error {
  constructor(
    /** The stable code, e.g. NOT_FOUND, CSRF_FAILED, or one of {@link ClientErrorCode}. */
    readonly code: string,
    /** The HTTP status (0 when the request never got an answer). */
    readonly status: number,
    message: string,
    /** The Chinese text of the error. */
    readonly messageZh: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The text to show in `language`. */
  text(language: 'zh' | 'en'): string {
    return language === 'zh' ? this.messageZh : this.message;
  }
}

/** True for an {@link ApiError}. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const CLIENT_TEXTS: Record<ClientErrorCode, { en: string; zh: string }> = {
  NETWORK: { en: 'the server could not be reached', zh: '无法连接服务器' },
  TIMEOUT: { en: 'the server did not answer in time', zh: '服务器响应超时' },
  BAD_RESPONSE: { en: 'the server sent an unreadable answer', zh: '服务器返回了无法识别的内容' },
};

function clientError(code: ClientErrorCode, status: number): ApiError {
  return new ApiError(code, status, CLIENT_TEXTS[code].en, CLIENT_TEXTS[code].zh);
}

function isErrorBody(value: unknown): value is ErrorResponse {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** The ApiError of a non-2xx answer whose body is `text`. */
export function errorFromBody(status: number, text: string): ApiError {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!isErrorBody(body)) return clientError('BAD_RESPONSE', status);
  const { code, message, messageZh, details } = body.error;
  return new ApiError(code, status, message, messageZh || message, details ?? {});
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** What a {@link HttpClient} needs; `fetch` is injectable for tests. */
export interface HttpClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Called when an answer says the session is gone (401), so the shell can show the login page. */
  onUnauthenticated?: () => void;
}

/** A JSON client bound to one server; keeps the CSRF token of the current session. */
export class HttpClient {
  private csrfToken: string | null = null;
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: HttpClientOptions = {}) {
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Remembers the CSRF token a login or session answer gave (null after logout). */
  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  /** The absolute or root-relative URL of `path` (for links and downloads). */
  url(path: string): string {
    return `${this.options.baseUrl ?? ''}${path}`;
  }

  /** Sends a request and parses the JSON answer; throws ApiError on failure. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const text = await this.send(method, path, body);
    if (!text) return null as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw clientError('BAD_RESPONSE', 200);
    }
  }

  /** Sends a request and returns the answer's text (HTML previews); throws ApiError on failure. */
  async text(path: string): Promise<string> {
    return this.send('GET', path, undefined);
  }

  private async send(method: string, path: string, body: unknown): Promise<string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (!SAFE_METHODS.has(method) && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? REQUEST_TIMEOUT_MS);
    let response: Response;
    try {
      response = await this.fetcher(this.url(path), {
        method,
        headers,
        credentials: 'same-origin',
        signal: controller.signal,
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch {
      throw clientError(controller.signal.aborted ? 'TIMEOUT' : 'NETWORK', 0);
    } finally {
      clearTimeout(timer);
    }
    const text = await response.text();
    if (response.ok) return text;
    if (response.status === 401) this.options.onUnauthenticated?.();
    throw errorFromBody(response.status, text);
  }
}

/** A query string of `params` (undefined and empty values left out, lists repeated), with its `?`. */
export function queryString(
  params: Record<string, string | number | boolean | string[] | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
