/**
 * Multinomial logistic regression for both heads with AdaGrad, over the features of
 * src/analysis/sentiment/features.ts, and temperature calibration on a held-out slice.
 */
import { scanCues, type CueTrie } from '../../src/analysis/sentiment/cues.js';
import { FeatureBuffer } from '../../src/analysis/sentiment/buffer.js';
import { extractFeatures, featureRows, type FeatureSettings } from '../../src/analysis/sentiment/features.js';
import { normalizeText } from '../../src/analysis/sentiment/normalize.js';
import type { Example } from './data.js';

/** Learning settings. */
export interface TrainSettings {
  epochs: number;
  /** How many of the last epochs' end-of-epoch weights are averaged (1: the last weights as they are). */
  averageEpochs: number;
  learningRate: number;
  seed: number;
  /** Per-row feature factors (nb-scale.ts), folded into the weights after training; none: all 1. */
  scale?: Float32Array;
}

/** One head's trained weights. */
export interface TrainedHead {
  classes: number;
  weights: Float32Array;
}

/** Fills `buffer` with the features of `example`, each value times its row's `scale` factor if given. */
function fill(
  buffer: FeatureBuffer,
  example: Example,
  trie: CueTrie,
  settings: FeatureSettings,
  scale?: Float32Array,
): void {
  const normalized = normalizeText(example.text);
  extractFeatures(normalized, scanCues(normalized, trie), settings, example.words, buffer);
  if (scale === undefined) return;
  for (let f = 0; f < buffer.length; f++) {
    buffer.values[f] = (buffer.values[f] ?? 0) * (scale[buffer.rows[f] ?? 0] ?? 1);
  }
}

/** A seeded pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function logits(head: TrainedHead, buffer: FeatureBuffer, out: Float64Array, from: number): void {
  out.fill(0);
  const c = head.classes;
  for (let f = from; f < buffer.length; f++) {
    const base = (buffer.rows[f] ?? 0) * c;
    const value = buffer.values[f] ?? 0;
    for (let k = 0; k < c; k++) out[k] = (out[k] ?? 0) + (head.weights[base + k] ?? 0) * value;
  }
}

function softmaxInPlace(values: Float64Array, temperature: number): void {
  let max = -Infinity;
  for (const v of values) max = Math.max(max, v / temperature);
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    const e = Math.exp((values[k] ?? 0) / temperature - max);
    values[k] = e;
    sum += e;
  }
  for (let k = 0; k < values.length; k++) values[k] = (values[k] ?? 0) / sum;
}

/** Which label of an example a head learns. */
export type LabelOf = (example: Example) => number | null;

/** One head to train: its classes, its label, and whether it reads only the word and dense features. */
export interface HeadSpec {
  classes: number;
  labelOf: LabelOf;
  wordsOnly: boolean;
}

/** Index of the first feature a head reads in a filled buffer. */
export function firstFeature(spec: Pick<HeadSpec, 'wordsOnly'>, buffer: FeatureBuffer): number {
  return spec.wordsOnly ? buffer.wordsFrom : 0;
}

/** Trains one linear head per entry of `labels` over `examples`. */
export function trainHeads(
  examples: readonly Example[],
  labels: readonly HeadSpec[],
  trie: CueTrie,
  features: FeatureSettings,
  settings: TrainSettings,
): TrainedHead[] {
  const rows = featureRows(features.hashBits);
  const heads = labels.map((l) => ({ classes: l.classes, weights: new Float32Array(rows * l.classes) }));
  const squares = heads.map((h) => new Float32Array(h.weights.length));
  const buffer = new FeatureBuffer();
  const scratch = heads.map((h) => new Float64Array(h.classes));
  const next = random(settings.seed);
  const order = examples.map((_, i) => i);
  const averaged = Math.max(1, Math.min(settings.epochs, settings.averageEpochs));
  const sums = heads.map((h) => new Float64Array(h.weights.length));
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const swap = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = swap;
    }
    let loss = 0;
    for (const index of order) {
      const example = examples[index];
      if (example === undefined) continue;
      fill(buffer, example, trie, features, settings.scale);
      heads.forEach((head, h) => {
        const spec = labels[h];
        const label = spec?.labelOf(example) ?? null;
        const probabilities = scratch[h];
        const square = squares[h];
        if (spec === undefined || label === null || probabilities === undefined || square === undefined)
          return;
        const from = firstFeature(spec, buffer);
        logits(head, buffer, probabilities, from);
        softmaxInPlace(probabilities, 1);
        loss -= Math.log(Math.max(1e-12, probabilities[label] ?? 0)) * example.weight;
        update(head, square, buffer, from, probabilities, label, example.weight, settings.learningRate);
      });
    }
    console.error(`train-sentiment: epoch ${epoch + 1}/${settings.epochs}, weighted loss ${loss.toFixed(0)}`);
    if (epoch >= settings.epochs - averaged) heads.forEach((head, h) => accumulate(sums[h], head.weights));
  }
  heads.forEach((head, h) => {
    const sum = sums[h];
    if (sum !== undefined) for (let i = 0; i < sum.length; i++) head.weights[i] = (sum[i] ?? 0) / averaged;
    if (settings.scale !== undefined) fold(head, settings.scale);
  });
  return heads;
}

function fold(head: TrainedHead, scale: Float32Array): void {
  for (let i = 0; i < head.weights.length; i++) {
    head.weights[i] = (head.weights[i] ?? 0) * (scale[Math.floor(i / head.classes)] ?? 1);
  }
}

function accumulate(sum: Float64Array | undefined, weights: Float32Array): void {
  if (sum === undefined) return;
  for (let i = 0; i < weights.length; i++) sum[i] = (sum[i] ?? 0) + (weights[i] ?? 0);
}

function update(
  head: TrainedHead,
  square: Float32Array,
  buffer: FeatureBuffer,
  from: number,
  probabilities: Float64Array,
  label: number,
  weight: number,
  rate: number,
): void {
  const c = head.classes;
  for (let f = from; f < buffer.length; f++) {
    const base = (buffer.rows[f] ?? 0) * c;
    const value = buffer.values[f] ?? 0;
    for (let k = 0; k < c; k++) {
      const gradient = ((probabilities[k] ?? 0) - (k === label ? 1 : 0)) * value * weight;
      const at = base + k;
      const g2 = (square[at] ?? 0) + gradient * gradient;
      square[at] = g2;
      head.weights[at] = (head.weights[at] ?? 0) - (rate * gradient) / Math.sqrt(g2 + 1e-8);
    }
  }
}

/** The softmax temperature that minimises the log loss of `head` on `examples` (grid search). */
export function calibrateTemperature(
  head: TrainedHead,
  examples: readonly Example[],
  spec: HeadSpec,
  trie: CueTrie,
  features: FeatureSettings,
): { temperature: number; accuracy: number; n: number } {
  const buffer = new FeatureBuffer();
  const all: { logits: Float64Array; label: number }[] = [];
  for (const example of examples) {
    const label = spec.labelOf(example);
    if (label === null) continue;
    fill(buffer, example, trie, features);
    const out = new Float64Array(head.classes);
    logits(head, buffer, out, firstFeature(spec, buffer));
    all.push({ logits: out, label });
  }
  let best = { temperature: 1, loss: Infinity };
  const probabilities = new Float64Array(head.classes);
  for (let t = 0.3; t <= 4; t += 0.05) {
    let loss = 0;
    for (const item of all) {
      probabilities.set(item.logits);
      softmaxInPlace(probabilities, t);
      loss -= Math.log(Math.max(1e-12, probabilities[item.label] ?? 0));
    }
    if (loss < best.loss) best = { temperature: Math.round(t * 100) / 100, loss };
  }
  let correct = 0;
  for (const item of all) {
    let top = 0;
    for (let k = 1; k < head.classes; k++) if ((item.logits[k] ?? 0) > (item.logits[top] ?? 0)) top = k;
    if (top === item.label) correct++;
  }
  return {
    temperature: best.temperature,
    accuracy: all.length > 0 ? correct / all.length : 0,
    n: all.length,
  };
}
