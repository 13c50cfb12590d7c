/**
 * Verifying an evidence package: every file the manifest lists must be present with the listed size and
 * SHA-256 (and its ZIP CRC intact), no unlisted file may hide in it, and each capture's files must carry the
 * hashes recorded at capture time. Pure: bytes in, a report out; a malformed package is a failed report.
 */
import { isAppError } from '../../platform/errors.js';
import { sha256Hex } from '../../platform/sha256.js';
import { MANIFEST_FORMAT, MANIFEST_NAME, type EvidenceManifest, type ManifestFile } from './manifest.js';
import { readZip, type ZipEntry } from './zip.js';

/** The check of one listed file. */
export interface VerifiedFile {
  path: string;
  expectedSha256: string;
  actualSha256: string | null;
  ok: boolean;
}

/** The outcome of a verification. */
export interface VerificationReport {
  valid: boolean;
  /** What is wrong, one line each (empty when valid). */
  problems: string[];
  files: VerifiedFile[];
  /** The manifest as read, when it could be read. */
  manifest: EvidenceManifest | null;
}

function isManifestFile(value: unknown): value is ManifestFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    typeof file['path'] === 'string' && typeof file['sha256'] === 'string' && typeof file['size'] === 'number'
  );
}

function parseManifest(entry: ZipEntry | undefined): EvidenceManifest | string {
  if (!entry) return `${MANIFEST_NAME} is missing`;
  let value: unknown;
  try {
    value = JSON.parse(entry.data.toString('utf8'));
  } catch {
    return `${MANIFEST_NAME} is not valid JSON`;
  }
  if (typeof value !== 'object' || value === null) return `${MANIFEST_NAME} is not an object`;
  const manifest = value as Record<string, unknown>;
  if (manifest['format'] !== MANIFEST_FORMAT) return `${MANIFEST_NAME} is not a Fengxiang evidence manifest`;
  const files = manifest['files'];
  if (!Array.isArray(files) || !files.every(isManifestFile)) return `${MANIFEST_NAME} lists no valid files`;
  if (!Array.isArray(manifest['evidence'])) return `${MANIFEST_NAME} lists no captures`;
  return value as EvidenceManifest;
}

function checkFile(listed: ManifestFile, entry: ZipEntry | undefined, problems: string[]): VerifiedFile {
  if (!entry) {
    problems.push(`${listed.path}: listed in the manifest but missing`);
    return { path: listed.path, expectedSha256: listed.sha256, actualSha256: null, ok: false };
  }
  const actual = sha256Hex(entry.data);
  let ok = true;
  if (actual !== listed.sha256) {
    problems.push(`${listed.path}: SHA-256 ${actual} differs from the manifest's ${listed.sha256}`);
    ok = false;
  }
  if (entry.data.length !== listed.size) {
    problems.push(`${listed.path}: ${entry.data.length} bytes, the manifest says ${listed.size}`);
    ok = false;
  }
  if (!entry.crcValid) {
    problems.push(`${listed.path}: the ZIP checksum does not match (damaged)`);
    ok = false;
  }
  return { path: listed.path, expectedSha256: listed.sha256, actualSha256: actual, ok };
}

/** Recorded capture hashes must be the hashes of the files the manifest lists for that capture. */
function checkCaptures(manifest: EvidenceManifest, problems: string[]): void {
  const hashOf = new Map(manifest.files.map((file) => [file.path, file.sha256]));
  for (const evidence of manifest.evidence) {
    const pairs: [string | null | undefined, string | null | undefined][] = [
      [evidence.files?.itemText, evidence.itemTextSha256],
      [evidence.files?.page, evidence.rawSha256],
      [evidence.files?.pageText, evidence.pageTextSha256],
      [evidence.files?.screenshot, evidence.screenshotSha256],
    ];
    for (const [path, recorded] of pairs) {
      if (!path) continue;
      if (hashOf.get(path) !== recorded) {
        problems.push(`${path}: not the file recorded when evidence ${evidence.id} was captured`);
      }
    }
  }
}

/** Checks a package's hashes; never throws for bad input. */
export function verifyEvidencePackage(bytes: Buffer): VerificationReport {
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes);
  } catch (error) {
    const message = isAppError(error) ? error.message : 'the package cannot be read';
    return { valid: false, problems: [message], files: [], manifest: null };
  }
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const manifest = parseManifest(byName.get(MANIFEST_NAME));
  if (typeof manifest === 'string') return { valid: false, problems: [manifest], files: [], manifest: null };
  const problems: string[] = [];
  if (entries.length !== byName.size) problems.push('the package holds two files of the same name');
  const files = manifest.files.map((listed) => checkFile(listed, byName.get(listed.path), problems));
  const listedPaths = new Set(manifest.files.map((file) => file.path));
  for (const entry of entries) {
    if (entry.name !== MANIFEST_NAME && !listedPaths.has(entry.name)) {
      problems.push(`${entry.name}: not listed in the manifest`);
    }
  }
  checkCaptures(manifest, problems);
  return { valid: problems.length === 0, problems, files, manifest };
}
