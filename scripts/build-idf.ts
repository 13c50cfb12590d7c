// Builds models/idf/idf.json, the domain IDF table for keywords, from the shared corpora (../shared/data):
// news articles and headlines and Weibo posts, one document per row. Run: npx tsx scripts/build-idf.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Segmenter } from '../src/analysis/segment/segmenter.js';
import type { IdfFile } from '../src/analysis/keywords/model.js';

const DATA = process.env['FENGXIANG_DATA_DIR'] ?? join(import.meta.dirname, '../../shared/data');
const OUT = join(import.meta.dirname, '../models/idf/idf.json');

/** The corpora counted, each a JSON Lines file whose rows have a `text` field. */
const CORPORA = [
  'thucnews-articles-sample/cnews_test_sample.jsonl',
  'thucnews-titles/dev.jsonl',
  'news-title-nlpcc2017/dev.jsonl',
  'news-title-tnews/dev.jsonl',
  'weibo2018/train.jsonl',
  'weibo-emotion-smp2020-ewect/usual_train.jsonl',
  'weibo-emotion-smp2020-ewect/virus_train.jsonl',
  'weibo-senti-100k-sample/weibo_senti_100k_sample.jsonl',
];
/** Words seen in fewer documents are left out (they get the unknown-word IDF, which is as high). */
const MIN_DOCUMENT_FREQUENCY = 2;
const MAX_WORDS = 200_000;
const STEP = 0.05;
const HAS_LETTER = /\p{L}/u;

function* documents(): Generator<string> {
  for (const corpus of CORPORA) {
    const path = join(DATA, corpus);
    if (!existsSync(path)) {
      console.error(
        `build-idf: ${path} is missing; put ../shared/data beside the checkout or set FENGXIANG_DATA_DIR`,
      );
      process.exit(1);
    }
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as { text?: unknown };
      if (typeof row.text === 'string' && row.text !== '') yield row.text;
    }
  }
}

const segmenter = new Segmenter();
const frequency = new Map<string, number>();
let count = 0;
for (const text of documents()) {
  count++;
  for (const word of new Set(segmenter.tokens(text))) {
    if (HAS_LETTER.test(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
}
const kept = [...frequency]
  .filter(([, df]) => df >= MIN_DOCUMENT_FREQUENCY)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .slice(0, MAX_WORDS);
const bucketOf = (df: number): number => Math.round(Math.log(count / df) / STEP);
const grouped = new Map<number, string[]>();
for (const [word, df] of kept) {
  const bucket = bucketOf(df);
  const words = grouped.get(bucket);
  if (words) words.push(word);
  else grouped.set(bucket, [word]);
}
const file: IdfFile = {
  format: 1,
  documents: count,
  step: STEP,
  unknown: bucketOf(1),
  buckets: Object.fromEntries(
    [...grouped]
      .sort((a, b) => a[0] - b[0])
      .map(([bucket, words]) => [String(bucket), words.sort().join(' ')]),
  ),
};
writeFileSync(OUT, JSON.stringify(file) + '\n');
console.log(`build-idf: ${count} documents, ${kept.length} words (of ${frequency.size}) → ${OUT}`);
