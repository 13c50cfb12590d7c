/**
 * Scheme matching throughput (issue 4, DESIGN.md §5): 1,000 monitoring schemes of about ten words each,
 * compiled together, matched against 200-character corpus items (title and content) on one core, beside
 * raw jieba segmentation (precise mode, built-in dictionary) of the same texts in the same run.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { compileSchemeWords, parseExpression, termsOf } from '../../src/analysis/expression/index.js';
import { compileSchemes, type SchemeSpec, type SchemeTarget } from '../../src/analysis/schemes/index.js';
import { SeededRandom } from '../corpus/random.js';
import { PROVINCES } from '../corpus/words/places.js';
import { EVENTS, PEOPLE, SUBJECTS } from '../corpus/words/vocabulary.js';
import { describeMachine, today } from '../support/machine.js';
import { formatCount, type BenchSection } from '../support/report.js';
import { loadCorpusItems, type Benchmark } from './context.js';

const DEFAULT_ITEMS = 20_000;
const SCHEMES = 1_000;
const ITEM_LENGTH = 200;
const ROUNDS = 3;
const TARGETS: readonly SchemeTarget[] = ['both', 'both', 'content', 'title'];
const EXCLUDES = ['广告', '招聘', '转让', '代办', '优惠', '抽奖', '直播带货', '彩票'];

interface Text {
  title: string;
  content: string;
}

function sample<T>(random: SeededRandom, list: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(random.pick(list));
  return [...chosen];
}

/** Schemes shaped like offices write them: places + bodies + people + events − excludes, some with NEAR. */
export function buildSchemes(seed: number): SchemeSpec[] {
  const random = new SeededRandom(seed);
  const places = PROVINCES.flat().flatMap((p) => [p.cityShort, ...(p.county ? [p.county] : [])]);
  const events = EVENTS.map((event) => event.word);
  return Array.from({ length: SCHEMES }, (_, index) => {
    let expression = compileSchemeWords({
      regions: sample(random, places, random.int(1, 3)),
      subjects: sample(random, SUBJECTS, random.int(2, 3)),
      people: random.chance(0.3) ? sample(random, PEOPLE, 2) : [],
      events: sample(random, events, random.int(2, 3)),
      excludes: sample(random, EXCLUDES, random.int(1, 2)),
    });
    if (random.chance(0.1))
      expression = `(${expression}) | NEAR/10(${random.pick(SUBJECTS)}, ${random.pick(events)})`;
    return { id: `scheme-${index}`, expression, target: random.pick(TARGETS) };
  });
}

function wordsPerScheme(schemes: readonly SchemeSpec[]): number {
  let words = 0;
  for (const scheme of schemes) {
    if (typeof scheme.expression === 'string') words += termsOf(parseExpression(scheme.expression)).length;
  }
  return words / schemes.length;
}

function itemsPerSecond(
  texts: readonly Text[],
  work: (text: Text) => number,
): { rate: number; total: number } {
  let total = 0;
  for (const text of texts.slice(0, 500)) work(text);
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    total = 0;
    for (const text of texts) total += work(text);
    best = Math.max(best, texts.length / ((performance.now() - start) / 1000));
  }
  return { rate: best, total };
}

/** The `schemes` benchmark. */
export const schemesBenchmark: Benchmark = {
  name: 'schemes',
  async run(context) {
    const size = context.options.items ?? DEFAULT_ITEMS;
    const items = await loadCorpusItems(await context.corpus(size), size);
    const texts: Text[] = items.map((item) => ({
      title: (item.title ?? '').slice(0, 40),
      content: item.content.slice(0, ITEM_LENGTH),
    }));
    const jieba = Jieba.withDict(dict);
    const schemes = buildSchemes(context.options.seed);
    const compileStart = performance.now();
    const matcher = compileSchemes(schemes);
    const compileMs = performance.now() - compileStart;
    const baseline = itemsPerSecond(
      texts,
      (text) => jieba.cut(text.title, false).length + jieba.cut(text.content, false).length,
    );
    const matched = itemsPerSecond(texts, (text) => matcher.match(text).length);
    const ratio = matched.rate / baseline.rate;
    return {
      name: 'schemes',
      title: 'Scheme matching — 1,000 schemes in one pass',
      context: [
        `Measured ${today()} on ${describeMachine()}, one core.`,
        `${formatCount(texts.length)} corpus items (seed fixed), content cut to ${ITEM_LENGTH} characters, title to 40; best of ${ROUNDS} rounds.`,
        `${formatCount(SCHEMES)} schemes (${formatCount(matcher.words.length)} distinct words, ${wordsPerScheme(schemes).toFixed(1)} words each on average), compiled in ${compileMs.toFixed(0)} ms.`,
        `Reproduce: \`npm run bench -- --only schemes --items ${size}\`.`,
      ],
      tables: [
        {
          headers: ['path', 'items/s', 'ratio to baseline', 'scheme matches'],
          rows: [
            [
              'compileSchemes(…).match({title, content}) (normalise + Aho–Corasick + formulas)',
              formatCount(matched.rate),
              ratio.toFixed(2),
              formatCount(matched.total),
            ],
            ['raw jieba cut (precise mode) of title and content', formatCount(baseline.rate), '1.00', '—'],
          ],
        },
      ],
      notes: [
        'Target (issue 4): at least 10,000 items/s for 1,000 schemes of about ten words on one core. Matching ' +
          'includes normalisation of both fields (NFKC, traditional → simplified, lower case, whitespace).',
      ],
    } satisfies BenchSection;
  },
};
