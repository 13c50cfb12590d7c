/**
 * The queries of the search benchmark, drawn deterministically from the corpus: single terms from its
 * common, medium and rare bands (by document frequency), boolean expressions over a 7- or 30-day window,
 * filtered queries (term + negative sentiment + province), and deep keyset pagination of common terms.
 */
import type { ItemFilters } from '../../src/storage/repositories.js';
import type { TermStats } from '../corpus/cache.js';
import { CORPUS_END } from '../corpus/generate.js';
import { SeededRandom } from '../corpus/random.js';
import { PROVINCES } from '../corpus/words/places.js';

/** One query to time. */
export interface SearchCase {
  /** The scheme-language expression typed into the search box. */
  expression: string;
  filters: ItemFilters;
  /** How many pages to walk; only the last one is timed. */
  pages: number;
  /** Which band or window the case belongs to, for the report. */
  band: string;
}

/** Document-frequency bands of single terms, as fractions of the corpus. */
export const BANDS = {
  common: { min: 0.01, max: 1 },
  medium: { min: 0.0005, max: 0.01 },
  rare: { min: 0, max: 0.0005 },
} as const;

/** The lowest document frequency a "rare" term may have, so that it still finds something. */
const RARE_FLOOR = 5;
const DAY_MS = 86_400_000;

const EVENT_PAIRS = [
  ['拆迁', '强拆'],
  ['欠薪', '拖欠工程款'],
  ['暴雨', '内涝'],
  ['停水', '停电'],
  ['食品安全', '过期食品'],
  ['环境污染', '化工泄漏'],
  ['贪污', '受贿'],
  ['医疗纠纷', '挂号难'],
  ['交通事故', '酒驾'],
  ['火灾', '燃气爆炸'],
] as const;
const EXCLUDES = ['演习', '演练', '辟谣', '谣言', '网传'];

/** The terms of one band, most frequent first. */
export function termsInBand(stats: TermStats, band: keyof typeof BANDS): string[] {
  const { min, max } = BANDS[band];
  const floor = band === 'rare' ? RARE_FLOOR : 0;
  return Object.entries(stats.documentFrequency)
    .filter(([, df]) => df >= Math.max(floor, min * stats.size) && df < max * stats.size)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([term]) => term);
}

function cycle<T>(list: readonly T[], count: number, random: SeededRandom): T[] {
  if (list.length === 0) return [];
  return Array.from({ length: count }, () => random.pick(list));
}

/** `count` single-term cases spread evenly over the three bands. */
export function singleTermCases(stats: TermStats, count: number, seed: number): SearchCase[] {
  const random = new SeededRandom(seed + 1);
  const perBand = Math.ceil(count / 3);
  return (['common', 'medium', 'rare'] as const).flatMap((band) =>
    cycle(termsInBand(stats, band), perBand, random).map((term) => ({
      expression: term,
      filters: {},
      pages: 1,
      band,
    })),
  );
}

function placeNames(): string[] {
  return PROVINCES.slice(0, 16).flatMap((places) => [
    places[0]?.provinceShort ?? '',
    ...new Set(places.map((p) => p.cityShort)),
  ]);
}

/** `count` boolean expressions `(a|b)+place-exclude`, half over 7 days and half over 30, ending at random days. */
export function booleanCases(count: number, seed: number): SearchCase[] {
  const random = new SeededRandom(seed + 2);
  const places = placeNames().filter((p) => p !== '');
  return Array.from({ length: count }, (_, i) => {
    const [a, b] = random.pick(EVENT_PAIRS);
    const days = i % 2 === 0 ? 7 : 30;
    const to = CORPUS_END - random.int(0, 60) * DAY_MS;
    return {
      expression: `(${a}|${b})+${random.pick(places)}-${random.pick(EXCLUDES)}`,
      filters: { from: to - days * DAY_MS, to },
      pages: 1,
      band: `${days} days`,
    };
  });
}

/** `count` term + negative sentiment + province cases, terms from the common and medium bands. */
export function filteredCases(stats: TermStats, count: number, seed: number): SearchCase[] {
  const random = new SeededRandom(seed + 3);
  const terms = [...termsInBand(stats, 'common'), ...termsInBand(stats, 'medium').slice(0, 200)];
  const provinces = PROVINCES.map((places) => places[0]?.province ?? '').filter((p) => p !== '');
  return cycle(terms, count, random).map((term) => {
    const province = random.pick(provinces);
    return {
      expression: term,
      filters: { sentiments: ['negative'], provinces: [province] },
      pages: 1,
      band: 'negative + province',
    };
  });
}

/** `count` walks to page `pages` of common terms. */
export function deepPageCases(stats: TermStats, count: number, pages: number, seed: number): SearchCase[] {
  const random = new SeededRandom(seed + 4);
  return cycle(termsInBand(stats, 'common'), count, random).map((term) => ({
    expression: term,
    filters: {},
    pages,
    band: `page ${pages}`,
  }));
}
