/**
 * The contracts between source kinds, the polite HTTP client and the collect orchestrator. A source kind
 * is a fetch + parse step: given its validated config, the HTTP client and the state it left last time, it
 * returns raw items (and hot-list entries) plus the state to keep for next time. It stores nothing itself.
 */
import type { z } from 'zod';
import type { HotEntry, RawItem } from '../domain/collection.js';
import type { Source, SourceKind } from '../domain/entities.js';

/** Per-request options of the polite HTTP client. */
export interface FetchOptions {
  /** Extra request headers (Accept, Referer, cookies a source config sets…). */
  headers?: Record<string, string>;
  /** Conditional GET validators remembered from the last fetch of this URL. */
  etag?: string | null;
  lastModified?: string | null;
  /** Skip robots.txt for this request: only when an admin set the source's override. */
  ignoreRobots?: boolean;
  /** Allow private/loopback/link-local targets: only for sources the configuration allows. */
  allowPrivate?: boolean;
  /** Body limit in bytes for this request (defaults to the client's). */
  maxBytes?: number;
  /** Aborts the request (the collect job's timeout). */
  signal?: AbortSignal;
  method?: 'GET' | 'POST';
  /** Request body for POST (JSON APIs that page by POST). */
  body?: string;
}

/** A completed HTTP exchange. 304 answers come back with `notModified` and an empty body. */
export interface FetchResponse {
  /** The final URL after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  headers: Record<string, string>;
  /** The body, already decompressed, not yet decoded. */
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
  /** `Content-Type` as sent, for charset detection. */
  contentType: string | null;
  durationMs: number;
}

/**
 * The polite HTTP client (src/sources/http). Errors are AppErrors with FETCH_* codes; a non-2xx/304 answer
 * is FETCH_HTTP_STATUS with `details.status` and, for 429/503, `details.retryAfterMs`.
 */
export interface HttpFetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchResponse>;
}

/** What a source kind may use while collecting. */
export interface CollectContext {
  http: HttpFetcher;
  /** The collect time; relative times (3分钟前) resolve against it. */
  now: number;
  /** IANA time zone for zone-less times (the source's, default Asia/Shanghai). */
  timeZone: string;
  /** Fetch options every request of this source must carry (robots override, private allowance, signal). */
  fetchDefaults: FetchOptions;
  /** Progress and diagnostics; never secrets. */
  log: (message: string, detail?: Record<string, unknown>) => void;
}

/** The state a source kind keeps between fetches (validators, cursors, thread refetch lists). JSON only. */
export type SourceState = Record<string, unknown>;

/** What one collect of a source returns. */
export interface CollectResult {
  items: RawItem[];
  /** Hot-list entries, for the hotlist kind. */
  hotEntries?: HotEntry[];
  /** True when every request answered 304: nothing changed since last time. */
  notModified: boolean;
  /** The state to keep for next time (replaces the old state). */
  state: SourceState;
  /** The HTTP status of the main request, for the fetch history. */
  httpStatus?: number | null;
  /** Items the parser skipped, with why (bad date, empty body…), for the fetch history. */
  skipped?: { reason: string; where: string }[];
}

/** One source kind: its config schema and its collect step. */
export interface SourceKindAdapter<Config = unknown> {
  kind: SourceKind;
  /** Validates `source.config`; errors become SOURCE_CONFIG_INVALID with the path of the bad field. */
  configSchema: z.ZodType<Config>;
  collect(
    context: CollectContext,
    source: Source,
    config: Config,
    state: SourceState,
  ): Promise<CollectResult>;
}
