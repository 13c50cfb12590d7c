/**
 * Evidence (取证, issue 6 §2): captures of items attached to incidents and clues, their stored pages, and
 * evidence packages (ZIP with a manifest of SHA-256 hashes) with their verification.
 */
import { z } from 'zod';
import { EVIDENCE_RECORD_TYPES } from '../domain/index.js';
import { pageOf, pageQuery, timestamp } from './common.js';

const sha256 = z.string().describe('SHA-256, lower-case hex');

/** One capture (without the extracted page text; see the detail). */
export const evidence = z
  .object({
    id: z.string(),
    unitId: z.string(),
    itemId: z.string(),
    recordType: z.enum(EVIDENCE_RECORD_TYPES),
    recordId: z.string(),
    capturedAt: timestamp,
    capturedBy: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    finalUrl: z.string().nullable(),
    httpStatus: z.number().int().nullable().describe('Also of a failed fetch, e.g. 404 for a deleted post'),
    contentType: z.string().nullable(),
    rawSha256: sha256.nullable().describe('Hash of the stored raw page; null when none was stored'),
    rawSize: z.number().int().nullable(),
    pageError: z.string().nullable().describe('Why no page was stored (FETCH_HTTP_STATUS, no_url, …)'),
    itemText: z.string().describe('The item’s stored title and text at capture time'),
    itemTextSha256: sha256,
    pageTextSha256: sha256.nullable(),
    screenshotSha256: sha256.nullable(),
    screenshotSize: z.number().int().nullable(),
    screenshotSkipped: z.string().nullable().describe('Why no screenshot was taken'),
    item: z.object({
      title: z.string().nullable(),
      author: z.string().nullable(),
      platform: z.string().nullable(),
      url: z.string().nullable(),
      publishedAt: timestamp,
      collectedAt: timestamp,
      contentHash: z.string(),
    }),
  })
  .meta({ id: 'Evidence' });

/** One capture with the text extracted from its page. */
export const evidenceDetail = evidence
  .extend({ pageText: z.string().nullable() })
  .meta({ id: 'EvidenceDetail' });

/** A page of captures. */
export const evidencePage = pageOf(evidence);

/** POST /evidence: capture an item for an incident or clue. */
export const captureEvidenceBody = z.strictObject({
  itemId: z.string().min(1).max(64),
  recordType: z.enum(EVIDENCE_RECORD_TYPES),
  recordId: z.string().min(1).max(64),
  unitId: z.string().min(1).max(64).optional().describe('The record’s unit; the caller’s own when absent'),
});

/** GET /evidence. */
export const evidenceListQuery = pageQuery.extend({
  recordType: z.enum(EVIDENCE_RECORD_TYPES).optional(),
  recordId: z.string().min(1).max(64).optional(),
  itemId: z.string().min(1).max(64).optional(),
});

/** POST /evidence/package: the captures to export, in order. */
export const evidencePackageBody = z.strictObject({
  evidenceIds: z.array(z.string().min(1).max(64)).min(1).max(200),
});

/** POST /evidence/verify: a package as base64. */
export const verifyEvidenceBody = z.strictObject({
  package: z.base64().max(40_000_000).describe('The ZIP file, base64-encoded'),
});

/** What verifying a package found. */
export const evidenceVerification = z
  .object({
    valid: z.boolean(),
    problems: z.array(z.string()),
    files: z.array(
      z.object({
        path: z.string(),
        expectedSha256: sha256,
        actualSha256: sha256.nullable(),
        ok: z.boolean(),
      }),
    ),
    evidenceIds: z.array(z.string()),
    createdAt: z.string().nullable().describe('When the package was made, as its manifest says'),
  })
  .meta({ id: 'EvidenceVerification' });
