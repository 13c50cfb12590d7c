/**
 * Character shingles (n-grams) of canonical text as sorted sets of 32-bit hashes, and the overlap
 * measures near-duplicate detection uses: resemblance (Jaccard) for copies and containment for truncated
 * copies and quotes. Hashes are computed from character codes without building substrings.
 */

/** The shingle length: four characters, about two Chinese words. */
export const SHINGLE_SIZE = 4;

const MULTIPLIER = 0x01000193;

/** The murmur3 finaliser: spreads the bits of a 32-bit value. */
export function mix32(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The hash of `text.slice(start, end)` (FNV-1a over UTF-16 code units, then mixed). */
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), MULTIPLIER);
  return mix32(h);
}

/**
 * The hashes of every `size`-character shingle of `text`, one entry per occurrence, in text order. A
 * non-empty text shorter than `size` is one shingle.
 */
export function shingleHashes(text: string, size: number = SHINGLE_SIZE): Uint32Array {
  if (text.length === 0) return new Uint32Array(0);
  if (text.length <= size) return Uint32Array.of(hashRange(text, 0, text.length));
  const out = new Uint32Array(text.length - size + 1);
  for (let i = 0; i < out.length; i++) out[i] = hashRange(text, i, i + size);
  return out;
}

/** The distinct shingle hashes of `text`, sorted, for set measures. */
export function shingleSet(text: string, size: number = SHINGLE_SIZE): Uint32Array {
  const hashes = shingleHashes(text, size).sort();
  let kept = 0;
  for (let i = 0; i < hashes.length; i++) {
    const value = hashes[i] ?? 0;
    if (i === 0 || value !== hashes[kept - 1]) hashes[kept++] = value;
  }
  return hashes.subarray(0, kept);
}

/** How many values two sorted sets share. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Jaccard resemblance |A ∩ B| / |A ∪ B| of two sorted shingle sets (0 when both are empty). */
export function resemblance(a: Uint32Array, b: Uint32Array): number {
  const shared = intersectionSize(a, b);
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * How much of `a` is found in `b`: |A ∩ B| / |A| over character shingles of the two texts (0 when `a` has
 * none). A truncated copy, or an original quoted inside a repost, is contained in the longer text.
 */
export function containment(a: string, b: string, size: number = SHINGLE_SIZE): number {
  const shinglesA = shingleSet(a, size);
  if (shinglesA.length === 0) return 0;
  return intersectionSize(shinglesA, shingleSet(b, size)) / shinglesA.length;
}
