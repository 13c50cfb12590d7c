/**
 * Word features of one text from its jieba words (Segmenter.tokens): hashed word unigrams and bigrams,
 * and, for the words inside a negation scope (the few words after a negator such as 不, 没有, 并非), the
 * unigram again under a negated hash, so that 不 + 满意 learns apart from 满意. Words go to the same sink
 * and hash space as the character n-grams; nothing is allocated per word.
 */
import type { FeatureSink } from './features.js';
import { NEGATORS } from './lexicon.js';

/** How many words after a negator are negated. */
export const WORD_NEGATION_SCOPE = 3;

const SALT_WORD = 0x2545f491;
const SALT_WORD_BI = 0x61c88647;
const SALT_WORD_NEG = 0x7feb352d;
const SALT_WORD_NEG_BI = 0x846ca68b;

const NEGATOR_WORDS: ReadonlySet<string> = new Set([...NEGATORS, '不要', '不会', '不能', '没什么', '无法']);

function mix(hash: number, code: number): number {
  let h = Math.imul(hash ^ code, 0x5bd1e995);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** The hash of `word` starting from `seed`. */
function hashWord(seed: number, word: string): number {
  let h = seed;
  for (let i = 0; i < word.length; i++) h = mix(h, word.charCodeAt(i));
  return mix(h, word.length);
}

/**
 * Emits the word features of `words` into rows `& mask`, each with `value` (the caller's length
 * normalisation and weight).
 */
export function emitWordFeatures(
  words: readonly string[],
  mask: number,
  value: number,
  sink: FeatureSink,
): void {
  let previous = 0;
  let previousNegated = false;
  let negatedLeft = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const unigram = hashWord(SALT_WORD, word);
    sink(unigram & mask, value);
    if (i > 0) sink(mix(mix(SALT_WORD_BI, previous), unigram) & mask, value);
    const negated = negatedLeft > 0;
    if (negated) {
      sink(hashWord(SALT_WORD_NEG, word) & mask, value);
      if (previousNegated) sink(mix(mix(SALT_WORD_NEG_BI, previous), unigram) & mask, value);
      negatedLeft--;
    }
    if (NEGATOR_WORDS.has(word)) negatedLeft = WORD_NEGATION_SCOPE;
    previous = unigram;
    previousNegated = negated;
  }
}
