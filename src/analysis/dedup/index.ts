/** Near-duplicate detection (DESIGN.md §5): canonical text, SimHash with banded lookup, containment, the decision. */
export { canonicalText, canonicalTextOf, coreOf, type CanonicalText } from './canonical.js';
export {
  compareTexts,
  comparePrepared,
  dedupPair,
  prepareText,
  DUPLICATE_THRESHOLD,
  type DedupOptions,
  type DedupVerdict,
  type PreparedText,
} from './compare.js';
export { factsConflict, factsOf, type PlaceFinder } from './facts.js';
export { containment, resemblance, shingleSet, SHINGLE_SIZE } from './shingles.js';
export {
  fromHex,
  hammingDistance,
  simhash64,
  simhashOfCanonical,
  simhashOfNormalized,
  simhashOfText,
  toHex,
  type Fingerprint,
} from './simhash.js';
export { MAX_BANDED_DISTANCE, SimhashIndex, type SimhashCandidate } from './simhash-index.js';
