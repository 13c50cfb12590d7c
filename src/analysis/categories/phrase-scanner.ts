/**
 * A compiled set of phrases found in one left-to-right pass over a text. Phrases are bucketed by their
 * first UTF-16 code unit, and a table over all 65,536 code units says which bucket (if any) each unit
 * starts, so each position of the text costs one typed-array read and only tries the few phrases that can
 * start there; the second code unit of each phrase, kept beside it, rules out most of those before a
 * full comparison. This keeps scanning of short items cheap without compiling anything per item.
 */

/** Phrases grouped by their first code unit; each bucket holds phrase ids. */
export interface PhraseScanner {
  readonly phrases: readonly string[];
  /** For each code unit: 1 + the index of the bucket of phrases starting with it, or 0 for none. */
  readonly bucketOf: Uint32Array;
  /** Phrase ids by bucket, in the order the phrases were given. */
  readonly buckets: readonly (readonly number[])[];
  /** The second code unit of each phrase, or -1 for one-unit phrases. */
  readonly second: Int32Array;
}

/** Compiles `phrases` (already normalised; empty strings are ignored). Ids are the indexes into `phrases`. */
export function compilePhraseScanner(phrases: readonly string[]): PhraseScanner {
  const bucketOf = new Uint32Array(0x10000);
  const buckets: number[][] = [];
  phrases.forEach((phrase, id) => {
    if (phrase === '') return;
    const first = phrase.charCodeAt(0);
    const slot = bucketOf[first] ?? 0;
    if (slot !== 0) buckets[slot - 1]?.push(id);
    else {
      buckets.push([id]);
      bucketOf[first] = buckets.length;
    }
  });
  const second = Int32Array.from(phrases, (phrase) => (phrase.length > 1 ? phrase.charCodeAt(1) : -1));
  return { phrases, bucketOf, buckets, second };
}

/**
 * Appends every occurrence to `out` in position order: its id, and its start too when `withStarts`.
 * Within one position, phrases come in the order they were given.
 */
function scan(scanner: PhraseScanner, text: string, out: number[], withStarts: boolean): void {
  const { phrases, bucketOf, buckets, second } = scanner;
  for (let position = 0; position < text.length; position++) {
    const slot = bucketOf[text.charCodeAt(position)] ?? 0;
    if (slot === 0) continue;
    const bucket = buckets[slot - 1] ?? [];
    const next = position + 1 < text.length ? text.charCodeAt(position + 1) : -2;
    for (let k = 0; k < bucket.length; k++) {
      const id = bucket[k] ?? 0;
      const unit = second[id] ?? -1;
      if (unit >= 0 && unit !== next) continue;
      if (text.startsWith(phrases[id] ?? '', position)) {
        out.push(id);
        if (withStarts) out.push(position);
      }
    }
  }
}

/** Calls `visit(id, start)` for every occurrence of every phrase in `text`, in order of position. */
export function scanPhrases(
  scanner: PhraseScanner,
  text: string,
  visit: (id: number, start: number) => void,
): void {
  const found: number[] = [];
  scan(scanner, text, found, true);
  for (let i = 0; i < found.length; i += 2) visit(found[i] ?? 0, found[i + 1] ?? 0);
}

/** The ids of every occurrence of every phrase in `text`, in the order {@link scanPhrases} visits them. */
export function phraseIds(scanner: PhraseScanner, text: string): number[] {
  const ids: number[] = [];
  scan(scanner, text, ids, false);
  return ids;
}

/** Few enough hits to find repeats by scanning the list rather than building a set. */
const SMALL_LIST = 32;

/** The ids of `ids` without repeats, each at its first occurrence. */
export function distinctIds(ids: readonly number[]): number[] {
  if (ids.length <= SMALL_LIST) {
    const out: number[] = [];
    for (const id of ids) if (!out.includes(id)) out.push(id);
    return out;
  }
  return [...new Set(ids)];
}
