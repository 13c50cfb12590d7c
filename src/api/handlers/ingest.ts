/**
 * POST /api/v1/ingest: items pushed by external crawlers with a per-source token. The body is a JSON
 * array, `{ "items": [...] }` or NDJSON (one object per line). Each item is checked on its own and the
 * answer lists, in order, what became of every one: accepted, updated, duplicate or rejected and why.
 */
import type { z } from 'zod';
import { ingestItem, type ingestResponse } from '../../contract/index.js';
import type { RawItem } from '../../domain/collection.js';
import type { Source } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { sha256Hex } from '../../platform/sha256.js';
import type { RequestContext } from '../route.js';

type Entry = RawItem | { rejected: string };

/** The push source whose token the request carries. */
async function pushSource(ctx: RequestContext): Promise<Source> {
  const header = ctx.request.headers.authorization ?? '';
  const token = /^Bearer\s+(\S+)$/iu.exec(header)?.[1];
  if (!token)
    throw new AppError('UNAUTHENTICATED', 'send the source push token as "Authorization: Bearer <token>"');
  const source = await ctx.deps.storage.sources.findByIngestToken(sha256Hex(token));
  if (source?.kind !== 'push') throw new AppError('UNAUTHENTICATED', 'the push token is not valid');
  if (!source.enabled) throw new AppError('FORBIDDEN', `source ${source.id} is paused and takes no items`);
  return source;
}

/** The raw values of the body, one per item, or why a line could not be read. */
function bodyEntries(body: unknown): (unknown | { unreadable: string })[] {
  if (Array.isArray(body)) return body;
  if (typeof body === 'object' && body !== null && Array.isArray((body as { items?: unknown }).items)) {
    return (body as { items: unknown[] }).items;
  }
  if (typeof body === 'string') return ndjsonEntries(body);
  throw new AppError('INGEST_REJECTED', 'the body must be a JSON array, {"items": [...]} or NDJSON lines');
}

function ndjsonEntries(text: string): (unknown | { unreadable: string })[] {
  const entries: (unknown | { unreadable: string })[] = [];
  text.split(/\r?\n/u).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      entries.push(JSON.parse(line));
    } catch (error) {
      entries.push({ unreadable: `line ${index + 1}: not JSON (${(error as Error).message})` });
    }
  });
  return entries;
}

function isUnreadable(value: unknown): value is { unreadable: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { unreadable?: unknown }).unreadable === 'string' &&
    Object.keys(value).length === 1
  );
}

/** Checks one pushed value and turns it into a raw item, or says what is wrong with it. */
export function toRawItem(value: unknown): Entry {
  if (isUnreadable(value)) return { rejected: value.unreadable };
  const parsed = ingestItem.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(item)'}: ${issue.message}`,
    );
    return { rejected: problems.join('; ') };
  }
  const item = parsed.data;
  const published = publishedOf(item.publishedAt, item.publishedText);
  return {
    kind: item.kind,
    externalId: item.id ?? null,
    url: item.url ?? null,
    title: item.title ?? null,
    content: item.content,
    author: item.author ?? null,
    ...published,
    platform: item.platform ?? null,
    parent:
      item.parentId || item.parentUrl
        ? { externalId: item.parentId ?? null, url: item.parentUrl ?? null }
        : null,
    replyToExternalId: item.replyToId ?? null,
    engagement: {
      ...(item.likes !== undefined && { likes: item.likes }),
      ...(item.comments !== undefined && { comments: item.comments }),
      ...(item.reposts !== undefined && { reposts: item.reposts }),
      ...(item.views !== undefined && { views: item.views }),
    },
    ipRegion: item.ipRegion ?? null,
    images: item.images ?? [],
    language: item.language ?? null,
  };
}

/** Epoch numbers below 1e11 are seconds; ISO times with a zone are exact; others are read in the source's zone. */
function publishedOf(
  publishedAt: string | number | undefined,
  publishedText: string | undefined,
): { publishedAt: number | null; publishedText: string | null } {
  if (typeof publishedAt === 'number') {
    return { publishedAt: publishedAt < 1e11 ? publishedAt * 1000 : publishedAt, publishedText: null };
  }
  if (typeof publishedAt === 'string') {
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/iu.test(publishedAt);
    return zoned
      ? { publishedAt: Date.parse(publishedAt), publishedText: null }
      : { publishedAt: null, publishedText: publishedAt };
  }
  return { publishedAt: null, publishedText: publishedText ?? null };
}

/** Stores pushed items and answers per item. */
export async function ingest(ctx: RequestContext, body: unknown): Promise<z.output<typeof ingestResponse>> {
  const source = await pushSource(ctx);
  const values = bodyEntries(body);
  const limit = ctx.deps.collection.maxIngestItems;
  if (values.length > limit) {
    throw new AppError('PAYLOAD_TOO_LARGE', `at most ${limit} items per request (got ${values.length})`, {
      limit,
    });
  }
  const summary = await ctx.deps.collection.accept(source, values.map(toRawItem));
  return {
    sourceId: source.id,
    accepted: summary.inserted,
    updated: summary.updated,
    duplicates: summary.duplicates,
    rejected: summary.rejected,
    results: summary.outcomes.map((outcome, index) => ({
      index,
      status:
        outcome.status === 'inserted'
          ? 'accepted'
          : outcome.status === 'tombstoned'
            ? 'duplicate'
            : outcome.status,
      id: outcome.itemId,
      reason:
        outcome.status === 'rejected'
          ? outcome.reason
          : outcome.status === 'tombstoned'
            ? 'deleted or merged earlier; not stored again'
            : null,
    })),
  };
}
