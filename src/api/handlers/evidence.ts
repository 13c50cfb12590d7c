/**
 * /api/v1/evidence: capture items for incidents and clues, list and show captures, serve the stored page
 * back (a post deleted online stays provable), export and verify evidence packages. Clue evidence is seen
 * only with clues:read and every view and export of it is audited; incident evidence needs incidents:read.
 */
import type { z } from 'zod';
import { hasPermission, notFound, requirePermission, requireUnitInScope } from '../../auth/index.js';
import {
  buildEvidencePackage,
  captureEvidence,
  verifyEvidencePackage,
  type EvidenceDeps,
} from '../../cases/evidence/index.js';
import type {
  captureEvidenceBody,
  evidence as evidenceSchema,
  evidenceDetail,
  evidenceListQuery,
  evidencePackageBody,
  evidencePage,
  evidenceVerification,
  verifyEvidenceBody,
} from '../../contract/index.js';
import {
  EVIDENCE_RECORD_TYPES,
  type Evidence,
  type EvidenceBlobKind,
  type EvidenceRecordType,
  type Permission,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import type { RequestContext } from '../route.js';

const READ: Record<EvidenceRecordType, Permission> = { incident: 'incidents:read', clue: 'clues:read' };
const WRITE: Record<EvidenceRecordType, Permission> = { incident: 'incidents:write', clue: 'clues:write' };

const iso = (at: number): string => new Date(at).toISOString();

/** A capture as the API shows it. */
export function presentEvidence({
  pageText: _pageText,
  ...evidence
}: Evidence): z.output<typeof evidenceSchema> {
  return {
    ...evidence,
    capturedAt: iso(evidence.capturedAt),
    item: {
      ...evidence.item,
      publishedAt: iso(evidence.item.publishedAt),
      collectedAt: iso(evidence.item.collectedAt),
    },
  };
}

function readable(ctx: RequestContext, type: EvidenceRecordType): boolean {
  return hasPermission(ctx.principal, READ[type]);
}

/** The capture when it is in scope and its record type readable by the caller; NOT_FOUND otherwise. */
async function visibleEvidence(ctx: RequestContext, id: string): Promise<Evidence> {
  const found = await ctx.deps.storage.evidence.get(id, ctx.principal.scope);
  if (!found || !readable(ctx, found.recordType)) throw notFound('evidence', id);
  return found;
}

async function auditClueView(ctx: RequestContext, evidence: Evidence, what: string): Promise<void> {
  if (evidence.recordType !== 'clue') return;
  await ctx.audit({
    action: 'evidence.view',
    unitId: evidence.unitId,
    targetType: 'evidence',
    targetId: evidence.id,
    detail: { what, recordType: evidence.recordType, recordId: evidence.recordId },
  });
}

function depsOf(ctx: RequestContext): EvidenceDeps {
  return { ...ctx.deps.evidence, storage: ctx.deps.storage, clock: ctx.deps.clock };
}

/** Captures an item for an incident or clue of a unit in scope. */
export async function createEvidence(
  ctx: RequestContext,
  body: z.output<typeof captureEvidenceBody>,
): Promise<z.output<typeof evidenceDetail>> {
  requirePermission(ctx.principal, WRITE[body.recordType]);
  if (!ctx.deps.evidence)
    throw new AppError('EVIDENCE_UNAVAILABLE', 'this server has no evidence capture', {});
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  const captured = await captureEvidence(depsOf(ctx), {
    unitId,
    itemId: body.itemId,
    recordType: body.recordType,
    recordId: body.recordId,
    actorUserId: ctx.actor.userId,
    ip: ctx.actor.ip,
    unitIds: ctx.principal.scope.unitIds,
  });
  return { ...presentEvidence(captured), pageText: captured.pageText };
}

/** Captures in scope of the record types the caller may read, newest first. */
export async function listEvidence(
  ctx: RequestContext,
  query: z.output<typeof evidenceListQuery>,
): Promise<z.output<typeof evidencePage>> {
  if (query.recordType !== undefined) requirePermission(ctx.principal, READ[query.recordType]);
  const hidden = EVIDENCE_RECORD_TYPES.filter((type) => !readable(ctx, type));
  const page = await ctx.deps.storage.evidence.list(
    ctx.principal.scope,
    {
      ...(query.recordType !== undefined && { recordType: query.recordType }),
      ...(query.recordId !== undefined && { recordId: query.recordId }),
      ...(query.itemId !== undefined && { itemId: query.itemId }),
      excludeRecordTypes: hidden,
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  if (page.items.some((item) => item.recordType === 'clue')) {
    await ctx.audit({
      action: 'evidence.list',
      unitId: ctx.principal.user.unitId,
      targetType: 'evidence',
      targetId: null,
      detail: { clueEvidenceIds: page.items.filter((e) => e.recordType === 'clue').map((e) => e.id) },
    });
  }
  return { items: page.items.map(presentEvidence), nextCursor: page.nextCursor };
}

/** One capture with its extracted page text. */
export async function getEvidence(ctx: RequestContext, id: string): Promise<z.output<typeof evidenceDetail>> {
  const found = await visibleEvidence(ctx, id);
  await auditClueView(ctx, found, 'detail');
  return { ...presentEvidence(found), pageText: found.pageText };
}

/**
 * The stored raw page (or screenshot) exactly as captured, with its SHA-256 and capture time in headers.
 * Served sandboxed (CSP `sandbox`, no scripts, no requests out) so a stored page cannot act in the console.
 */
export async function getEvidenceFile(
  ctx: RequestContext,
  id: string,
  kind: EvidenceBlobKind,
): Promise<Buffer> {
  const found = await visibleEvidence(ctx, id);
  const blob = await ctx.deps.storage.evidence.getBlob(found.id, kind);
  if (!blob) throw notFound(kind === 'raw' ? 'stored page of evidence' : 'screenshot of evidence', id);
  await auditClueView(ctx, found, kind);
  const type = kind === 'raw' ? (found.contentType ?? 'application/octet-stream') : 'image/png';
  void ctx.reply
    .header('content-type', type)
    .header(
      'content-security-policy',
      "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('x-evidence-sha256', blob.sha256)
    .header('x-evidence-captured-at', iso(found.capturedAt))
    .header('x-evidence-source-url', encodeURI(found.sourceUrl ?? ''));
  return blob.bytes;
}

/** A ZIP package of captures the caller may read; audited by the package builder. */
export async function exportEvidencePackage(
  ctx: RequestContext,
  body: z.output<typeof evidencePackageBody>,
): Promise<Buffer> {
  const found = await ctx.deps.storage.evidence.getMany(body.evidenceIds, ctx.principal.scope);
  const refused = body.evidenceIds.find((id) => {
    const evidence = found.find((candidate) => candidate.id === id);
    return !evidence || !readable(ctx, evidence.recordType);
  });
  if (refused !== undefined) throw notFound('evidence', refused);
  const built = await buildEvidencePackage(depsOf(ctx), body.evidenceIds, {
    userId: ctx.actor.userId,
    ip: ctx.actor.ip,
    unitIds: ctx.principal.scope.unitIds,
  });
  const name = `evidence-${built.manifest.createdAt.replace(/[:.]/g, '-')}.zip`;
  void ctx.reply
    .header('content-type', 'application/zip')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-evidence-package-sha256', built.sha256);
  return built.bytes;
}

/** Checks an uploaded package's hashes. */
export async function verifyEvidence(
  _ctx: RequestContext,
  body: z.output<typeof verifyEvidenceBody>,
): Promise<z.output<typeof evidenceVerification>> {
  const report = verifyEvidencePackage(Buffer.from(body.package, 'base64'));
  return {
    valid: report.valid,
    problems: report.problems,
    files: report.files,
    evidenceIds: report.manifest?.evidence.map((entry) => entry.id) ?? [],
    createdAt: report.manifest?.createdAt ?? null,
  };
}
