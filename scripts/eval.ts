// `npm run eval`: accuracy figures on ../shared/data, written to docs/quality.md.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateCollectors, renderCollectors } from './eval/collectors.js';
import { evaluateAppeal, renderAppeal } from './eval/appeal.js';
import { evaluateCategories, renderCategories } from './eval/categories.js';
import { evaluateDedup, renderDedup } from './eval/dedup.js';
import { evaluateRegions, renderRegions } from './eval/regions.js';
import { evaluateSchemes, renderSchemes } from './eval/schemes.js';
import { evaluateEvents, renderEvents } from './eval/events.js';
import { evaluateSentiment, renderSentiment } from './eval/sentiment.js';
import { evaluateSearchFidelity, type FidelityResult } from './eval/search-fidelity.js';

const DATA = process.env['FENGXIANG_DATA_DIR'] ?? join(import.meta.dirname, '../../shared/data');
const TITLES = join(DATA, 'thucnews-titles/dev.jsonl');

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function renderSearch(results: FidelityResult[]): string[] {
  return [
    '## Search fidelity (search box vs. exact substring)',
    '',
    'Data: `thucnews-titles/dev.jsonl` (10,000 THUCNews headlines) in a temporary SQLite database, indexed as',
    'Fengxiang indexes items. Queries are sampled with a fixed seed from the headlines; the truth of a query is',
    'the set of headlines whose normalised text contains it. Recall below 100% means search misses headlines',
    'that contain the query because jieba cut them differently: a word is found inside longer words through',
    'the sub-word tokens the index adds, but a substring that spans two words usually is not.',
    '',
    '| queries | n | recall (micro) | precision (micro) | queries with full recall |',
    '| --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.kind} | ${r.queries} | ${percent(r.microRecall)} | ${percent(r.microPrecision)} | ${percent(r.fullRecallShare)} |`,
    ),
    '',
  ];
}

if (!existsSync(TITLES)) {
  console.error(
    `eval: the shared data is missing (${TITLES} not found). Put ../shared/data beside the checkout or set FENGXIANG_DATA_DIR.`,
  );
  process.exit(1);
}
console.error('eval: search fidelity on thucnews-titles/dev …');
const search = await evaluateSearchFidelity(TITLES);
console.error('eval: collectors on rss-feeds and html-news-pages …');
const collectors = evaluateCollectors(DATA, Date.now());
if (collectors.missing !== null) {
  console.error(`eval: collectors not measured, missing ${collectors.missing.join(', ')}`);
}
console.error('eval: sentiment on ChnSentiCorp test and SMP2020-EWECT eval …');
const sentiment = evaluateSentiment(DATA);
console.error('eval: regions, categories, appeals on the project’s own labelled sets …');
const regions = evaluateRegions(DATA);
const categories = evaluateCategories(DATA);
const appeal = evaluateAppeal(DATA);
console.error('eval: near duplicates on CED reposts and hard negatives; scheme matcher agreement …');
const dedup = evaluateDedup(DATA);
const schemes = evaluateSchemes(DATA);
console.error('eval: event clustering on the CED sample and weibo2018 topics …');
const events = evaluateEvents(DATA);
const doc = [
  '# Quality',
  '',
  `Measured by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)} from \`../shared/data\` (dev splits only;`,
  'held-out splits are not used). Regenerate after any change to normalisation, segmentation, search or',
  'the collectors (feed parsing, charset decoding, article and list extraction) or any analyser or model.',
  '',
  ...renderSearch(search),
  ...renderCollectors(collectors),
  '',
  ...renderSentiment(sentiment),
  '',
  ...renderRegions(regions),
  '',
  ...renderCategories(categories),
  '',
  ...renderAppeal(appeal),
  '',
  ...renderDedup(dedup),
  '',
  ...renderSchemes(schemes),
  '',
  ...renderEvents(events),
].join('\n');
writeFileSync(join(import.meta.dirname, '../docs/quality.md'), doc);
console.log(doc);
