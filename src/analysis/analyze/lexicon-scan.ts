/**
 * One pass over an item's normalised text for the word lists of three analysers: the place names of the
 * region gazetteer, the terms of the category taxonomy and the terms of the appeal lexicon. All their
 * words go into one Aho–Corasick automaton, built once with the analysers; its matches are then handed to
 * each analyser in the form and order its own scanner would have produced, so the results are the same
 * as three separate scans at the cost of about one.
 */
import type { AppealModel } from '../appeal/index.js';
import type { Taxonomy } from '../categories/index.js';
import { buildAutomaton, scanAutomaton, type Automaton, type Gazetteer } from '../regions/index.js';

/** The shared automaton and where each word list starts among its patterns. */
export interface LexiconScanner {
  readonly automaton: Automaton;
  /** Patterns [0, categoryStart) are gazetteer aliases by alias index. */
  readonly categoryStart: number;
  /** Patterns [categoryStart, appealStart) are taxonomy phrases, then appeal phrases to the end. */
  readonly appealStart: number;
}

/** What one scan found, per analyser. */
export interface LexiconMatches {
  /** Gazetteer matches as pairs of alias index and start (what mentionsOf takes). */
  regions: number[];
  /** Taxonomy phrase ids of every occurrence, by start and then id (what categorizeFound takes). */
  categories: number[];
  /** Appeal phrase ids of every occurrence, by start and then id (what appealVerdictOfFound takes). */
  appeal: number[];
}

/** Builds the shared automaton over the three word lists (once, with the analysers). */
export function buildLexiconScanner(
  gazetteer: Gazetteer,
  taxonomy: Taxonomy,
  appeal: AppealModel,
): LexiconScanner {
  const categoryStart = gazetteer.surfaces.length;
  const appealStart = categoryStart + taxonomy.scanner.phrases.length;
  const patterns = [...gazetteer.surfaces, ...taxonomy.scanner.phrases, ...appeal.scanner.phrases];
  return { automaton: buildAutomaton(patterns), categoryStart, appealStart };
}

/** Few enough matches to order by insertion; more are sorted. */
const FEW = 32;

/** Negative when pair `a` of `pairs` starts earlier than pair `b`, or at the same place with a lower id. */
function before(pairs: readonly number[], a: number, b: number): number {
  return (pairs[2 * a + 1] ?? 0) - (pairs[2 * b + 1] ?? 0) || (pairs[2 * a] ?? 0) - (pairs[2 * b] ?? 0);
}

/**
 * The ids of `pairs` (id, start) ordered by start and then id: the order of a left-to-right phrase
 * scanner that tries the phrases starting at each position in id order.
 */
function idsInTextOrder(pairs: readonly number[]): number[] {
  const count = pairs.length / 2;
  const order: number[] = [];
  for (let i = 0; i < count; i++) order.push(i);
  if (count > FEW) order.sort((a, b) => before(pairs, a, b));
  else {
    for (let i = 1; i < count; i++) {
      const current = order[i] ?? 0;
      let at = i;
      while (at > 0 && before(pairs, order[at - 1] ?? 0, current) > 0) {
        order[at] = order[at - 1] ?? 0;
        at--;
      }
      order[at] = current;
    }
  }
  const ids: number[] = [];
  for (const index of order) ids.push(pairs[2 * index] ?? 0);
  return ids;
}

/** Scans `normalized` once and splits the matches among the analysers. */
export function scanLexicons(scanner: LexiconScanner, normalized: string): LexiconMatches {
  const raw: number[] = [];
  scanAutomaton(scanner.automaton, normalized, raw);
  const regions: number[] = [];
  const categories: number[] = [];
  const appeal: number[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const pattern = raw[i] ?? 0;
    const start = raw[i + 1] ?? 0;
    if (pattern < scanner.categoryStart) regions.push(pattern, start);
    else if (pattern < scanner.appealStart) categories.push(pattern - scanner.categoryStart, start);
    else appeal.push(pattern - scanner.appealStart, start);
  }
  return { regions, categories: idsInTextOrder(categories), appeal: idsInTextOrder(appeal) };
}
