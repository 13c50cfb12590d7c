/**
 * The model's features of one normalised Chinese text: hashed character 1–3-grams (weighted down before
 * an adversative), negated copies of the unigrams and bigrams inside negation scopes, the word features
 * of word-features.ts when the text's words are given, and a few dense features from the rule pass. Features go to a sink one by one, so scoring allocates nothing per n-gram;
 * training and scoring share this code, so they can never disagree.
 */
import type { CueScan } from './cues.js';
import { emitWordFeatures } from './word-features.js';

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
}

const SALT_UNI = 0x9e3779b1;
const SALT_BI = 0x85ebca77;
const SALT_TRI = 0xc2b2ae3d;
const SALT_NEG_UNI = 0x27d4eb2f;
const SALT_NEG_BI = 0x165667b1;

function mix(hash: number, code: number): number {
  let h = Math.imul(hash ^ code, 0x5bd1e995);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * Emits every feature of `text` (normalised) with the rule pass `scan` already run over it, and the word
 * features of `words` (its jieba words) when the model uses them.
 */
export function emitFeatures(
  text: string,
  scan: CueScan,
  settings: FeatureSettings,
  words: readonly string[],
  sink: FeatureSink,
): void {
  const mask = (1 << settings.hashBits) - 1;
  const norm = 1 / Math.sqrt(Math.max(1, text.length));
  const before = settings.beforeAdversativeWeight * norm;
  const split = scan.adversativeAt;
  let prev1 = -1;
  let prev2 = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      prev1 = -1;
      prev2 = -1;
      continue;
    }
    const value = i < split ? before : norm;
    sink(mix(SALT_UNI, code) & mask, value);
    if (prev1 >= 0) {
      sink(mix(mix(SALT_BI, prev1), code) & mask, value);
      if (prev2 >= 0) sink(mix(mix(mix(SALT_TRI, prev2), prev1), code) & mask, value);
    }
    prev2 = prev1;
    prev1 = code;
  }
  emitNegated(text, scan.negationScopes, mask, norm, sink);
  if (settings.wordWeight > 0 && words.length > 0) {
    emitWordFeatures(words, mask, settings.wordWeight / Math.sqrt(words.length), sink);
  }
  emitDense(text, scan, mask + 1, sink);
}

function emitNegated(
  text: string,
  scopes: readonly number[],
  mask: number,
  value: number,
  sink: FeatureSink,
): void {
  for (let s = 0; s + 1 < scopes.length; s += 2) {
    const start = scopes[s] ?? 0;
    const end = scopes[s + 1] ?? 0;
    let prev = -1;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      sink(mix(SALT_NEG_UNI, code) & mask, value);
      if (prev >= 0) sink(mix(mix(SALT_NEG_BI, prev), code) & mask, value);
      prev = code;
    }
  }
}

function emitDense(text: string, scan: CueScan, first: number, sink: FeatureSink): void {
  sink(first, Math.log1p(scan.positive));
  sink(first + 1, Math.log1p(scan.negative));
  sink(first + 2, Math.log1p(scan.negations));
  sink(first + 3, Math.log1p(scan.degrees));
  sink(first + 4, scan.adversativeAt >= 0 ? 1 : 0);
  sink(first + 5, Math.log1p(text.length) / 5);
  sink(first + DENSE_FEATURES.length, 1);
}
