/**
 * The training examples of the sentiment model, read from ../shared/data: polarity from the review sets
 * and Weibo sets, neutral and emotions from SMP2020-EWECT train and NLPCC 2013, plus staff corrections.
 * Texts that also occur in an evaluation file are dropped, so no dev or test text is ever trained on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../src/platform/errors.js';
import { EMOTION_LABELS, POLARITY_LABELS } from '../../src/analysis/sentiment/model.js';

/** One training example; a null label leaves that head out. */
export interface Example {
  text: string;
  /** Index into POLARITY_LABELS, or null. */
  polarity: number | null;
  /** Index into EMOTION_LABELS, or null. */
  emotion: number | null;
  weight: number;
  source: string;
  /** The text's jieba words (Segmenter.tokens), filled in before training. */
  words: string[];
}

/** The evaluation files whose texts must never be trained on. */
export const EVALUATION_FILES = [
  'chnsenticorp-12k/test.jsonl',
  'chnsenticorp-12k/validation.jsonl',
  'weibo-emotion-smp2020-ewect/usual_eval.jsonl',
  'weibo-emotion-smp2020-ewect/virus_eval.jsonl',
  'weibo2018/test.jsonl',
];

const POSITIVE = 0;
const NEUTRAL = 1;
const NEGATIVE = 2;

/** Reads a JSON Lines file into objects. */
export function readJsonl(path: string): Record<string, unknown>[] {
  if (!existsSync(path)) throw new AppError('IMPORT_FORMAT', `training data missing: ${path}`);
  const rows: Record<string, unknown>[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      throw new AppError('IMPORT_FORMAT', `${path}:${index + 1} is not valid JSON`);
    }
  });
  return rows;
}

function key(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** Maps an SMP2020-EWECT emotion to polarity; surprise stays out of the polarity head. */
export function polarityOfEmotion(emotion: string): number | null {
  if (emotion === 'happy') return POSITIVE;
  if (emotion === 'neutral') return NEUTRAL;
  if (emotion === 'angry' || emotion === 'sad' || emotion === 'fear') return NEGATIVE;
  return null;
}

const NLPCC_EMOTION: Record<string, string> = {
  like: 'happy',
  happiness: 'happy',
  sadness: 'sad',
  disgust: 'angry',
  anger: 'angry',
  surprise: 'surprise',
  fear: 'fear',
};

function binary(rows: Record<string, unknown>[], source: string, weight: number): Example[] {
  if (weight === 0) return [];
  return rows.map((row) => ({
    text: String(row['text'] ?? ''),
    polarity: row['label'] === 1 ? POSITIVE : NEGATIVE,
    emotion: null,
    weight,
    source,
    words: [],
  }));
}

/** online-shopping-10-cats categories from the domains of ChnSentiCorp (hotels, notebooks, books). */
const REVIEW_DOMAINS: ReadonlySet<string> = new Set(['酒店', '计算机', '平板', '书籍']);

/** online-shopping-10-cats, split into the ChnSentiCorp domains ('online-shopping-csc') and the rest. */
function onlineShopping(
  rows: Record<string, unknown>[],
  weights: Readonly<Record<string, number>>,
): Example[] {
  const near = rows.filter((row) => REVIEW_DOMAINS.has(String(row['category'])));
  const far = rows.filter((row) => !REVIEW_DOMAINS.has(String(row['category'])));
  return [
    ...binary(near, 'online-shopping-csc', weights['online-shopping-csc'] ?? 1),
    ...binary(far, 'online-shopping', weights['online-shopping'] ?? 1),
  ];
}

function smp(rows: Record<string, unknown>[], source: string, weight: number): Example[] {
  if (weight === 0) return [];
  return rows.map((row) => {
    const label = String(row['label']);
    const emotion = EMOTION_LABELS.indexOf(label as (typeof EMOTION_LABELS)[number]);
    return {
      text: String(row['text'] ?? ''),
      polarity: polarityOfEmotion(label),
      emotion: emotion < 0 ? null : emotion,
      weight,
      source,
      words: [],
    };
  });
}

function nlpcc(rows: Record<string, unknown>[], weight: number): Example[] {
  if (weight === 0) return [];
  const out: Example[] = [];
  for (const row of rows) {
    const mapped = NLPCC_EMOTION[String(row['emotion1'])];
    if (mapped === undefined) continue;
    const emotion = EMOTION_LABELS.indexOf(mapped as (typeof EMOTION_LABELS)[number]);
    out.push({
      text: String(row['text'] ?? ''),
      polarity: polarityOfEmotion(mapped),
      emotion,
      weight,
      source: 'nlpcc2013',
      words: [],
    });
  }
  return out;
}

/** Reads staff corrections: JSONL rows {text, label} with label positive, neutral or negative. */
export function readCorrections(path: string, weight: number): Example[] {
  return readJsonl(path).map((row, index) => {
    const label = POLARITY_LABELS.indexOf(row['label'] as (typeof POLARITY_LABELS)[number]);
    if (typeof row['text'] !== 'string' || row['text'] === '' || label < 0) {
      throw new AppError(
        'IMPORT_FORMAT',
        `${path}: row ${index + 1} needs a non-empty "text" and "label" positive, neutral or negative`,
      );
    }
    return { text: row['text'], polarity: label, emotion: null, weight, source: 'corrections', words: [] };
  });
}

/** The default weight of each training source (by Example.source). */
export const DEFAULT_SOURCE_WEIGHTS: Readonly<Record<string, number>> = {
  chnsenticorp: 5,
  'online-shopping': 1,
  'online-shopping-csc': 1,
  waimai: 1,
  'weibo-senti': 1,
  weibo2018: 1,
  'smp-usual': 2,
  'smp-virus': 2,
  nlpcc2013: 1,
};

/** Parses `source=weight,…` over the defaults; an unknown source or a bad weight is an IMPORT_FORMAT error. */
export function parseSourceWeights(spec: string): Record<string, number> {
  const weights: Record<string, number> = { ...DEFAULT_SOURCE_WEIGHTS };
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const [source = '', value = ''] = part.split('=');
    const weight = Number(value);
    if (!(source in weights) || !Number.isFinite(weight) || weight < 0) {
      throw new AppError('IMPORT_FORMAT', `--weights: "${part}" is not source=weight with a known source`);
    }
    weights[source] = weight;
  }
  return weights;
}

/** All training examples from `dataDir` weighted per source, with evaluation texts removed. */
export function loadTrainingExamples(
  dataDir: string,
  weights: Readonly<Record<string, number>> = DEFAULT_SOURCE_WEIGHTS,
): Example[] {
  const read = (path: string): Record<string, unknown>[] => readJsonl(join(dataDir, path));
  const w = (source: string): number => weights[source] ?? 1;
  const examples = [
    ...binary(read('chnsenticorp-12k/train.jsonl'), 'chnsenticorp', w('chnsenticorp')),
    ...onlineShopping(read('online-shopping-10-cats/online_shopping_10_cats.jsonl'), weights),
    ...binary(read('waimai-10k/waimai_10k.jsonl'), 'waimai', w('waimai')),
    ...binary(read('weibo-senti-100k-sample/weibo_senti_100k_sample.jsonl'), 'weibo-senti', w('weibo-senti')),
    ...binary(read('weibo2018/train.jsonl'), 'weibo2018', w('weibo2018')),
    ...smp(read('weibo-emotion-smp2020-ewect/usual_train.jsonl'), 'smp-usual', w('smp-usual')),
    ...smp(read('weibo-emotion-smp2020-ewect/virus_train.jsonl'), 'smp-virus', w('smp-virus')),
    ...nlpcc(read('weibo-emotion-nlpcc2013/nlpcc2013_emotion_expression_train.jsonl'), w('nlpcc2013')),
  ];
  const held = new Set<string>();
  for (const file of EVALUATION_FILES) for (const row of read(file)) held.add(key(String(row['text'] ?? '')));
  return examples.filter((example) => example.text !== '' && !held.has(key(example.text)));
}
