/**
 * Exact dedup and storage of a batch of normalised candidates (issue 3 §4). Within one source an item is
 * the same item when its platform id, canonical URL or content hash matches; a match by id or URL whose
 * text changed is an edit (a new version, history kept); keys of deleted or merged items (tombstones) never
 * come back. Comments and reposts are linked to their parents by platform id or URL. Runs inside the caller's
 * transaction, so a batch is stored whole or not at all.
 */
import type { Engagement } from '../../domain/entities.js';
import type { ExistingItemKey, Storage, TombstoneKey } from '../../storage/repositories.js';
import type { NearDuplicateCheck } from '../../analysis/analyze/analyze.js';
import { linkNearDuplicates } from './near-duplicates.js';
import type { Candidate } from './normalise.js';

/** The repositories the store step needs (a transaction's or the storage's). */
export type StoreTarget = Pick<Storage, 'items'>;

/** What happened to a batch. */
export interface StoreSummary {
  /** Ids of new items, in input order. */
  inserted: string[];
  /** Ids of items whose text changed. */
  updated: string[];
  duplicates: number;
  /** Candidates whose keys belong to deleted or merged items. */
  tombstoned: number;
  /** What became of each candidate, in input order: the stored item's id and how it was handled. */
  outcomes: CandidateOutcome[];
}

/** What became of one candidate. */
export interface CandidateOutcome {
  status: 'inserted' | 'updated' | 'duplicate' | 'tombstoned';
  /** The id of the stored item it became or matched (null when tombstoned). */
  itemId: string | null;
}

/** The dedup keys of a batch. */
interface BatchKeys {
  externalIds: string[];
  canonicalUrls: string[];
  contentHashes: string[];
}

/** Dedups, links and stores `candidates` of one source. */
export async function storeCandidates(
  target: StoreTarget,
  sourceId: string,
  candidates: readonly Candidate[],
  now: number,
  nearDuplicates: NearDuplicateCheck | null = null,
): Promise<StoreSummary> {
  const { unique, repeatOf } = dropRepeatsWithinBatch(candidates);
  const outcomes = new Map<Candidate, CandidateOutcome>();
  const keys = keysOf(unique);
  const tombstones = new KeyIndex<TombstoneKey>(
    unique.length > 0 ? await target.items.findTombstones(sourceId, keys) : [],
  );
  const existing = new KeyIndex<ExistingItemKey>(
    unique.length > 0 ? await target.items.findExisting(sourceId, keys) : [],
  );
  const fresh: Candidate[] = [];
  for (const candidate of unique) {
    if (tombstones.match(candidate)) {
      outcomes.set(candidate, { status: 'tombstoned', itemId: null });
      continue;
    }
    const match = existing.match(candidate);
    if (!match) {
      fresh.push(candidate);
      outcomes.set(candidate, { status: 'inserted', itemId: candidate.item.id });
    } else {
      const edited = await applyChange(target, match, candidate, now);
      outcomes.set(candidate, { status: edited ? 'updated' : 'duplicate', itemId: match.id });
    }
  }
  await linkParents(target, sourceId, fresh);
  if (nearDuplicates) await linkNearDuplicates(target, fresh, nearDuplicates);
  if (fresh.length > 0) await target.items.insertMany(fresh.map((c) => c.item));
  return summarise(candidates, outcomes, repeatOf);
}

function summarise(
  candidates: readonly Candidate[],
  outcomes: Map<Candidate, CandidateOutcome>,
  repeatOf: Map<Candidate, Candidate>,
): StoreSummary {
  const summary: StoreSummary = { inserted: [], updated: [], duplicates: 0, tombstoned: 0, outcomes: [] };
  for (const candidate of candidates) {
    const first = repeatOf.get(candidate);
    const own = outcomes.get(candidate);
    const outcome: CandidateOutcome = first
      ? { status: 'duplicate', itemId: outcomes.get(first)?.itemId ?? null }
      : (own ?? { status: 'duplicate', itemId: null });
    summary.outcomes.push(outcome);
    if (outcome.status === 'inserted' && outcome.itemId) summary.inserted.push(outcome.itemId);
    else if (outcome.status === 'updated' && outcome.itemId) summary.updated.push(outcome.itemId);
    else if (outcome.status === 'tombstoned') summary.tombstoned += 1;
    else summary.duplicates += 1;
  }
  return summary;
}

/** Keeps the first of candidates that share a key and remembers which first one each repeat matched. */
function dropRepeatsWithinBatch(candidates: readonly Candidate[]): {
  unique: Candidate[];
  repeatOf: Map<Candidate, Candidate>;
} {
  const seen = new Map<string, Candidate>();
  const unique: Candidate[] = [];
  const repeatOf = new Map<Candidate, Candidate>();
  for (const candidate of candidates) {
    const keys = keyStrings(candidate);
    const first = keys.map((key) => seen.get(key)).find((found) => found !== undefined);
    if (first) {
      repeatOf.set(candidate, first);
      continue;
    }
    keys.forEach((key) => seen.set(key, candidate));
    unique.push(candidate);
  }
  return { unique, repeatOf };
}

function keyStrings(candidate: Candidate): string[] {
  const { externalId, canonicalUrl, contentHash } = candidate.item;
  return [
    ...(externalId ? [`e:${externalId}`] : []),
    ...(canonicalUrl ? [`u:${canonicalUrl}`] : []),
    `h:${contentHash}`,
  ];
}

function keysOf(candidates: readonly Candidate[]): BatchKeys {
  return {
    externalIds: candidates.flatMap((c) => (c.item.externalId ? [c.item.externalId] : [])),
    canonicalUrls: candidates.flatMap((c) => (c.item.canonicalUrl ? [c.item.canonicalUrl] : [])),
    contentHashes: candidates.map((c) => c.item.contentHash),
  };
}

/** The keys a stored item or a tombstone carries. */
type KeyedRow = Pick<ExistingItemKey, 'externalId' | 'canonicalUrl'> & { contentHash: string | null };

/** Stored keys looked up by kind; an id or URL match wins over a content-hash match. */
class KeyIndex<Row extends KeyedRow> {
  private readonly byExternalId = new Map<string, Row>();
  private readonly byUrl = new Map<string, Row>();
  private readonly byHash = new Map<string, Row>();

  constructor(rows: readonly Row[]) {
    for (const row of rows) {
      if (row.externalId) this.byExternalId.set(row.externalId, row);
      if (row.canonicalUrl) this.byUrl.set(row.canonicalUrl, row);
      if (row.contentHash) this.byHash.set(row.contentHash, row);
    }
  }

  match(candidate: Candidate): Row | undefined {
    const { externalId, canonicalUrl, contentHash } = candidate.item;
    return (
      (externalId ? this.byExternalId.get(externalId) : undefined) ??
      (canonicalUrl ? this.byUrl.get(canonicalUrl) : undefined) ??
      this.byHash.get(contentHash)
    );
  }
}

/**
 * Updates a stored item from a refetched copy: a changed text becomes a new version; otherwise only
 * changed engagement counters are written. True when the text changed.
 */
async function applyChange(
  target: StoreTarget,
  stored: ExistingItemKey,
  candidate: Candidate,
  now: number,
): Promise<boolean> {
  const { item } = candidate;
  if (stored.contentHash !== item.contentHash) {
    await target.items.updateContent(stored.id, {
      title: item.title ?? null,
      content: item.content,
      normalizedText: item.normalizedText ?? '',
      tokens: item.tokens ?? '',
      contentHash: item.contentHash,
      engagement: item.engagement,
      updatedAt: now,
    });
    return true;
  }
  if (engagementChanged(stored.engagement, item.engagement)) {
    await target.items.updateEngagement(stored.id, { ...stored.engagement, ...item.engagement });
  }
  return false;
}

function engagementChanged(stored: Engagement, fetched: Partial<Engagement> | undefined): boolean {
  if (!fetched) return false;
  return (Object.keys(fetched) as (keyof Engagement)[]).some(
    (key) => fetched[key] !== undefined && fetched[key] !== stored[key],
  );
}

/**
 * Sets `parentId` and `replyToId` of new items: first among the batch itself (a thread fetched with its
 * article), then among stored items of the same source by platform id, then of any source by URL.
 */
async function linkParents(
  target: StoreTarget,
  sourceId: string,
  fresh: readonly Candidate[],
): Promise<void> {
  const batchByExternalId = new Map<string, string>();
  const batchByUrl = new Map<string, string>();
  for (const { item } of fresh) {
    if (item.externalId) batchByExternalId.set(item.externalId, item.id);
    if (item.canonicalUrl) batchByUrl.set(item.canonicalUrl, item.id);
  }
  const wantedIds = new Set<string>();
  const wantedUrls = new Set<string>();
  for (const candidate of fresh) {
    const { parent, replyToExternalId } = candidate;
    if (parent?.externalId && !batchByExternalId.has(parent.externalId)) wantedIds.add(parent.externalId);
    if (parent?.canonicalUrl && !batchByUrl.has(parent.canonicalUrl)) wantedUrls.add(parent.canonicalUrl);
    if (replyToExternalId && !batchByExternalId.has(replyToExternalId)) wantedIds.add(replyToExternalId);
  }
  const storedById =
    wantedIds.size > 0
      ? await target.items.idsByExternalId(sourceId, [...wantedIds])
      : new Map<string, string>();
  const storedByUrl =
    wantedUrls.size > 0 ? await target.items.idsByCanonicalUrl([...wantedUrls]) : new Map<string, string>();
  const byExternalId = (key: string): string | null =>
    batchByExternalId.get(key) ?? storedById.get(key) ?? null;
  const byUrl = (key: string): string | null => batchByUrl.get(key) ?? storedByUrl.get(key) ?? null;
  for (const candidate of fresh) {
    const { parent, replyToExternalId, item } = candidate;
    const parentId =
      (parent?.externalId ? byExternalId(parent.externalId) : null) ??
      (parent?.canonicalUrl ? byUrl(parent.canonicalUrl) : null);
    if (parentId !== null && parentId !== item.id) item.parentId = parentId;
    const replyToId = replyToExternalId ? byExternalId(replyToExternalId) : null;
    if (replyToId !== null && replyToId !== item.id) item.replyToId = replyToId;
  }
}
