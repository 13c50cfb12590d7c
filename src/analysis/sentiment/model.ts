/**
 * The trained sentiment model as loaded in memory, and how it scores one text: two linear heads
 * (3-class polarity, 6-class emotion) over the shared features, each with its calibration temperature.
 */
import { FeatureBuffer } from './buffer.js';
import type { CueScan, CueTrie } from './cues.js';
import { extractFeatures, type FeatureSettings } from './features.js';

/** The three polarity labels, in the order of the polarity head. */
export const POLARITY_LABELS = ['positive', 'neutral', 'negative'] as const;
/** A polarity label. */
export type Polarity = (typeof POLARITY_LABELS)[number];

/** The six emotion labels of SMP2020-EWECT, in the order of the emotion head. */
export const EMOTION_LABELS = ['neutral', 'happy', 'angry', 'sad', 'fear', 'surprise'] as const;
/** An emotion label. */
export type Emotion = (typeof EMOTION_LABELS)[number];

/** One linear head: `rows × classes` weights (row-major) and a softmax temperature. */
export interface ModelHead {
  classes: number;
  weights: Float32Array;
  temperature: number;
}

/** The polarity class whose logit is fixed at 0 in the loaded model (the others are relative to it). */
export const POLARITY_REFERENCE = 1;
/** The emotion class whose logit is fixed at 0 in the loaded model. */
export const EMOTION_REFERENCE = 0;

/** A head as the loaded model keeps it: its classes and temperature (the weights live interleaved). */
export type LoadedHead = Omit<ModelHead, 'weights'>;

/** Cuts text into words the way the model was trained: Segmenter (src/analysis/segment) fits. */
export interface WordSegmenter {
  tokens(text: string): string[];
}

/** Options given when a model is loaded. */
export interface SentimentModelOptions {
  /**
   * Segments texts whose words the caller does not pass to analyzeSentiment. Without it, such texts get
   * no word features (the pipeline passes the words it already has).
   */
  segmenter?: WordSegmenter;
}

/** A loaded sentiment model. Build it with the loader (load.ts) or decodeSentimentModel. */
export interface SentimentModel {
  /** Identifies the training run (date and data). */
  version: string;
  settings: FeatureSettings;
  polarity: LoadedHead;
  emotion: LoadedHead;
  /**
   * The polarity head's quantised weights, 2 per feature row (positive and negative, each minus neutral,
   * whose logit stays 0): small enough for the CPU caches, one memory access per feature.
   */
  weights: Int8Array;
  /** The emotion head's quantised weights, 5 per feature row (each emotion minus neutral). */
  emotionWeights: Int8Array;
  /** Per stored column (2 polarity, then 5 emotion): the factor from a quantised weight to its value. */
  scales: Float64Array;
  /** The cue-word trie of the rule pass. */
  cues: CueTrie;
  /** See SentimentModelOptions. */
  segmenter?: WordSegmenter;
}

/** Calibrated class probabilities of both heads. */
export interface HeadScores {
  polarity: number[];
  emotion: number[];
}

const FEATURES = new FeatureBuffer();

/** Scores normalised Chinese `text` (with its rule pass and its words) with both heads. */
export function scoreHeads(
  text: string,
  scan: CueScan,
  words: readonly string[],
  model: SentimentModel,
): HeadScores {
  extractFeatures(text, scan, model.settings, words, FEATURES);
  const w = model.weights;
  const e = model.emotionWeights;
  const rows = FEATURES.rows;
  const values = FEATURES.values;
  const emotionFrom = model.settings.emotionWordsOnly ? FEATURES.wordsFrom : 0;
  // Feature values come in runs (one value per text part: before/after an adversative, negated, words),
  // so integer weight sums are kept per run and multiplied by the run's value when it ends. Columns:
  // positive and negative (neutral stays 0), then happy, angry, sad, fear, surprise (neutral stays 0).
  let p0 = 0;
  let p1 = 0;
  let i0 = 0;
  let i1 = 0;
  let run = values[0] ?? 0;
  for (let f = 0; f < emotionFrom; f++) {
    const value = values[f] ?? 0;
    if (value !== run) {
      p0 += i0 * run;
      p1 += i1 * run;
      i0 = 0;
      i1 = 0;
      run = value;
    }
    const base = (rows[f] ?? 0) * 2;
    i0 += w[base] ?? 0;
    i1 += w[base + 1] ?? 0;
  }
  let e0 = 0,
    e1 = 0,
    e2 = 0,
    e3 = 0,
    e4 = 0;
  let j0 = 0,
    j1 = 0,
    j2 = 0,
    j3 = 0,
    j4 = 0;
  for (let f = emotionFrom; f < FEATURES.length; f++) {
    const value = values[f] ?? 0;
    if (value !== run) {
      p0 += i0 * run;
      p1 += i1 * run;
      e0 += j0 * run;
      e1 += j1 * run;
      e2 += j2 * run;
      e3 += j3 * run;
      e4 += j4 * run;
      i0 = i1 = j0 = j1 = j2 = j3 = j4 = 0;
      run = value;
    }
    const row = rows[f] ?? 0;
    i0 += w[row * 2] ?? 0;
    i1 += w[row * 2 + 1] ?? 0;
    const base = row * 5;
    j0 += e[base] ?? 0;
    j1 += e[base + 1] ?? 0;
    j2 += e[base + 2] ?? 0;
    j3 += e[base + 3] ?? 0;
    j4 += e[base + 4] ?? 0;
  }
  p0 += i0 * run;
  p1 += i1 * run;
  e0 += j0 * run;
  e1 += j1 * run;
  e2 += j2 * run;
  e3 += j3 * run;
  e4 += j4 * run;
  const s = model.scales;
  const polarity = [p0 * (s[0] ?? 0), 0, p1 * (s[1] ?? 0)];
  const emotion = [
    0,
    e0 * (s[2] ?? 0),
    e1 * (s[3] ?? 0),
    e2 * (s[4] ?? 0),
    e3 * (s[5] ?? 0),
    e4 * (s[6] ?? 0),
  ];
  return {
    polarity: softmax(polarity, model.polarity.temperature),
    emotion: softmax(emotion, model.emotion.temperature),
  };
}

/** Softmax of `logits / temperature`. */
export function softmax(logits: ArrayLike<number>, temperature: number): number[] {
  let max = -Infinity;
  for (let k = 0; k < logits.length; k++) max = Math.max(max, (logits[k] ?? 0) / temperature);
  const out: number[] = [];
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    const v = Math.exp((logits[k] ?? 0) / temperature - max);
    out.push(v);
    sum += v;
  }
  // Divided in place: one array per call rather than two (this runs twice per analysed text).
  for (let k = 0; k < out.length; k++) out[k] = (out[k] ?? 0) / sum;
  return out;
}

/** Index of the largest value. */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if ((values[k] ?? 0) > (values[best] ?? 0)) best = k;
  return best;
}
