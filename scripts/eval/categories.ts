/**
 * Category accuracy: precision and recall per built-in key on our own labelled dev set
 * (test/fixtures/categories/dev.jsonl, written for this project), plus an outside check on THUCNews dev
 * headlines (../shared/data/thucnews-titles) where a THUCNews class maps to a key: recall for finance
 * (财经, 股票), housing (房产) and education (教育), and how often headlines of unrelated classes (体育,
 * 娱乐, 游戏, 科技) get any tag at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { categorize, loadBuiltInTaxonomy, type Taxonomy } from '../../src/analysis/categories/index.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';

/** Counts and ratios of one key. */
export interface KeyScore {
  key: string;
  support: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
}

/** Recall of one mapped THUCNews class, or the any-tag rate of an unrelated class. */
export interface OutsideScore {
  label: string;
  key: string | null;
  texts: number;
  rate: number;
}

/** Scores of one labelled set. */
export interface SetScore {
  texts: number;
  keys: KeyScore[];
  microPrecision: number;
  microRecall: number;
  exactMatch: number;
}

/** Everything the categories section of docs/quality.md shows. */
export interface CategoriesResult {
  dev: SetScore;
  check: SetScore;
  outside: OutsideScore[] | null;
}

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/categories');
const MAPPED: Record<string, string | null> = {
  finance: 'finance',
  stocks: 'finance',
  realty: 'housing',
  education: 'education',
  sports: null,
  entertainment: null,
  game: null,
  science: null,
};

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function scoreSet(path: string, taxonomy: Taxonomy, segmenter: Segmenter): SetScore {
  const rows = readJsonl<{ text: string; labels: string[] }>(path);
  const counts = new Map(taxonomy.keys.map((key) => [key, { support: 0, tp: 0, fp: 0 }]));
  let exact = 0;
  for (const row of rows) {
    const predicted = new Set(categorize(row.text, segmenter.tokens(row.text), taxonomy));
    const truth = new Set(row.labels);
    if (predicted.size === truth.size && [...truth].every((key) => predicted.has(key))) exact++;
    for (const [key, count] of counts) {
      if (truth.has(key)) count.support++;
      if (predicted.has(key)) {
        if (truth.has(key)) count.tp++;
        else count.fp++;
      }
    }
  }
  const keys = [...counts].map(([key, c]) => ({
    key,
    support: c.support,
    truePositives: c.tp,
    falsePositives: c.fp,
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.support),
  }));
  const tp = keys.reduce((sum, k) => sum + k.truePositives, 0);
  const fp = keys.reduce((sum, k) => sum + k.falsePositives, 0);
  const support = keys.reduce((sum, k) => sum + k.support, 0);
  return {
    texts: rows.length,
    keys,
    microPrecision: ratio(tp, tp + fp),
    microRecall: ratio(tp, support),
    exactMatch: ratio(exact, rows.length),
  };
}

function scoreOutside(dataDir: string, taxonomy: Taxonomy, segmenter: Segmenter): OutsideScore[] | null {
  const path = join(dataDir, 'thucnews-titles/dev.jsonl');
  if (!existsSync(path)) return null;
  const tally = new Map<string, { texts: number; hits: number }>();
  for (const row of readJsonl<{ label: string; text: string }>(path)) {
    const key = MAPPED[row.label];
    if (key === undefined) continue;
    const tags = categorize(row.text, segmenter.tokens(row.text), taxonomy);
    const entry = tally.get(row.label) ?? { texts: 0, hits: 0 };
    entry.texts++;
    if (key === null ? tags.length > 0 : tags.includes(key)) entry.hits++;
    tally.set(row.label, entry);
  }
  return [...tally].map(([label, t]) => ({
    label,
    key: MAPPED[label] ?? null,
    texts: t.texts,
    rate: ratio(t.hits, t.texts),
  }));
}

/** Measures the built-in taxonomy on the dev set and, when present, on THUCNews dev headlines. */
export function evaluateCategories(dataDir: string): CategoriesResult {
  const taxonomy = loadBuiltInTaxonomy();
  const segmenter = new Segmenter();
  return {
    dev: scoreSet(join(FIXTURES, 'dev.jsonl'), taxonomy, segmenter),
    check: scoreSet(join(FIXTURES, 'check.jsonl'), taxonomy, segmenter),
    outside: scoreOutside(dataDir, taxonomy, segmenter),
  };
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function summary(name: string, set: SetScore): string {
  return `| ${name} | ${set.texts} | ${percent(set.microPrecision)} | ${percent(set.microRecall)} | ${percent(set.exactMatch)} |`;
}

/** The categories section of docs/quality.md. */
export function renderCategories(result: CategoriesResult): string[] {
  const lines = [
    '## Categories (built-in taxonomy)',
    '',
    'Data: our own labelled sets of short news headlines, posts and message-board texts (multi-label, with',
    'untagged negatives), written for this project. The keyword lists (`models/categories/taxonomy.json`) were',
    'adjusted once after reading the errors on `dev.jsonl`, so its figures are optimistic; `check.jsonl` was',
    'written afterwards and never used to adjust anything. The THUCNews check below is independent of both.',
    'Definitions of the keys: `docs/taxonomy.md`.',
    '',
    '| set | texts | micro precision | micro recall | exact label set |',
    '| --- | --- | --- | --- | --- |',
    summary('test/fixtures/categories/dev.jsonl', result.dev),
    summary('test/fixtures/categories/check.jsonl', result.check),
    '',
    'Per key (dev set; check set in brackets):',
    '',
    '| key | support | precision | recall |',
    '| --- | --- | --- | --- |',
    ...result.dev.keys.map((k) => {
      const c = result.check.keys.find((other) => other.key === k.key);
      const check = (value: number | undefined): string =>
        value === undefined ? '' : ` (${percent(value)})`;
      return `| ${k.key} | ${k.support}${c ? ` (${c.support})` : ''} | ${percent(k.precision)}${check(c?.precision)} | ${percent(k.recall)}${check(c?.recall)} |`;
    }),
    '',
  ];
  if (result.outside === null) return [...lines, 'THUCNews check not run (`thucnews-titles` missing).', ''];
  return [
    ...lines,
    'Outside check on `thucnews-titles/dev.jsonl` (1,000 headlines per class): recall of the mapped key, and',
    'for unrelated classes the share of headlines that got any tag (lower is better).',
    '',
    '| THUCNews class | key | headlines | rate |',
    '| --- | --- | --- | --- |',
    ...result.outside.map(
      (o) => `| ${o.label} | ${o.key ?? '(any tag)'} | ${o.texts} | ${percent(o.rate)} |`,
    ),
    '',
  ];
}
