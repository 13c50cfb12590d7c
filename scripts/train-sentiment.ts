// Trains the sentiment model from ../shared/data and writes models/sentiment/{model.json,weights.bin}.
// Usage: npx tsx scripts/train-sentiment.ts [--data DIR] [--out DIR] [--corrections FILE]
//        [--corrections-weight 3] [--epochs 4] [--average-epochs 4] [--learning-rate 0.05] [--hash-bits 19]
//        [--before-weight 0.6] [--word-weight 1] [--nb-floor F] [--weights chnsenticorp=5,waimai=1,…] [--seed 7]
//        [--char-unigrams 1] [--char-four-grams 0] [--word-bigrams 1] [--emotion-words-only 1]
//        [--runs 3 (seeded runs averaged)] [--review-weight W] [--review-sweep 0,1,2 (settings runs: writes <out>-r<W> per weight)]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeSentimentModel } from '../src/analysis/sentiment/codec.js';
import { buildCueTrie } from '../src/analysis/sentiment/cues.js';
import { EMOTION_LABELS, POLARITY_LABELS, argmax, softmax } from '../src/analysis/sentiment/model.js';
import { scanCues } from '../src/analysis/sentiment/cues.js';
import { emitFeatures } from '../src/analysis/sentiment/features.js';
import { normalizeText } from '../src/analysis/sentiment/normalize.js';
import { Segmenter } from '../src/analysis/segment/segmenter.js';
import {
  loadTrainingExamples,
  parseSourceWeights,
  readCorrections,
  type Example,
} from './train-sentiment/data.js';
import { nbScale } from './train-sentiment/nb-scale.js';
import { REVIEW_SPEC, foldReviewHead } from './train-sentiment/review-head.js';
import { calibrateTemperature, random, trainHeads, type TrainedHead } from './train-sentiment/sgd.js';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: join(import.meta.dirname, '../../shared/data') },
    out: { type: 'string', default: join(import.meta.dirname, '../models/sentiment') },
    corrections: { type: 'string' },
    'corrections-weight': { type: 'string', default: '3' },
    epochs: { type: 'string', default: '4' },
    'average-epochs': { type: 'string', default: '4' },
    'hash-bits': { type: 'string', default: '19' },
    'before-weight': { type: 'string', default: '0.6' },
    'word-weight': { type: 'string', default: '1' },
    'char-unigrams': { type: 'string', default: '1' },
    'char-four-grams': { type: 'string', default: '0' },
    'word-bigrams': { type: 'string', default: '1' },
    'emotion-words-only': { type: 'string', default: '1' },
    'review-weight': { type: 'string', default: '0' },
    'review-sweep': { type: 'string', default: '' },
    runs: { type: 'string', default: '3' },
    'nb-floor': { type: 'string', default: '' },
    weights: { type: 'string', default: '' },
    'learning-rate': { type: 'string', default: '0.05' },
    seed: { type: 'string', default: '7' },
  },
});

const features = {
  hashBits: Number(args['hash-bits']),
  beforeAdversativeWeight: Number(args['before-weight']),
  wordWeight: Number(args['word-weight']),
  charUnigrams: args['char-unigrams'] !== '0',
  charFourGrams: args['char-four-grams'] === '1',
  wordBigrams: args['word-bigrams'] !== '0',
  emotionWordsOnly: args['emotion-words-only'] !== '0',
};
const seed = Number(args.seed);
const trie = buildCueTrie();

const examples = loadTrainingExamples(args.data, parseSourceWeights(args.weights));
if (args.corrections !== undefined) {
  const corrections = readCorrections(args.corrections, Number(args['corrections-weight']));
  console.error(`train-sentiment: ${corrections.length} staff corrections from ${args.corrections}`);
  examples.push(...corrections);
}
if (features.wordWeight > 0) {
  const segmenter = new Segmenter();
  for (const example of examples) example.words = segmenter.tokens(example.text);
  console.error(`train-sentiment: segmented ${examples.length} texts`);
}
const draw = random(seed + 1);
const train: Example[] = [];
const holdout: Example[] = [];
for (const example of examples)
  (example.source !== 'corrections' && draw() < 0.05 ? holdout : train).push(example);
console.error(
  `train-sentiment: ${train.length} training examples, ${holdout.length} held out for calibration`,
);

const polaritySpec = {
  classes: POLARITY_LABELS.length,
  labelOf: (e: Example) => e.polarity,
  wordsOnly: false,
};
const emotionSpec = {
  classes: EMOTION_LABELS.length,
  labelOf: (e: Example) => e.emotion,
  wordsOnly: features.emotionWordsOnly,
};
const reviewWeight = Number(args['review-weight']);
const sweep = args['review-sweep'] === '' ? [] : args['review-sweep'].split(',').map(Number);
const withReview = reviewWeight > 0 || sweep.length > 0;
const started = Date.now();
const scale = args['nb-floor'] === '' ? undefined : nbScale(train, trie, features, Number(args['nb-floor']));
const specs = [polaritySpec, emotionSpec, ...(withReview ? [REVIEW_SPEC] : [])];
const runs = Math.max(1, Number(args.runs));
/** Each run shuffles with its own seed; the runs' weights are averaged (a linear ensemble: same cost). */
const trained = Array.from({ length: runs }, (_, run) =>
  trainHeads(train, specs, trie, features, {
    epochs: Number(args.epochs),
    averageEpochs: Number(args['average-epochs']),
    learningRate: Number(args['learning-rate']),
    seed: seed + run * 1000,
    ...(scale === undefined ? {} : { scale }),
  }),
);
const [allData, emotion, review] = (trained[0] ?? []).map((head, h) => {
  const weights = new Float32Array(head.weights.length);
  for (const heads of trained) {
    const w = heads[h]?.weights ?? new Float32Array(0);
    for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) + (w[i] ?? 0) / runs;
  }
  return { classes: head.classes, weights };
}) as [TrainedHead, TrainedHead, TrainedHead | undefined];
console.error(`train-sentiment: trained in ${((Date.now() - started) / 1000).toFixed(0)} s`);

const emotionCalibration = calibrateTemperature(emotion, holdout, emotionSpec, trie, features);
console.error(`train-sentiment: held-out emotion ${JSON.stringify(emotionCalibration)}`);

/** Where the polarity head puts SMP `surprise` training posts (which it never learned): the eval mapping. */
function surpriseMapping(polarity: TrainedHead): Record<string, number> {
  const counts: Record<string, number> = { positive: 0, neutral: 0, negative: 0 };
  for (const example of examples) {
    if (example.emotion !== EMOTION_LABELS.indexOf('surprise') || !example.source.startsWith('smp')) continue;
    const text = normalizeText(example.text);
    const logits = new Float64Array(POLARITY_LABELS.length);
    emitFeatures(text, scanCues(text, trie), features, example.words, (row, value) => {
      for (let k = 0; k < logits.length; k++) {
        logits[k] = (logits[k] ?? 0) + (polarity.weights[row * logits.length + k] ?? 0) * value;
      }
    });
    const label = POLARITY_LABELS[argmax(softmax(logits, 1))] ?? 'neutral';
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

/** Calibrates `polarity`, encodes it with the emotion head and writes the model to `out`. */
function write(polarity: TrainedHead, weight: number, out: string): void {
  const polarityCalibration = calibrateTemperature(polarity, holdout, polaritySpec, trie, features);
  console.error(
    `train-sentiment: review weight ${weight}, held-out polarity ${JSON.stringify(polarityCalibration)}`,
  );
  const surprise = surpriseMapping(polarity);
  console.error(`train-sentiment: SMP surprise train posts predicted as ${JSON.stringify(surprise)}`);
  const sources: Record<string, number> = {};
  for (const example of train) sources[example.source] = (sources[example.source] ?? 0) + 1;
  const { header, bytes } = encodeSentimentModel(
    {
      version: `${new Date().toISOString().slice(0, 10)}-h${features.hashBits}`,
      settings: features,
      polarity: { ...polarity, temperature: polarityCalibration.temperature },
      emotion: { ...emotion, temperature: emotionCalibration.temperature },
    },
    {
      trainedOn: sources,
      heldOut: { polarity: polarityCalibration, emotion: emotionCalibration },
      surprisePredictedAs: surprise,
      epochs: Number(args.epochs),
      runs,
      averageEpochs: Number(args['average-epochs']),
      learningRate: Number(args['learning-rate']),
      sourceWeights: parseSourceWeights(args.weights),
      reviewWeight: weight,
      nbFloor: args['nb-floor'] === '' ? null : Number(args['nb-floor']),
      wordWeight: features.wordWeight,
      seed,
    },
  );
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'model.json'), JSON.stringify(header, null, 2) + '\n');
  writeFileSync(join(out, 'weights.bin'), bytes);
  console.error(`train-sentiment: wrote ${out} (${(bytes.length / 1e6).toFixed(1)} MB of weights)`);
}

const fold = (weight: number): TrainedHead =>
  review === undefined || weight === 0 ? allData : foldReviewHead(allData, review, weight);
if (sweep.length > 0) {
  // Settings runs: one model per review weight, written beside --out as <out>-r<weight>.
  for (const weight of sweep) write(fold(weight), weight, `${args.out}-r${weight}`);
} else {
  write(fold(reviewWeight), reviewWeight, args.out);
}
