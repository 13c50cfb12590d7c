/**
 * What evidence capture needs from the composition root. Fetching and screenshots reach the internet, so
 * they come in as interfaces: the lead passes the polite HTTP client of src/sources/http and, when a
 * Chromium is configured, a screenshotter. Page text extraction (charset decoding and article extraction
 * live in src/sources) comes in as a function too.
 */
import type { Clock } from '../../platform/clock.js';
import type { Storage } from '../../storage/repositories.js';

/** The answer of a page fetch, as the polite HTTP client gives it. */
export interface EvidenceFetchResponse {
  /** The final URL after redirects. */
  url: string;
  status: number;
  /** The body, already decompressed. */
  body: Buffer;
  contentType: string | null;
}

/**
 * Fetches a page (structurally the HttpFetcher of src/sources). Throws an AppError with a FETCH_* code for
 * failures; a non-2xx answer is FETCH_HTTP_STATUS with `details.status`.
 */
export interface EvidenceFetcher {
  fetch(url: string, options?: { maxBytes?: number; allowPrivate?: boolean }): Promise<EvidenceFetchResponse>;
}

/** A fetched page handed to text extraction. */
export interface FetchedPage {
  url: string;
  body: Buffer;
  contentType: string | null;
}

/** Takes a PNG screenshot of a page (headless Chromium). */
export interface Screenshotter {
  capture(url: string): Promise<Buffer>;
}

/** Tunables of capture. */
export interface EvidenceOptions {
  /** Largest page stored, in bytes (the fetcher refuses larger ones). */
  maxPageBytes?: number;
  /** Fetch private/loopback addresses (tests and intranet deployments only). */
  allowPrivate?: boolean;
}

/** The services capture uses; every one but storage and clock may be absent. */
export interface EvidenceServices {
  /** Without a fetcher only the item's stored text is kept (page error `no_fetcher`). */
  fetcher?: EvidenceFetcher | null;
  /** Extracts readable text from a fetched page; a plain tag-stripping extraction when absent. */
  extractText?: ((page: FetchedPage) => string) | null;
  /** Without one, screenshots are skipped with the reason `no_browser_configured`. */
  screenshotter?: Screenshotter | null;
  options?: EvidenceOptions;
}

/** The evidence functions' dependencies. */
export interface EvidenceDeps extends EvidenceServices {
  storage: Storage;
  clock: Clock;
}

/** Who captures or exports evidence, from where, and which units they may touch (null: system). */
export interface EvidenceActor {
  userId: string | null;
  ip: string | null;
  unitIds: readonly string[] | null;
}
