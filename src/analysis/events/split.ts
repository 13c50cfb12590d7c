/**
 * Split proposals: an event whose items form two clearly separate groups (two stories that were joined by
 * a bridging post) is split in two. Two-means over the members' vectors, seeded deterministically with
 * the item farthest from the event's centroid and the item farthest from that one; the split is proposed
 * only when both groups are big enough and their centroids are far apart. Items without terms (plain
 * reposts) follow their original. The larger group keeps the event's id. Pure.
 */
import { addInto, cosine, type TermVector } from './vectors.js';

/** A member of the event as the split check sees it. */
export interface SplitMember {
  id: string;
  vector: TermVector;
  originId: string | null;
}

/** When a split is proposed. */
export interface SplitOptions {
  /** Each group needs at least this many items with terms. */
  minGroup: number;
  /** The smaller group needs at least this share of the items with terms. */
  minShare: number;
  /** The centroids of the two groups must be less similar than this. */
  maxSimilarity: number;
}

/** Defaults: two groups of 5+ items and 20%+ each whose centroids share almost nothing. */
export const DEFAULT_SPLIT_OPTIONS: Readonly<SplitOptions> = {
  minGroup: 5,
  minShare: 0.2,
  maxSimilarity: 0.1,
};

/** A proposed split: `keepIds` stay (the larger group), `splitIds` leave for a new event. */
export interface SplitProposal {
  keepIds: string[];
  splitIds: string[];
  /** Cosine of the two groups' centroids. */
  similarity: number;
}

function centroidOf(members: readonly SplitMember[]): Map<string, number> {
  const centroid = new Map<string, number>();
  for (const member of members) addInto(centroid, member.vector);
  return centroid;
}

function farthestFrom(members: readonly SplitMember[], vector: TermVector): SplitMember | undefined {
  let best: SplitMember | undefined;
  let bestSimilarity = Infinity;
  for (const member of members) {
    const similarity = cosine(member.vector, vector);
    if (similarity < bestSimilarity) [best, bestSimilarity] = [member, similarity];
  }
  return best;
}

function twoMeans(members: readonly SplitMember[]): [SplitMember[], SplitMember[]] | null {
  const seedA = farthestFrom(members, centroidOf(members));
  const seedB = seedA && farthestFrom(members, seedA.vector);
  if (!seedA || !seedB || seedA === seedB) return null;
  let centres: [TermVector, TermVector] = [seedA.vector, seedB.vector];
  let groups: [SplitMember[], SplitMember[]] = [[], []];
  for (let round = 0; round < 10; round++) {
    const next: [SplitMember[], SplitMember[]] = [[], []];
    for (const member of members) {
      const toA = cosine(member.vector, centres[0]);
      const toB = cosine(member.vector, centres[1]);
      next[toA >= toB ? 0 : 1].push(member);
    }
    const stable = next[0].length === groups[0].length && next[0].every((m, i) => m === groups[0][i]);
    groups = next;
    if (stable) break;
    centres = [centroidOf(groups[0]), centroidOf(groups[1])];
  }
  return groups;
}

/** The split of an event's members, or null when they do not form two clearly separate groups. */
export function proposeSplit(
  members: readonly SplitMember[],
  options: SplitOptions = DEFAULT_SPLIT_OPTIONS,
): SplitProposal | null {
  const withTerms = members.filter((member) => member.vector.size > 0);
  if (withTerms.length < 2 * options.minGroup) return null;
  const groups = twoMeans(withTerms);
  if (!groups) return null;
  const [a, b] = groups;
  const smaller = Math.min(a.length, b.length);
  if (smaller < options.minGroup || smaller < options.minShare * withTerms.length) return null;
  const similarity = cosine(centroidOf(a), centroidOf(b));
  if (similarity >= options.maxSimilarity) return null;
  const [keep, leave] = a.length >= b.length ? [a, b] : [b, a];
  const keepIds = new Set(keep.map((m) => m.id));
  const leaveIds = new Set(leave.map((m) => m.id));
  // Items without terms follow their original (through chains of reposts); unknown origins stay.
  const byId = new Map(members.map((m) => [m.id, m]));
  for (const member of members) {
    if (keepIds.has(member.id) || leaveIds.has(member.id)) continue;
    let origin = member.originId;
    const seen = new Set<string>();
    while (origin !== null && !keepIds.has(origin) && !leaveIds.has(origin) && !seen.has(origin)) {
      seen.add(origin);
      origin = byId.get(origin)?.originId ?? null;
    }
    (origin !== null && leaveIds.has(origin) ? leaveIds : keepIds).add(member.id);
  }
  return { keepIds: [...keepIds], splitIds: [...leaveIds], similarity };
}
