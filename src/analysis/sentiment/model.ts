/**
 * The trained sentiment model as loaded in memory, and how it scores one text: two linear heads
 * (3-class polarity, 6-class emotion) over the shared features, each with its calibration temperature.
 */
import type { CueScan, CueTrie } from './cues.js';
import { emitFeatures, type FeatureSettings } from './features.js';

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
   * Both heads' weights interleaved per feature row (polarity classes, then emotion classes), so that
   * one feature costs one memory access.
   */
  weights: Float32Array;
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

/** Scores normalised Chinese `text` (with its rule pass and its words) with both heads. */
export function scoreHeads(
  text: string,
  scan: CueScan,
  words: readonly string[],
  model: SentimentModel,
): HeadScores {
  const w = model.weights;
  const pc = model.polarity.classes;
  const stride = pc + model.emotion.classes;
  const logits = new Float64Array(stride);
  emitFeatures(text, scan, model.settings, words, (row, value) => {
    const base = row * stride;
    for (let k = 0; k < stride; k++) logits[k] = (logits[k] ?? 0) + (w[base + k] ?? 0) * value;
  });
  return {
    polarity: softmax(logits.subarray(0, pc), model.polarity.temperature),
    emotion: softmax(logits.subarray(pc), model.emotion.temperature),
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
  return out.map((v) => v / sum);
}

/** Index of the largest value. */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if ((values[k] ?? 0) > (values[best] ?? 0)) best = k;
  return best;
}
