import { describe, expect, it } from 'vitest';
import { decodeSentimentModel, encodeSentimentModel, type TrainedModel } from './codec.js';
import { featureRows } from './features.js';
import { EMOTION_LABELS, POLARITY_LABELS } from './model.js';
import { analyzeSentiment } from './analyze.js';
import { FeatureBuffer } from './buffer.js';
import { buildCueTrie, scanCues } from './cues.js';
import { extractFeatures } from './features.js';
import { softmax } from './model.js';
import { normalizeText } from './normalize.js';

const HASH_BITS = 10;

/** A small trained-looking model with seeded random weights. */
function randomModel(settings: Partial<TrainedModel['settings']> = {}): TrainedModel {
  let state = 12345;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const rows = featureRows(HASH_BITS);
  const head = (classes: number): Float32Array => Float32Array.from({ length: rows * classes }, next);
  return {
    version: 'test',
    settings: {
      hashBits: HASH_BITS,
      beforeAdversativeWeight: 0.6,
      wordWeight: 1,
      charUnigrams: true,
      charFourGrams: false,
      wordBigrams: true,
      emotionWordsOnly: false,
      ...settings,
    },
    polarity: { classes: POLARITY_LABELS.length, weights: head(3), temperature: 1 },
    emotion: { classes: EMOTION_LABELS.length, weights: head(6), temperature: 1 },
  };
}

function roundTrip(model: TrainedModel): ReturnType<typeof decodeSentimentModel> {
  const { header, bytes } = encodeSentimentModel(model, {});
  return decodeSentimentModel(JSON.stringify(header), bytes, 'test');
}

describe('sentiment model codec', () => {
  it('keeps the settings through encode and decode', () => {
    const decoded = roundTrip(randomModel({ charUnigrams: false, emotionWordsOnly: true }));
    expect(decoded.settings).toEqual(randomModel({ charUnigrams: false, emotionWordsOnly: true }).settings);
  });

  /** The float model's probabilities, computed directly (no reference-class shift, no quantisation). */
  function floatScores(model: TrainedModel, text: string, words: string[]): number[][] {
    const normalized = normalizeText(text);
    const out = new FeatureBuffer();
    extractFeatures(normalized, scanCues(normalized, buildCueTrie()), model.settings, words, out);
    return [model.polarity, model.emotion].map((head, h) => {
      const from = h === 1 && model.settings.emotionWordsOnly ? out.wordsFrom : 0;
      const logits = new Array<number>(head.classes).fill(0);
      for (let f = from; f < out.length; f++) {
        for (let k = 0; k < head.classes; k++) {
          logits[k] =
            (logits[k] ?? 0) +
            (head.weights[(out.rows[f] ?? 0) * head.classes + k] ?? 0) * (out.values[f] ?? 0);
        }
      }
      return softmax(logits, head.temperature);
    });
  }

  it.each([
    ['服务很好，房间干净', ['服务', '很', '好', '房间', '干净'], false],
    ['虽然价格贵，但是不失望', ['虽然', '价格', '贵', '但是', '不', '失望'], false],
    ['服务很好，房间干净', ['服务', '很', '好', '房间', '干净'], true],
  ])(
    'scores %s like the float model up to quantisation (emotion on words only: %s)',
    (text, words, wordsOnly) => {
      const model = randomModel({ emotionWordsOnly: wordsOnly });
      const result = analyzeSentiment(text, roundTrip(model), words);
      const [polarity = [], emotion = []] = floatScores(model, text, words);
      POLARITY_LABELS.forEach((label, k) =>
        expect(result.probabilities[label]).toBeCloseTo(polarity[k] ?? 0, 1),
      );
      const top = emotion.indexOf(Math.max(...emotion));
      expect(result.emotionScore).toBeCloseTo(emotion[top] ?? 0, 1);
    },
  );

  it.each([['truncated weights', (bytes: Uint8Array) => bytes.subarray(0, 100)]])(
    'rejects %s',
    (_name, damage) => {
      const { header, bytes } = encodeSentimentModel(randomModel(), {});
      expect(() => decodeSentimentModel(JSON.stringify(header), damage(bytes), 'test')).toThrow(/truncated/);
    },
  );
});
