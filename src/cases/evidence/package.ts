/**
 * Exporting evidence packages: a ZIP with manifest.json and, per capture, the item's stored text, the raw
 * page exactly as fetched, the extracted page text and the screenshot. Stored bytes are checked against the
 * hashes recorded at capture before they go out, and every export is audited (with the package's hash).
 */
import { AppError } from '../../platform/errors.js';
import { sha256Hex } from '../../platform/sha256.js';
import type { Evidence } from '../../domain/index.js';
import type { EvidenceActor, EvidenceDeps } from './deps.js';
import {
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  manifestEvidence,
  type EvidenceManifest,
  type ManifestFile,
} from './manifest.js';
import { writeZip, type ZipInput } from './zip.js';

/** The most captures one package holds. */
export const MAX_PACKAGE_EVIDENCE = 200;

/** A built package. */
export interface EvidencePackage {
  bytes: Buffer;
  manifest: EvidenceManifest;
  /** SHA-256 of the whole ZIP (kept in the audit entry). */
  sha256: string;
}

async function storedBytes(
  deps: EvidenceDeps,
  evidence: Evidence,
  kind: 'raw' | 'screenshot',
): Promise<Buffer> {
  const expected = kind === 'raw' ? evidence.rawSha256 : evidence.screenshotSha256;
  const blob = await deps.storage.evidence.getBlob(evidence.id, kind);
  if (!blob || sha256Hex(blob.bytes) !== expected) {
    throw new AppError(
      'INTERNAL',
      `the stored ${kind} file of evidence ${evidence.id} is missing or damaged`,
      {
        evidenceId: evidence.id,
        kind,
      },
    );
  }
  return blob.bytes;
}

async function filesOf(deps: EvidenceDeps, evidence: Evidence): Promise<ZipInput[]> {
  const paths = manifestEvidence(evidence).files;
  const files: ZipInput[] = [{ name: paths.itemText, data: Buffer.from(evidence.itemText, 'utf8') }];
  if (paths.page) files.push({ name: paths.page, data: await storedBytes(deps, evidence, 'raw') });
  if (paths.pageText && evidence.pageText !== null) {
    files.push({ name: paths.pageText, data: Buffer.from(evidence.pageText, 'utf8') });
  }
  if (paths.screenshot)
    files.push({ name: paths.screenshot, data: await storedBytes(deps, evidence, 'screenshot') });
  return files;
}

/**
 * Builds the package of the given captures (in that order). NOT_FOUND when one is missing or outside the
 * actor's units; BAD_REQUEST for an empty or oversized request.
 */
export async function buildEvidencePackage(
  deps: EvidenceDeps,
  evidenceIds: readonly string[],
  actor: EvidenceActor,
): Promise<EvidencePackage> {
  const ids = [...new Set(evidenceIds)];
  if (ids.length === 0 || ids.length > MAX_PACKAGE_EVIDENCE) {
    throw new AppError('BAD_REQUEST', `a package holds 1 to ${MAX_PACKAGE_EVIDENCE} captures`, {
      count: ids.length,
    });
  }
  const scope = actor.unitIds === null ? undefined : { unitIds: actor.unitIds };
  const found = await deps.storage.evidence.getMany(ids, scope);
  const missing = ids.filter((id) => !found.some((evidence) => evidence.id === id));
  if (missing[0] !== undefined) {
    throw new AppError('NOT_FOUND', `evidence ${missing[0]} does not exist`, {
      entity: 'evidence',
      id: missing[0],
    });
  }
  const files: ZipInput[] = [];
  for (const evidence of found) files.push(...(await filesOf(deps, evidence)));
  const at = deps.clock.now();
  const listed: ManifestFile[] = files.map((file) => ({
    path: file.name,
    sha256: sha256Hex(file.data),
    size: file.data.byteLength,
  }));
  const manifest: EvidenceManifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    hashAlgorithm: 'SHA-256',
    createdAt: new Date(at).toISOString(),
    createdBy: actor.userId,
    evidence: found.map(manifestEvidence),
    files: listed,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const bytes = writeZip([{ name: MANIFEST_NAME, data: manifestBytes }, ...files], at);
  const sha256 = sha256Hex(bytes);
  await deps.storage.transaction(async (tx) => {
    for (const unitId of new Set(found.map((evidence) => evidence.unitId))) {
      const mine = found.filter((evidence) => evidence.unitId === unitId);
      await tx.audit.append({
        at,
        actorUserId: actor.userId,
        unitId,
        action: 'evidence.export',
        targetType: 'evidence_package',
        targetId: sha256,
        ip: actor.ip,
        detail: {
          evidenceIds: mine.map((evidence) => evidence.id),
          records: [...new Set(mine.map((evidence) => `${evidence.recordType}:${evidence.recordId}`))],
          manifestSha256: sha256Hex(manifestBytes),
          packageSha256: sha256,
          files: listed.length,
        },
      });
    }
  });
  return { bytes, manifest, sha256 };
}
