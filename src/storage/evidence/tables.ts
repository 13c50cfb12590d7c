/** The evidence tables as Kysely sees them (migration 0013). */

/** `evidence` — one immutable row per capture; `item` is JSON text (the item snapshot). */
export interface EvidenceTable {
  id: string;
  unitId: string;
  itemId: string;
  recordType: string;
  recordId: string;
  capturedAt: number;
  capturedBy: string | null;
  sourceUrl: string | null;
  finalUrl: string | null;
  httpStatus: number | null;
  contentType: string | null;
  rawSha256: string | null;
  rawSize: number | null;
  pageError: string | null;
  itemText: string;
  itemTextSha256: string;
  pageText: string | null;
  pageTextSha256: string | null;
  screenshotSha256: string | null;
  screenshotSize: number | null;
  screenshotSkipped: string | null;
  item: string;
}

/** `evidence_blobs` — the raw page and screenshot bytes of a capture. */
export interface EvidenceBlobsTable {
  evidenceId: string;
  kind: string;
  sha256: string;
  bytes: Buffer;
}
