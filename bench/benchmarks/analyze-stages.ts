/**
 * Where the time of `analyzeItem` goes: each stage timed on its own over the same texts, with the
 * segmentation it needs computed beforehand (so a stage's figure is its own work). Stages run warm and
 * one after the other, so their sum is a little below the full path, which also pays for cold caches
 * between stages; the full-path figure of the main table is the one that counts.
 */
import type { Analysers } from '../../src/analysis/analyze/analyze.js';
import { detectLanguage } from '../../src/analysis/language/index.js';
import type { Table } from '../support/report.js';

const ROUNDS = 3;

/** Best-of-rounds CPU time (user + system) per text, in µs, of `work` over `count` texts. */
function microseconds(count: number, work: (index: number) => unknown): number {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < count; i++) work(i);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / count);
  }
  return best;
}

/** The per-stage table: µs per item for each stage of full analysis, beside raw jieba. */
export function stageTable(
  texts: readonly string[],
  analysers: Analysers,
  jiebaCut: (text: string) => unknown,
): Table {
  const segments = texts.map((text) => analysers.segmenter.segment(text));
  const at = (i: number): { normalized: string; tokens: string[]; plain: boolean } =>
    segments[i] ?? { normalized: '', tokens: [], plain: true };
  /** What analyzeItem hands the sentiment model: the normalised text when it is also the plain form. */
  const plain = (i: number): string | undefined => (at(i).plain ? at(i).normalized : undefined);
  const found = segments.map((segment) => analysers.lexicons(segment.normalized));
  const matches = (i: number): ReturnType<Analysers['lexicons']> =>
    found[i] ?? { regions: [], categories: [], appeal: [] };
  const text = (i: number): string => texts[i] ?? '';
  const stages: [string, (i: number) => unknown][] = [
    ['raw jieba cut (baseline)', (i) => jiebaCut(text(i))],
    ['normalise + segment (tokens and index string)', (i) => analysers.segmenter.segment(text(i))],
    ['language', (i) => detectLanguage(text(i))],
    ['sentiment + emotion', (i) => analysers.sentiment(text(i), 'zh', at(i).tokens, plain(i))],
    ['one lexicon scan (places, category and appeal terms)', (i) => analysers.lexicons(at(i).normalized)],
    ['categories', (i) => analysers.categories(at(i).normalized, at(i).tokens, matches(i))],
    ['regions', (i) => analysers.regions(at(i).normalized, matches(i))],
    ['appeal', (i) => analysers.appeal(at(i).normalized, matches(i))],
    ['keywords', (i) => analysers.keywords(at(i).tokens)],
    ['SimHash', (i) => analysers.simhash(text(i), at(i).normalized)],
  ];
  return {
    caption: 'Per stage (µs per item, each stage alone on precomputed segmentation)',
    headers: ['stage', 'µs per item'],
    rows: stages.map(([name, work]) => [name, microseconds(texts.length, work).toFixed(2)]),
  };
}
