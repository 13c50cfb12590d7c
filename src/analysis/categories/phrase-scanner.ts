/**
 * A compiled set of phrases found in one left-to-right pass over a text. Phrases are bucketed by their
 * first UTF-16 code unit, so each position of the text only tries the few phrases that can start there;
 * this keeps scanning of short items cheap without compiling anything per item.
 */

/** Phrases grouped by their first code unit; each bucket holds phrase ids. */
export interface PhraseScanner {
  readonly phrases: readonly string[];
  readonly buckets: ReadonlyMap<number, readonly number[]>;
}

/** Compiles `phrases` (already normalised; empty strings are ignored). Ids are the indexes into `phrases`. */
export function compilePhraseScanner(phrases: readonly string[]): PhraseScanner {
  const buckets = new Map<number, number[]>();
  phrases.forEach((phrase, id) => {
    if (phrase === '') return;
    const first = phrase.charCodeAt(0);
    const bucket = buckets.get(first);
    if (bucket) bucket.push(id);
    else buckets.set(first, [id]);
  });
  return { phrases, buckets };
}

/** Calls `visit(id, start)` for every occurrence of every phrase in `text`, in order of position. */
export function scanPhrases(
  scanner: PhraseScanner,
  text: string,
  visit: (id: number, start: number) => void,
): void {
  const { phrases, buckets } = scanner;
  for (let position = 0; position < text.length; position++) {
    const bucket = buckets.get(text.charCodeAt(position));
    if (bucket === undefined) continue;
    for (const id of bucket) {
      const phrase = phrases[id];
      if (phrase !== undefined && text.startsWith(phrase, position)) visit(id, position);
    }
  }
}
