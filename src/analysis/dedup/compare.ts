/**
 * The near-duplicate decision (DESIGN.md §5, `fengxiang dedup` of §6). Each text is viewed whole and,
 * when it is a repost chain, layer by layer; two texts are duplicates when some pair of views is a copy —
 * close in shingle resemblance, or one contained in the other (a truncated copy, an original quoted under
 * a comment) — and the pair's facts (numbers, dates, places) do not contradict each other.
 */
import { canonicalText } from './canonical.js';
import { factsConflict, factsOf, type PlaceFinder } from './facts.js';
import { intersectionSize, shingleSet } from './shingles.js';

/** The verdict on two texts. */
export interface DedupVerdict {
  /** True when one text is a copy of the other (repost, truncated copy, republished with a source line). */
  duplicate: boolean;
  /**
   * 0–1: the best resemblance or qualifying containment between the texts' views. A template filled in
   * with different facts keeps its high similarity but is not a duplicate.
   */
  similarity: number;
}

/** Options of the decision. */
export interface DedupOptions {
  /** Extra place names to treat as facts (for example from the region analyser). */
  findPlaces?: PlaceFinder;
}

/** A similarity at or above this is a copy. */
export const DUPLICATE_THRESHOLD = 0.7;
/** Views with fewer shingles than this are too short to call copies unless they are identical. */
const MIN_SHINGLES = 6;
/** A shorter view contained in a longer one counts when it has this many shingles… */
const MIN_CONTAINED_SHINGLES = 30;
/** …or when it is at least this share of the longer one (a copy cut short). */
const MIN_CONTAINED_SHARE = 0.5;

/** One way of looking at a text: a canonical string with its shingle set. */
interface View {
  text: string;
  shingles: Uint32Array;
  /** True for the whole text, false for one layer of a repost chain. */
  whole: boolean;
}

/** A text prepared once for comparison with many others. */
export interface PreparedText {
  views: View[];
}

/** Prepares `text` for {@link comparePrepared}: canonical views and their shingle sets. */
export function prepareText(text: string): PreparedText {
  const canonical = canonicalText(text);
  const strings = [canonical.full];
  for (const layer of canonical.layers) if (layer !== canonical.full) strings.push(layer);
  return {
    views: strings.map((view, index) => ({ text: view, shingles: shingleSet(view), whole: index === 0 })),
  };
}

/**
 * The similarity of two views: resemblance, or containment where it qualifies. Identical views are 1,
 * except short layers (two reposts that both say 转发 under different originals are not copies).
 */
function viewSimilarity(a: View, b: View): number {
  if (a.text === '' || b.text === '') return 0;
  const shorter = Math.min(a.shingles.length, b.shingles.length);
  if (shorter < MIN_SHINGLES) return a.text === b.text && a.whole && b.whole ? 1 : 0;
  if (a.text === b.text) return 1;
  const longer = Math.max(a.shingles.length, b.shingles.length);
  const shared = intersectionSize(a.shingles, b.shingles);
  const resemblance = shared / (a.shingles.length + b.shingles.length - shared);
  const qualifies = shorter >= MIN_CONTAINED_SHINGLES || shorter >= longer * MIN_CONTAINED_SHARE;
  return qualifies ? Math.max(resemblance, shared / shorter) : resemblance;
}

/** Compares two prepared texts; see {@link compareTexts}. */
export function comparePrepared(a: PreparedText, b: PreparedText, options: DedupOptions = {}): DedupVerdict {
  let similarity = 0;
  let duplicate = false;
  for (const viewA of a.views) {
    for (const viewB of b.views) {
      const score = viewSimilarity(viewA, viewB);
      similarity = Math.max(similarity, score);
      if (duplicate || score < DUPLICATE_THRESHOLD) continue;
      const conflict = factsConflict(
        factsOf(viewA.text, options.findPlaces),
        factsOf(viewB.text, options.findPlaces),
      );
      duplicate = !conflict;
    }
  }
  return { duplicate, similarity };
}

/**
 * Whether `b` is a near duplicate of `a` (symmetric): robust to repost prefixes and chains, added
 * comments, punctuation, full/half width, traditional characters, links and appended source lines; not
 * fooled by one template filled in with different numbers, dates or places.
 */
export function compareTexts(a: string, b: string, options: DedupOptions = {}): DedupVerdict {
  return comparePrepared(prepareText(a), prepareText(b), options);
}

/** The pure function behind `fengxiang dedup`: the verdict on one pair, similarity to 3 decimals. */
export function dedupPair(a: string, b: string, options: DedupOptions = {}): DedupVerdict {
  const verdict = compareTexts(a, b, options);
  return { duplicate: verdict.duplicate, similarity: Math.round(verdict.similarity * 1000) / 1000 };
}
