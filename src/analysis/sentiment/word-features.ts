/**
 * Word features of one text from its jieba words (Segmenter.tokens): hashed word unigrams and bigrams,
 * and, for the words inside a negation scope (the few words after a negator such as 不, 没有, 并非), the
 * unigram and bigram again under a negated hash, so that 不 + 满意 learns apart from 满意. Words go to the
 * same buffer and hash space as the character n-grams; each hash builds on the previous one (one mix per
 * feature) and nothing is allocated per word.
 */
import type { FeatureBuffer } from './buffer.js';
import { NEGATORS } from './lexicon.js';

/** How many words after a negator are negated. */
export const WORD_NEGATION_SCOPE = 3;

const SALT_WORD = 0x2545f491;
const SALT_WORD_BI = 0x61c88647;
const SALT_WORD_NEG = 0x7feb352d;
const SALT_WORD_NEG_BI = 0x846ca68b;
const M1 = 0x5bd1e995;
const M2 = 0x85ebca6b;

/** Mixes `code` into `hash` (murmur-style); shared by the character and word features. */
export function mix(hash: number, code: number): number {
  let h = Math.imul(hash ^ code, M1);
  h ^= h >>> 16;
  h = Math.imul(h, M2);
  return h ^ (h >>> 13);
}

/** The hash of `word` starting from `seed`. */
function hashWord(seed: number, word: string): number {
  let h = seed;
  for (let i = 0; i < word.length; i++) h = mix(h, word.charCodeAt(i));
  return mix(h, word.length);
}

const NEGATOR_LIST = [...NEGATORS, '不要', '不会', '不能', '没什么', '无法'];
const NEGATOR_BITS = 8;
/**
 * Unigram hashes of the negator words in an open-addressing table (0: empty slot): a word is a negator
 * when its hash is found here, usually after one comparison.
 */
const NEGATOR_TABLE = new Int32Array(1 << NEGATOR_BITS);
for (const word of NEGATOR_LIST) {
  const hash = hashWord(SALT_WORD, word);
  let slot = hash >>> (32 - NEGATOR_BITS);
  while (NEGATOR_TABLE[slot] !== 0 && NEGATOR_TABLE[slot] !== hash) slot = (slot + 1) & 0xff;
  NEGATOR_TABLE[slot] = hash;
}

function isNegatorHash(hash: number): boolean {
  let slot = hash >>> (32 - NEGATOR_BITS);
  for (;;) {
    const at = NEGATOR_TABLE[slot] ?? 0;
    if (at === hash) return hash !== 0;
    if (at === 0) return false;
    slot = (slot + 1) & 0xff;
  }
}

/**
 * Appends the word features of `words` to `out` as rows `& mask`, each with `value` (the caller's
 * length normalisation and weight); word bigrams only when `bigrams`.
 */
export function emitWordFeatures(
  words: readonly string[],
  mask: number,
  value: number,
  bigrams: boolean,
  out: FeatureBuffer,
): void {
  out.reserve(out.length + 4 * words.length);
  const rows = out.rows;
  const values = out.values;
  let n = out.length;
  let previous = 0;
  let previousNegated = false;
  let negatedLeft = 0;
  for (let i = 0; i < words.length; i++) {
    // hashWord(SALT_WORD, word) and mix() written out: this loop runs per word of every analysed text.
    const word = words[i] ?? '';
    let unigram = SALT_WORD;
    for (let j = 0; j <= word.length; j++) {
      let h = Math.imul(unigram ^ (j < word.length ? word.charCodeAt(j) : word.length), M1);
      h ^= h >>> 16;
      h = Math.imul(h, M2);
      unigram = h ^ (h >>> 13);
    }
    rows[n] = unigram & mask;
    values[n++] = value;
    if (bigrams && i > 0) {
      let h = Math.imul((previous + SALT_WORD_BI) ^ unigram, M1);
      h ^= h >>> 16;
      h = Math.imul(h, M2);
      rows[n] = (h ^ (h >>> 13)) & mask;
      values[n++] = value;
    }
    const negated = negatedLeft > 0;
    if (negated) {
      rows[n] = mix(unigram, SALT_WORD_NEG) & mask;
      values[n++] = value;
      if (previousNegated) {
        rows[n] = mix(previous + SALT_WORD_NEG_BI, unigram) & mask;
        values[n++] = value;
      }
      negatedLeft--;
    }
    if (isNegatorHash(unigram)) negatedLeft = WORD_NEGATION_SCOPE;
    previous = unigram;
    previousNegated = negated;
  }
  out.length = n;
}
