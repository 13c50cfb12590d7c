/**
 * Sentiment accuracy on the dev/test files of ../shared/data (never trained on): ChnSentiCorp test as
 * binary accuracy (positive vs negative probability), SMP2020-EWECT eval (usual + virus) mapped to three
 * classes (surprise → negative, see models/sentiment/README.md) and as six emotions, weibo2018 test binary.
 */
import { join } from 'node:path';
import { analyzeSentiment } from '../../src/analysis/sentiment/analyze.js';
import { loadSentimentModel } from '../../src/analysis/sentiment/load.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import { EMOTION_LABELS, POLARITY_LABELS, type SentimentModel } from '../../src/analysis/sentiment/model.js';
import { readJsonl } from '../train-sentiment/data.js';

/** Per-class precision, recall and F1. */
export interface ClassScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** A multi-class result. */
export interface MultiClassResult {
  n: number;
  accuracy: number;
  macroF1: number;
  classes: ClassScores[];
}

/** Everything the sentiment evaluation measured. */
export interface SentimentEvaluation {
  modelVersion: string;
  chnSentiCorpTest: { n: number; accuracy: number };
  /** The split settings were chosen on. */
  chnSentiCorpValidation: { n: number; accuracy: number };
  weibo2018Test: { n: number; accuracy: number };
  ewectPolarity: MultiClassResult;
  ewectEmotion: MultiClassResult;
  itemsPerSecond: number;
}

/** How SMP2020-EWECT emotions map to polarity for the 3-class figure. */
export const EWECT_POLARITY: Record<string, string> = {
  happy: 'positive',
  neutral: 'neutral',
  angry: 'negative',
  sad: 'negative',
  fear: 'negative',
  surprise: 'negative',
};

function binaryAccuracy(
  model: SentimentModel,
  segmenter: Segmenter,
  rows: Record<string, unknown>[],
): { n: number; accuracy: number } {
  let correct = 0;
  for (const row of rows) {
    const text = String(row['text'] ?? '');
    const { probabilities } = analyzeSentiment(text, model, segmenter.tokens(text));
    const predicted = probabilities.positive >= probabilities.negative ? 1 : 0;
    if (predicted === row['label']) correct++;
  }
  return { n: rows.length, accuracy: correct / rows.length };
}

/** Precision, recall and F1 per label, with accuracy and macro-F1. */
export function multiClass(labels: readonly string[], pairs: readonly [string, string][]): MultiClassResult {
  const classes = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [gold, predicted] of pairs) {
      if (predicted === label && gold === label) tp++;
      else if (predicted === label) fp++;
      else if (gold === label) fn++;
    }
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support: tp + fn };
  });
  const correct = pairs.filter(([gold, predicted]) => gold === predicted).length;
  return {
    n: pairs.length,
    accuracy: pairs.length > 0 ? correct / pairs.length : 0,
    macroF1: classes.reduce((sum, c) => sum + c.f1, 0) / Math.max(1, classes.length),
    classes,
  };
}

/**
 * Runs the sentiment evaluation on `dataDir` (../shared/data) with the shipped model unless one is given.
 * Texts are segmented first (as the pipeline does) and the speed counts analyzeSentiment given the words.
 */
export function evaluateSentiment(
  dataDir: string,
  model: SentimentModel = loadSentimentModel(),
  segmenter: Segmenter = new Segmenter(),
): SentimentEvaluation {
  const read = (path: string): Record<string, unknown>[] => readJsonl(join(dataDir, path));
  const ewect = [
    ...read('weibo-emotion-smp2020-ewect/usual_eval.jsonl'),
    ...read('weibo-emotion-smp2020-ewect/virus_eval.jsonl'),
  ];
  const polarityPairs: [string, string][] = [];
  const emotionPairs: [string, string][] = [];
  const texts = ewect.map((row) => String(row['text'] ?? ''));
  const words = texts.map((text) => segmenter.tokens(text));
  const started = performance.now();
  for (const [i, row] of ewect.entries()) {
    const gold = String(row['label']);
    const result = analyzeSentiment(texts[i] ?? '', model, words[i]);
    polarityPairs.push([EWECT_POLARITY[gold] ?? 'neutral', result.label]);
    emotionPairs.push([gold, result.emotion]);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    modelVersion: model.version,
    chnSentiCorpTest: binaryAccuracy(model, segmenter, read('chnsenticorp-12k/test.jsonl')),
    chnSentiCorpValidation: binaryAccuracy(model, segmenter, read('chnsenticorp-12k/validation.jsonl')),
    weibo2018Test: binaryAccuracy(model, segmenter, read('weibo2018/test.jsonl')),
    ewectPolarity: multiClass(POLARITY_LABELS, polarityPairs),
    ewectEmotion: multiClass(EMOTION_LABELS, emotionPairs),
    itemsPerSecond: ewect.length / seconds,
  };
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function classTable(result: MultiClassResult): string[] {
  return [
    '| class | precision | recall | F1 | support |',
    '| --- | --- | --- | --- | --- |',
    ...result.classes.map(
      (c) => `| ${c.label} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${c.support} |`,
    ),
  ];
}

/** Markdown lines for docs/quality.md. */
export function renderSentiment(result: SentimentEvaluation): string[] {
  return [
    '## Sentiment and emotion',
    '',
    `Model \`models/sentiment\` version ${result.modelVersion} (trained by \`scripts/train-sentiment.ts\` on the train`,
    'splits only; every text of the files below is removed from training). Binary figures compare the positive',
    'and negative probabilities; SMP2020-EWECT is mapped happy → positive, neutral → neutral, angry/sad/fear →',
    'negative and surprise → negative (the trained polarity head puts most surprise training posts there).',
    '',
    '| set | n | figure | target |',
    '| --- | --- | --- | --- |',
    `| ChnSentiCorp test, binary accuracy | ${result.chnSentiCorpTest.n} | ${pct(result.chnSentiCorpTest.accuracy)} | ≥ 92% |`,
    `| ChnSentiCorp validation (settings chosen here), binary accuracy | ${result.chnSentiCorpValidation.n} | ${pct(result.chnSentiCorpValidation.accuracy)} | |`,
    `| SMP2020-EWECT eval (usual + virus), 3-class macro-F1 | ${result.ewectPolarity.n} | ${pct(result.ewectPolarity.macroF1)} | ≥ 72% |`,
    `| SMP2020-EWECT eval, 3-class accuracy | ${result.ewectPolarity.n} | ${pct(result.ewectPolarity.accuracy)} | |`,
    `| SMP2020-EWECT eval, 6-emotion macro-F1 | ${result.ewectEmotion.n} | ${pct(result.ewectEmotion.macroF1)} | |`,
    `| weibo2018 test, binary accuracy | ${result.weibo2018Test.n} | ${pct(result.weibo2018Test.accuracy)} | |`,
    '',
    'SMP2020-EWECT eval, three classes:',
    '',
    ...classTable(result.ewectPolarity),
    '',
    'SMP2020-EWECT eval, six emotions:',
    '',
    ...classTable(result.ewectEmotion),
    '',
    `analyzeSentiment, given the words, ran at ${Math.round(result.itemsPerSecond).toLocaleString('en')} items/s over the EWECT texts (one core, indicative only; see docs/benchmarks.md).`,
    '',
  ];
}
