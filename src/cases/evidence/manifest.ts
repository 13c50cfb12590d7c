/**
 * The manifest of an evidence package (manifest.json): every file with its SHA-256 and size, and every
 * capture with its item metadata, capture time, HTTP status and the hashes recorded at capture. Pure.
 */
import type { Evidence } from '../../domain/index.js';

/** The value of `format` in every manifest. */
export const MANIFEST_FORMAT = 'fengxiang-evidence-package';
/** The manifest's file name inside the package. */
export const MANIFEST_NAME = 'manifest.json';

/** One file of the package. */
export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

/** The files of one capture inside the package (paths; null when the capture has no such file). */
export interface ManifestEvidenceFiles {
  itemText: string;
  page: string | null;
  pageText: string | null;
  screenshot: string | null;
}

/** One capture as the manifest describes it; times are ISO 8601 (UTC). */
export interface ManifestEvidence {
  id: string;
  unitId: string;
  itemId: string;
  recordType: string;
  recordId: string;
  capturedAt: string;
  capturedBy: string | null;
  sourceUrl: string | null;
  finalUrl: string | null;
  httpStatus: number | null;
  contentType: string | null;
  pageError: string | null;
  screenshotSkipped: string | null;
  rawSha256: string | null;
  itemTextSha256: string;
  pageTextSha256: string | null;
  screenshotSha256: string | null;
  item: {
    title: string | null;
    author: string | null;
    platform: string | null;
    url: string | null;
    publishedAt: string;
    collectedAt: string;
    contentHash: string;
  };
  files: ManifestEvidenceFiles;
}

/** manifest.json. */
export interface EvidenceManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  hashAlgorithm: 'SHA-256';
  createdAt: string;
  createdBy: string | null;
  evidence: ManifestEvidence[];
  files: ManifestFile[];
}

const iso = (at: number): string => new Date(at).toISOString();

/** The file extension of a stored page by its content type. */
export function pageExtension(contentType: string | null): string {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const known: Record<string, string> = {
    'text/html': 'html',
    'application/xhtml+xml': 'html',
    'application/json': 'json',
    'application/xml': 'xml',
    'text/xml': 'xml',
    'text/plain': 'txt',
    'application/pdf': 'pdf',
    'image/png': 'png',
    'image/jpeg': 'jpg',
  };
  return known[type] ?? (type === '' ? 'html' : 'bin');
}

/** The paths of a capture's files inside the package. */
export function evidencePaths(evidence: Evidence): ManifestEvidenceFiles {
  const base = `evidence/${evidence.id}`;
  return {
    itemText: `${base}/item.txt`,
    page: evidence.rawSha256 === null ? null : `${base}/page.${pageExtension(evidence.contentType)}`,
    pageText: evidence.pageText === null ? null : `${base}/page-text.txt`,
    screenshot: evidence.screenshotSha256 === null ? null : `${base}/screenshot.png`,
  };
}

/** The manifest entry of a capture. */
export function manifestEvidence(evidence: Evidence): ManifestEvidence {
  return {
    id: evidence.id,
    unitId: evidence.unitId,
    itemId: evidence.itemId,
    recordType: evidence.recordType,
    recordId: evidence.recordId,
    capturedAt: iso(evidence.capturedAt),
    capturedBy: evidence.capturedBy,
    sourceUrl: evidence.sourceUrl,
    finalUrl: evidence.finalUrl,
    httpStatus: evidence.httpStatus,
    contentType: evidence.contentType,
    pageError: evidence.pageError,
    screenshotSkipped: evidence.screenshotSkipped,
    rawSha256: evidence.rawSha256,
    itemTextSha256: evidence.itemTextSha256,
    pageTextSha256: evidence.pageTextSha256,
    screenshotSha256: evidence.screenshotSha256,
    item: {
      ...evidence.item,
      publishedAt: iso(evidence.item.publishedAt),
      collectedAt: iso(evidence.item.collectedAt),
    },
    files: evidencePaths(evidence),
  };
}
