/**
 * `fengxiang analyze` throughput (issue 4): full analysis — normalisation, segmentation for the index,
 * sentiment and emotion, categories, regions, appeal, keywords and SimHash — of 200-character corpus
 * items on one core, beside raw jieba segmentation (precise mode, built-in dictionary) of the same texts in
 * the same run. Target: full analysis at least 25% of segmentation speed.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { analyzeItem } from '../../src/analysis/analyze/analyze.js';
import { loadAnalysers } from '../../src/analysis/analyze/load.js';
import { readDomainDictionary } from '../../src/analysis/segment/domain-dictionary.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import { describeMachine, today } from '../support/machine.js';
import { formatCount, type BenchSection } from '../support/report.js';
import { loadCorpusItems, type Benchmark } from './context.js';

const DEFAULT_ITEMS = 20_000;
const ITEM_LENGTH = 200;
const ROUNDS = 3;

function bestRate(texts: readonly string[], work: (text: string) => number): number {
  for (const text of texts.slice(0, 500)) work(text);
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    let sink = 0;
    for (const text of texts) sink += work(text);
    if (sink < 0) throw new Error('unreachable');
    best = Math.max(best, texts.length / ((performance.now() - start) / 1000));
  }
  return best;
}

/** The `analyze` benchmark. */
export const analyzeBenchmark: Benchmark = {
  name: 'analyze',
  async run(context) {
    const size = context.options.items ?? DEFAULT_ITEMS;
    const items = await loadCorpusItems(await context.corpus(size), size);
    const texts = items.map((item) => item.content.slice(0, ITEM_LENGTH));
    const jieba = Jieba.withDict(dict);
    const segmenter = new Segmenter();
    segmenter.addDictionary(readDomainDictionary());
    const loadStart = performance.now();
    const analysers = loadAnalysers(segmenter);
    const loadMs = performance.now() - loadStart;
    const baseline = bestRate(texts, (text) => jieba.cut(text, false).length);
    const full = bestRate(texts, (text) => analyzeItem({ content: text }, analysers).keywords.length);
    const ratio = full / baseline;
    return {
      name: 'analyze',
      title: 'Analysis throughput — `fengxiang analyze` on one core',
      context: [
        `Measured ${today()} on ${describeMachine()}, one core.`,
        `${formatCount(texts.length)} corpus items (seed fixed) cut to ${ITEM_LENGTH} characters; best of ${ROUNDS} rounds; models loaded once in ${loadMs.toFixed(0)} ms.`,
        `Reproduce: \`npm run bench -- --only analyze --items ${size}\`.`,
      ],
      tables: [
        {
          headers: ['path', 'items/s', 'ratio to baseline', 'target'],
          rows: [
            [
              'analyzeItem: normalise, index tokens, sentiment + emotion, categories, regions, appeal, keywords, SimHash',
              formatCount(full),
              ratio.toFixed(2),
              ratio >= 0.25 ? '≥ 0.25: met' : '≥ 0.25: not met',
            ],
            ['raw jieba cut (precise mode) of the same texts', formatCount(baseline), '1.00', '—'],
          ],
        },
      ],
      notes: [
        'The full path segments each text more than once (precise cut for the analysers, precise + search cut ' +
          'for the index); the baseline is one precise cut.',
      ],
    } satisfies BenchSection;
  },
};
