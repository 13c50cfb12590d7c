/**
 * The model's features of one normalised Chinese text: hashed character 1–3-grams (weighted down before
 * an adversative), negated copies of the unigrams and bigrams inside negation scopes, the word features
 * of word-features.ts when the text's words are given, and a few dense features from the rule pass.
 * The emotion head reads only the word and dense features (FeatureBuffer.wordsFrom on).
 * Features are appended to a reusable FeatureBuffer; the n-gram hashes roll (each n-gram's hash is one
 * mix of the (n−1)-gram's hash with the next character), so no string is sliced and nothing allocated.
 * Training and scoring share this code, so they can never disagree.
 */
import { FeatureBuffer } from './buffer.js';
import type { CueScan } from './cues.js';
import { emitWordFeatures, mix } from './word-features.js';

/** Receives one feature: its row in the weight table and its value. */
export type FeatureSink = (row: number, value: number) => void;

/** The dense features, after the hashed rows. */
export const DENSE_FEATURES = [
  'lexicon-positive',
  'lexicon-negative',
  'negations',
  'degrees',
  'adversative',
  'length',
] as const;

/** Rows of the weight table for `hashBits`: the hashed block, the dense features, the bias. */
export function featureRows(hashBits: number): number {
  return (1 << hashBits) + DENSE_FEATURES.length + 1;
}

/** Settings that shape the features (stored in the model header). */
export interface FeatureSettings {
  hashBits: number;
  /** Weight of n-grams before the last adversative (但是 …), against 1 after it. */
  beforeAdversativeWeight: number;
  /** Weight of the word features against the character n-grams; 0 when the model has none. */
  wordWeight: number;
  /** Whether single characters are features (off: fewer features, words carry the unigrams). */
  charUnigrams: boolean;
  /** Whether character 4-grams are features too. */
  charFourGrams: boolean;
  /** Whether pairs of adjacent words are features (off: character trigrams carry most of them). */
  wordBigrams: boolean;
  /**
   * Whether the emotion head reads only the word and dense features (fewer multiplications per text;
   * the polarity head always reads all).
   */
  emotionWordsOnly: boolean;
}

const SALT_UNI = 0x9e3779b1;
const SALT_BI = 0x85ebca77;
const SALT_TRI = 0xc2b2ae3d;
const SALT_FOUR = 0x94d049bb;
const SALT_NEG_UNI = 0x27d4eb2f;
const SALT_NEG_BI = 0x165667b1;
const M1 = 0x5bd1e995;
const M2 = 0x85ebca6b;

/**
 * Appends every feature of `text` (normalised), with the rule pass `scan` already run over it and the
 * word features of `words` (its jieba words) when the model uses them, to `out` (cleared first).
 */
export function extractFeatures(
  text: string,
  scan: CueScan,
  settings: FeatureSettings,
  words: readonly string[],
  out: FeatureBuffer,
): void {
  out.clear();
  out.reserve(6 * text.length + 4 * words.length + DENSE_FEATURES.length + 1);
  const rows = out.rows;
  const values = out.values;
  const mask = (1 << settings.hashBits) - 1;
  const norm = 1 / Math.sqrt(Math.max(1, text.length));
  const before = settings.beforeAdversativeWeight * norm;
  const split = scan.adversativeAt;
  const unigrams = settings.charUnigrams;
  const fourGrams = settings.charFourGrams;
  let n = 0;
  // Hashes of the unigram and bigram ending at the previous character; 0: none (after a space).
  let uni = 0;
  let bi = 0;
  let tri = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      uni = 0;
      bi = 0;
      tri = 0;
      continue;
    }
    const value = i < split ? before : norm;
    // The hashes are mix() of word-features.ts written out: this loop runs per character of every
    // analysed text, and V8 does not always inline the call (a call boxes the 32-bit results).
    let h = Math.imul(SALT_UNI ^ code, M1);
    h ^= h >>> 16;
    h = Math.imul(h, M2);
    const nextUni = (h ^ (h >>> 13)) | 1;
    if (unigrams) {
      rows[n] = nextUni & mask;
      values[n++] = value;
    }
    let nextBi = 0;
    let nextTri = 0;
    if (uni !== 0) {
      h = Math.imul((uni + SALT_BI) ^ code, M1);
      h ^= h >>> 16;
      h = Math.imul(h, M2);
      nextBi = (h ^ (h >>> 13)) | 1;
      rows[n] = nextBi & mask;
      values[n++] = value;
      if (bi !== 0) {
        h = Math.imul((bi + SALT_TRI) ^ code, M1);
        h ^= h >>> 16;
        h = Math.imul(h, M2);
        nextTri = (h ^ (h >>> 13)) | 1;
        rows[n] = nextTri & mask;
        values[n++] = value;
        if (fourGrams && tri !== 0) {
          h = Math.imul((tri + SALT_FOUR) ^ code, M1);
          h ^= h >>> 16;
          h = Math.imul(h, M2);
          rows[n] = (h ^ (h >>> 13)) & mask;
          values[n++] = value;
        }
      }
    }
    uni = nextUni;
    bi = nextBi;
    tri = nextTri;
  }
  out.length = n;
  emitNegated(text, scan.negationScopes, mask, norm, out);
  out.wordsFrom = out.length;
  if (settings.wordWeight > 0 && words.length > 0) {
    emitWordFeatures(words, mask, settings.wordWeight / Math.sqrt(words.length), settings.wordBigrams, out);
  }
  emitDense(text, scan, mask + 1, out);
}

const SHARED = new FeatureBuffer();

/**
 * Emits every feature of `text` to `sink` one by one (the training scripts' form of extractFeatures;
 * same features, same order).
 */
export function emitFeatures(
  text: string,
  scan: CueScan,
  settings: FeatureSettings,
  words: readonly string[],
  sink: FeatureSink,
): void {
  extractFeatures(text, scan, settings, words, SHARED);
  for (let f = 0; f < SHARED.length; f++) sink(SHARED.rows[f] ?? 0, SHARED.values[f] ?? 0);
}

function emitNegated(
  text: string,
  scopes: readonly number[],
  mask: number,
  value: number,
  out: FeatureBuffer,
): void {
  for (let s = 0; s + 1 < scopes.length; s += 2) {
    const start = scopes[s] ?? 0;
    const end = scopes[s + 1] ?? 0;
    let previous = 0;
    for (let i = start; i < end; i++) {
      const uni = mix(SALT_NEG_UNI, text.charCodeAt(i)) | 1;
      out.push(uni & mask, value);
      if (previous !== 0) out.push(mix(previous + SALT_NEG_BI, uni) & mask, value);
      previous = uni;
    }
  }
}

function emitDense(text: string, scan: CueScan, first: number, out: FeatureBuffer): void {
  out.push(first, Math.log1p(scan.positive));
  out.push(first + 1, Math.log1p(scan.negative));
  out.push(first + 2, Math.log1p(scan.negations));
  out.push(first + 3, Math.log1p(scan.degrees));
  out.push(first + 4, scan.adversativeAt >= 0 ? 1 : 0);
  out.push(first + 5, Math.log1p(text.length) / 5);
  out.push(first + DENSE_FEATURES.length, 1);
}
