/**
 * Capturing evidence of an item for an incident or clue: fetch the item's page (outside any transaction),
 * take a screenshot when a browser is configured, extract the page text, hash everything, then store the
 * immutable capture with its timeline and audit entries in one transaction. A page that cannot be fetched
 * (deleted: 404, blocked, timed out) still yields a capture of the item's stored text, with the reason.
 */
import type { Evidence, EvidenceRecordType, Item } from '../../domain/index.js';
import { AppError, isAppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { sha256Hex } from '../../platform/sha256.js';
import type { EvidenceBlob } from '../../storage/repositories.js';
import type { EvidenceDeps } from './deps.js';
import { isTextual, itemTextOf, plainPageText } from './text.js';

/** What to capture, for whom. */
export interface CaptureRequest {
  unitId: string;
  itemId: string;
  recordType: EvidenceRecordType;
  recordId: string;
  actorUserId: string | null;
  ip?: string | null;
  /** The caller's units: the item and `unitId` must lie in them. Absent: not checked (system callers). */
  unitIds?: readonly string[] | null;
}

/** The default largest page kept: 10 MiB. */
export const DEFAULT_MAX_PAGE_BYTES = 10 * 1024 * 1024;

interface PageOutcome {
  finalUrl: string | null;
  httpStatus: number | null;
  contentType: string | null;
  raw: Buffer | null;
  pageError: string | null;
}

async function fetchPage(deps: EvidenceDeps, url: string | null): Promise<PageOutcome> {
  const none = { finalUrl: null, httpStatus: null, contentType: null, raw: null };
  if (url === null) return { ...none, pageError: 'no_url' };
  if (!deps.fetcher) return { ...none, pageError: 'no_fetcher' };
  try {
    const response = await deps.fetcher.fetch(url, {
      maxBytes: deps.options?.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES,
      ...(deps.options?.allowPrivate !== undefined && { allowPrivate: deps.options.allowPrivate }),
    });
    return {
      finalUrl: response.url,
      httpStatus: response.status,
      contentType: response.contentType,
      raw: response.body,
      pageError: null,
    };
  } catch (error) {
    const status = isAppError(error) ? error.details['status'] : undefined;
    return {
      ...none,
      httpStatus: typeof status === 'number' ? status : null,
      pageError: isAppError(error) ? error.code : 'FETCH_FAILED',
    };
  }
}

async function takeScreenshot(
  deps: EvidenceDeps,
  url: string | null,
): Promise<{ png: Buffer | null; skipped: string | null }> {
  if (url === null) return { png: null, skipped: 'no_url' };
  if (!deps.screenshotter) return { png: null, skipped: 'no_browser_configured' };
  try {
    return { png: await deps.screenshotter.capture(url), skipped: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { png: null, skipped: `failed: ${message.slice(0, 200)}` };
  }
}

function pageTextOf(deps: EvidenceDeps, page: PageOutcome): string | null {
  if (page.raw === null || !isTextual(page.contentType)) return null;
  const extract = deps.extractText ?? plainPageText;
  return extract({ url: page.finalUrl ?? '', body: page.raw, contentType: page.contentType });
}

async function visibleItem(deps: EvidenceDeps, request: CaptureRequest): Promise<Item> {
  const scope = request.unitIds === undefined ? undefined : { unitIds: request.unitIds };
  const notFound = (entity: string, id: string): AppError =>
    new AppError('NOT_FOUND', `${entity} ${id} does not exist`, { entity, id });
  if (scope?.unitIds && !scope.unitIds.includes(request.unitId)) throw notFound('unit', request.unitId);
  const item = await deps.storage.items.get(request.itemId, scope);
  if (!item) throw notFound('item', request.itemId);
  return item;
}

/** Captures evidence of an item for a record; the new immutable capture is returned. */
export async function captureEvidence(deps: EvidenceDeps, request: CaptureRequest): Promise<Evidence> {
  const item = await visibleItem(deps, request);
  const [page, shot] = await Promise.all([fetchPage(deps, item.url), takeScreenshot(deps, item.url)]);
  const pageText = pageTextOf(deps, page);
  const itemText = itemTextOf(item);
  const at = deps.clock.now();
  const evidence: Evidence = {
    id: newId(at),
    unitId: request.unitId,
    itemId: item.id,
    recordType: request.recordType,
    recordId: request.recordId,
    capturedAt: at,
    capturedBy: request.actorUserId,
    sourceUrl: item.url,
    finalUrl: page.finalUrl,
    httpStatus: page.httpStatus,
    contentType: page.contentType,
    rawSha256: page.raw ? sha256Hex(page.raw) : null,
    rawSize: page.raw ? page.raw.length : null,
    pageError: page.pageError,
    itemText,
    itemTextSha256: sha256Hex(itemText),
    pageText,
    pageTextSha256: pageText === null ? null : sha256Hex(pageText),
    screenshotSha256: shot.png ? sha256Hex(shot.png) : null,
    screenshotSize: shot.png ? shot.png.length : null,
    screenshotSkipped: shot.skipped,
    item: {
      title: item.title,
      author: item.author,
      platform: item.platform,
      url: item.url,
      publishedAt: item.publishedAt,
      collectedAt: item.collectedAt,
      contentHash: item.contentHash,
    },
  };
  const blobs: EvidenceBlob[] = [];
  if (page.raw && evidence.rawSha256)
    blobs.push({ kind: 'raw', sha256: evidence.rawSha256, bytes: page.raw });
  if (shot.png && evidence.screenshotSha256) {
    blobs.push({ kind: 'screenshot', sha256: evidence.screenshotSha256, bytes: shot.png });
  }
  return deps.storage.transaction(async (tx) => {
    await tx.evidence.insert(evidence, blobs);
    const details = {
      evidenceId: evidence.id,
      itemId: item.id,
      rawSha256: evidence.rawSha256,
      itemTextSha256: evidence.itemTextSha256,
      httpStatus: evidence.httpStatus,
      pageError: evidence.pageError,
    };
    await tx.caseTimeline.append({
      unitId: request.unitId,
      recordType: request.recordType,
      recordId: request.recordId,
      at,
      actorUserId: request.actorUserId,
      action: 'evidence_captured',
      details,
    });
    await tx.audit.append({
      at,
      actorUserId: request.actorUserId,
      unitId: request.unitId,
      action: 'evidence.capture',
      targetType: 'evidence',
      targetId: evidence.id,
      ip: request.ip ?? null,
      detail: { recordType: request.recordType, recordId: request.recordId, ...details },
    });
    return evidence;
  });
}
