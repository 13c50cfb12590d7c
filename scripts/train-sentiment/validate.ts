// Scores a trained model on the split settings are chosen on: ChnSentiCorp validation (binary accuracy),
// plus the SMP2020-EWECT 3-class macro-F1 that must stay above its target. Never reads ChnSentiCorp test.
// Usage: npx tsx scripts/train-sentiment/validate.ts --model /tmp/run [--data DIR]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeSentiment } from '../../src/analysis/sentiment/analyze.js';
import { loadSentimentModel } from '../../src/analysis/sentiment/load.js';
import { EMOTION_LABELS, POLARITY_LABELS } from '../../src/analysis/sentiment/model.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import { EWECT_POLARITY, multiClass } from '../eval/sentiment.js';
import { readJsonl } from './data.js';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: join(import.meta.dirname, '../../../shared/data') },
    model: { type: 'string' },
  },
});
const model = loadSentimentModel(args.model);
const segmenter = new Segmenter();
const read = (path: string): Record<string, unknown>[] => readJsonl(join(args.data, path));
let correct = 0;
const validation = read('chnsenticorp-12k/validation.jsonl');
for (const row of validation) {
  const text = String(row['text'] ?? '');
  const { probabilities } = analyzeSentiment(text, model, segmenter.tokens(text));
  if ((probabilities.positive >= probabilities.negative ? 1 : 0) === row['label']) correct++;
}
const pairs: [string, string][] = [];
const emotions: [string, string][] = [];
for (const row of [
  ...read('weibo-emotion-smp2020-ewect/usual_eval.jsonl'),
  ...read('weibo-emotion-smp2020-ewect/virus_eval.jsonl'),
]) {
  const text = String(row['text'] ?? '');
  const result = analyzeSentiment(text, model, segmenter.tokens(text));
  pairs.push([EWECT_POLARITY[String(row['label'])] ?? 'neutral', result.label]);
  emotions.push([String(row['label']), result.emotion]);
}
const ewect = multiClass(POLARITY_LABELS, pairs);
console.log(
  `${args.model ?? 'shipped'}: ChnSentiCorp validation ${((correct / validation.length) * 100).toFixed(1)}%, ` +
    `EWECT 3-class macro-F1 ${(ewect.macroF1 * 100).toFixed(1)}%, ` +
    `6-emotion macro-F1 ${(multiClass(EMOTION_LABELS, emotions).macroF1 * 100).toFixed(1)}%`,
);
