/**
 * Evidence (取证, issue 6 §2): capture an item's page, text and hashes for an incident or clue, export
 * packages with a manifest of SHA-256 hashes, and verify them. Other case areas (clues) use these.
 */
export { captureEvidence, DEFAULT_MAX_PAGE_BYTES, type CaptureRequest } from './capture.js';
export type {
  EvidenceActor,
  EvidenceDeps,
  EvidenceFetcher,
  EvidenceFetchResponse,
  EvidenceOptions,
  EvidenceServices,
  FetchedPage,
  Screenshotter,
} from './deps.js';
export {
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  pageExtension,
  type EvidenceManifest,
  type ManifestEvidence,
  type ManifestFile,
} from './manifest.js';
export { buildEvidencePackage, MAX_PACKAGE_EVIDENCE, type EvidencePackage } from './package.js';
export { itemTextOf, plainPageText } from './text.js';
export { verifyEvidencePackage, type VerificationReport, type VerifiedFile } from './verify.js';
export { readZip, writeZip, type ZipEntry, type ZipInput } from './zip.js';
