/**
 * The shipped file format of the sentiment model: `model.json` (a header) beside `weights.bin` (each
 * head's weights as signed bytes, scaled by the head's `scale`). Pure: bytes in, model out, and back.
 */
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { buildCueTrie } from './cues.js';
import { DENSE_FEATURES, featureRows, type FeatureSettings } from './features.js';
import {
  EMOTION_LABELS,
  EMOTION_REFERENCE,
  POLARITY_REFERENCE,
  POLARITY_LABELS,
  type ModelHead,
  type SentimentModel,
  type SentimentModelOptions,
} from './model.js';

/** The format tag of the header. */
export const MODEL_FORMAT = 'fengxiang-sentiment/1';

const headHeader = z.object({
  labels: z.array(z.string()),
  temperature: z.number().positive(),
  scale: z.number().positive(),
  offset: z.number().int().nonnegative(),
});

/** The header schema (model.json). */
export const modelHeaderSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.string(),
  hashBits: z.number().int().min(8).max(24),
  beforeAdversativeWeight: z.number().positive(),
  wordWeight: z.number().nonnegative().default(0),
  charUnigrams: z.boolean().default(true),
  charFourGrams: z.boolean().default(false),
  wordBigrams: z.boolean().default(true),
  emotionWordsOnly: z.boolean().default(false),
  dense: z.array(z.string()),
  polarity: headHeader,
  emotion: headHeader,
  notes: z.record(z.string(), z.unknown()).default({}),
});

/** The parsed header. */
export type ModelHeader = z.infer<typeof modelHeaderSchema>;

/**
 * Builds the in-memory model from the header JSON text and the weight bytes; `where` names the files.
 */
export function decodeSentimentModel(
  headerText: string,
  bytes: Uint8Array,
  where: string,
  options: SentimentModelOptions = {},
): SentimentModel {
  let header: ModelHeader;
  try {
    header = modelHeaderSchema.parse(JSON.parse(headerText));
  } catch (error) {
    throw new AppError('PARSE_FAILED', `sentiment model header ${where} is invalid: ${String(error)}`);
  }
  if (header.dense.join() !== DENSE_FEATURES.join()) {
    throw new AppError('PARSE_FAILED', `sentiment model ${where} was built for other dense features`);
  }
  const view = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows = featureRows(header.hashBits);
  const pc = POLARITY_LABELS.length;
  const ec = EMOTION_LABELS.length;
  const weights = new Int8Array(rows * (pc - 1));
  const emotionWeights = new Int8Array(rows * (ec - 1));
  const scales = new Float64Array(pc + ec - 2);
  const unpack = (
    h: ModelHeader['polarity'],
    expected: readonly string[],
    reference: number,
    target: Int8Array,
    firstScale: number,
    name: string,
  ): void => {
    if (h.labels.join() !== expected.join()) {
      throw new AppError(
        'PARSE_FAILED',
        `sentiment model ${where}: ${name} labels ${h.labels.join()} unexpected`,
      );
    }
    const classes = expected.length;
    if (h.offset + rows * classes > view.length) {
      throw new AppError('PARSE_FAILED', `sentiment model ${where}: ${name} weights are truncated`);
    }
    // Softmax only sees differences between logits, so each row's reference-class weight is taken
    // from the others and the reference column dropped: one multiply less per feature and head.
    let largest = 1;
    for (let row = 0; row < rows; row++) {
      const at = h.offset + row * classes;
      const base = view[at + reference] ?? 0;
      for (let k = 0; k < classes; k++) largest = Math.max(largest, Math.abs((view[at + k] ?? 0) - base));
    }
    const factor = 127 / largest;
    for (let k = 0; k < classes - 1; k++) scales[firstScale + k] = h.scale / factor;
    let out = 0;
    for (let row = 0; row < rows; row++) {
      const at = h.offset + row * classes;
      const base = view[at + reference] ?? 0;
      for (let k = 0; k < classes; k++) {
        if (k !== reference) target[out++] = Math.round(((view[at + k] ?? 0) - base) * factor);
      }
    }
  };
  unpack(header.polarity, POLARITY_LABELS, POLARITY_REFERENCE, weights, 0, 'polarity');
  unpack(header.emotion, EMOTION_LABELS, EMOTION_REFERENCE, emotionWeights, pc - 1, 'emotion');
  return {
    version: header.version,
    settings: {
      hashBits: header.hashBits,
      beforeAdversativeWeight: header.beforeAdversativeWeight,
      wordWeight: header.wordWeight,
      charUnigrams: header.charUnigrams,
      charFourGrams: header.charFourGrams,
      wordBigrams: header.wordBigrams,
      emotionWordsOnly: header.emotionWordsOnly,
    },
    polarity: { classes: pc, temperature: header.polarity.temperature },
    emotion: { classes: EMOTION_LABELS.length, temperature: header.emotion.temperature },
    weights,
    emotionWeights,
    scales,
    cues: buildCueTrie(),
    ...(options.segmenter === undefined ? {} : { segmenter: options.segmenter }),
  };
}

/** The trained float weights of both heads, as the training script hands them over. */
export interface TrainedModel {
  version: string;
  settings: FeatureSettings;
  polarity: ModelHead;
  emotion: ModelHead;
}

/** Quantises trained float weights of both heads into the header and weight bytes. */
export function encodeSentimentModel(
  model: TrainedModel,
  notes: Record<string, unknown>,
): { header: ModelHeader; bytes: Uint8Array } {
  const heads = [model.polarity, model.emotion];
  const bytes = new Uint8Array(heads.reduce((sum, h) => sum + h.weights.length, 0));
  const view = new Int8Array(bytes.buffer);
  const quantise = (h: ModelHead, offset: number, labels: readonly string[]): ModelHeader['polarity'] => {
    let max = 1e-6;
    for (const w of h.weights) max = Math.max(max, Math.abs(w));
    const scale = max / 127;
    for (let i = 0; i < h.weights.length; i++) view[offset + i] = Math.round((h.weights[i] ?? 0) / scale);
    return { labels: [...labels], temperature: h.temperature, scale, offset };
  };
  const header: ModelHeader = {
    format: MODEL_FORMAT,
    version: model.version,
    hashBits: model.settings.hashBits,
    beforeAdversativeWeight: model.settings.beforeAdversativeWeight,
    wordWeight: model.settings.wordWeight,
    charUnigrams: model.settings.charUnigrams,
    charFourGrams: model.settings.charFourGrams,
    wordBigrams: model.settings.wordBigrams,
    emotionWordsOnly: model.settings.emotionWordsOnly,
    dense: [...DENSE_FEATURES],
    polarity: quantise(model.polarity, 0, POLARITY_LABELS),
    emotion: quantise(model.emotion, model.polarity.weights.length, EMOTION_LABELS),
    notes,
  };
  return { header, bytes };
}
