/**
 * Evidence (取证, issue 6 §2): what was captured of an item attached to an incident or clue, so that the post
 * stays provable after it is deleted online. Evidence rows are immutable; a re-capture adds a new row.
 */

/** The records evidence can be attached to. */
export const EVIDENCE_RECORD_TYPES = ['incident', 'clue'] as const;
/** One of {@link EVIDENCE_RECORD_TYPES}. */
export type EvidenceRecordType = (typeof EVIDENCE_RECORD_TYPES)[number];

/** The stored files of one capture. */
export const EVIDENCE_BLOB_KINDS = ['raw', 'screenshot'] as const;
/** One of {@link EVIDENCE_BLOB_KINDS}. */
export type EvidenceBlobKind = (typeof EVIDENCE_BLOB_KINDS)[number];

/** What the item looked like in storage at capture time (it may be edited or deleted later). */
export interface EvidenceItemSnapshot {
  title: string | null;
  author: string | null;
  platform: string | null;
  url: string | null;
  publishedAt: number;
  collectedAt: number;
  /** The item's own content hash as collection stored it. */
  contentHash: string;
}

/** One capture of one item for one record. */
export interface Evidence {
  id: string;
  unitId: string;
  itemId: string;
  recordType: EvidenceRecordType;
  recordId: string;
  capturedAt: number;
  capturedBy: string | null;
  /** The URL that was fetched (the item's URL); null when the item has none. */
  sourceUrl: string | null;
  /** The URL after redirects; null when nothing was fetched. */
  finalUrl: string | null;
  /** The HTTP status of the page fetch (also of a failed one, e.g. 404); null when no answer came. */
  httpStatus: number | null;
  contentType: string | null;
  /** SHA-256 (hex) and size of the raw page bytes; null when no page was stored. */
  rawSha256: string | null;
  rawSize: number | null;
  /** Why no page was stored (e.g. FETCH_HTTP_STATUS, no_url, no_fetcher); null when it was. */
  pageError: string | null;
  /** The item's stored text (title, blank line, content) and its SHA-256. */
  itemText: string;
  itemTextSha256: string;
  /** Text extracted from the fetched page and its SHA-256; null when no page was stored. */
  pageText: string | null;
  pageTextSha256: string | null;
  /** SHA-256 and size of the screenshot (PNG); null when none was taken. */
  screenshotSha256: string | null;
  screenshotSize: number | null;
  /** Why no screenshot was taken (no browser configured, or the error); null when one was. */
  screenshotSkipped: string | null;
  item: EvidenceItemSnapshot;
}
