/**
 * Sparse term vectors for event clustering: an item is a TF-IDF vector over its terms (keywords or
 * tokens), scaled to unit length, and an event's centroid is the sum of its items' vectors cut to its
 * strongest terms, so that comparing an item with an event costs a few dozen lookups however big the event.
 */

/** A sparse vector: term → weight. */
export type TermVector = ReadonlyMap<string, number>;

/** The IDF of a term; unknown terms get whatever the caller decides (usually the rarest known IDF). */
export type IdfLookup = (term: string) => number;

/** The unit-length TF-IDF vector of `terms` (repeats count); empty when there are no terms. */
export function termVector(terms: readonly string[], idf: IdfLookup): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) if (term !== '') counts.set(term, (counts.get(term) ?? 0) + 1);
  const vector = new Map<string, number>();
  for (const [term, count] of counts) {
    const weight = count * Math.max(0, idf(term));
    if (weight > 0) vector.set(term, weight);
  }
  return normalized(vector);
}

/** The Euclidean length of a vector. */
export function norm(vector: TermVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

/** The vector scaled to unit length (an empty or zero vector stays empty). */
export function normalized(vector: TermVector): Map<string, number> {
  const length = norm(vector);
  const result = new Map<string, number>();
  if (length === 0) return result;
  for (const [term, weight] of vector) result.set(term, weight / length);
  return result;
}

/** Cosine similarity of two vectors (0 when either is empty). */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  if (dot === 0) return 0;
  return dot / (norm(a) * norm(b));
}

/** `target += scale × vector`, in place. */
export function addInto(target: Map<string, number>, vector: TermVector, scale = 1): void {
  for (const [term, weight] of vector) target.set(term, (target.get(term) ?? 0) + scale * weight);
}

/** The `n` strongest terms of a vector (ties by term, so the cut is the same on every run). */
export function topTerms(vector: TermVector, n: number): Map<string, number> {
  const entries = [...vector].filter(([, weight]) => weight > 0);
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(entries.slice(0, Math.max(0, n)));
}
