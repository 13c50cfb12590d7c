/**
 * NB log-count-ratio scaling (as in NB-SVM): each hashed feature row gets the factor
 * `floor + |log(p / q)|`, where p and q are its smoothed, normalised weighted counts in positive and
 * negative examples. Training multiplies feature values by the factor; the trained weights are multiplied
 * by it afterwards, so the shipped model scores exactly as before and inference is unchanged.
 */
import { scanCues, type CueTrie } from '../../src/analysis/sentiment/cues.js';
import { emitFeatures, featureRows, type FeatureSettings } from '../../src/analysis/sentiment/features.js';
import type { Example } from './data.js';

const POSITIVE = 0;
const NEGATIVE = 2;

/** The per-row factors; dense rows and the bias keep 1. */
export function nbScale(
  examples: readonly Example[],
  trie: CueTrie,
  features: FeatureSettings,
  floor: number,
  smoothing = 1,
): Float32Array {
  const hashed = 1 << features.hashBits;
  const positive = new Float64Array(hashed);
  const negative = new Float64Array(hashed);
  for (const example of examples) {
    if (example.polarity !== POSITIVE && example.polarity !== NEGATIVE) continue;
    const counts = example.polarity === POSITIVE ? positive : negative;
    const text = example.text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
    emitFeatures(text, scanCues(text, trie), features, example.words, (row) => {
      if (row < hashed) counts[row] = (counts[row] ?? 0) + example.weight;
    });
  }
  let positiveTotal = 0;
  let negativeTotal = 0;
  for (let row = 0; row < hashed; row++) {
    positiveTotal += (positive[row] ?? 0) + smoothing;
    negativeTotal += (negative[row] ?? 0) + smoothing;
  }
  const scale = new Float32Array(featureRows(features.hashBits)).fill(1);
  for (let row = 0; row < hashed; row++) {
    const p = ((positive[row] ?? 0) + smoothing) / positiveTotal;
    const q = ((negative[row] ?? 0) + smoothing) / negativeTotal;
    scale[row] = floor + Math.abs(Math.log(p / q));
  }
  return scale;
}
