/**
 * One pass over an item's normalised text for the word lists of three analysers: the place names of the
 * region gazetteer, the terms of the category taxonomy and the terms of the appeal lexicon. All their
 * words go into one Aho–Corasick automaton, built once with the analysers; its matches are then handed to
 * each analyser in the form and order its own scanner would have produced, so the results are the same
 * as three separate scans at the cost of about one.
 */
import type { AppealModel } from '../appeal/index.js';
import type { Taxonomy } from '../categories/index.js';
import { buildAutomaton, nextState, type Automaton, type Gazetteer } from '../regions/index.js';

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
 * scanner that tries the phrases starting at each position in id order. The automaton reports matches
 * by end, so short lists are put in order by insertion, in place (they are nearly in order already).
 */
function idsInTextOrder(pairs: number[]): number[] {
  const count = pairs.length / 2;
  const ids: number[] = [];
  if (count > FEW) {
    const order: number[] = [];
    for (let i = 0; i < count; i++) order.push(i);
    order.sort((a, b) => before(pairs, a, b));
    for (const index of order) ids.push(pairs[2 * index] ?? 0);
    return ids;
  }
  for (let i = 1; i < count; i++) {
    const id = pairs[2 * i] ?? 0;
    const start = pairs[2 * i + 1] ?? 0;
    let at = i;
    for (; at > 0; at--) {
      const previousStart = pairs[2 * at - 1] ?? 0;
      if (previousStart < start || (previousStart === start && (pairs[2 * at - 2] ?? 0) <= id)) break;
      pairs[2 * at] = pairs[2 * at - 2] ?? 0;
      pairs[2 * at + 1] = previousStart;
    }
    pairs[2 * at] = id;
    pairs[2 * at + 1] = start;
  }
  for (let i = 0; i < count; i++) ids.push(pairs[2 * i] ?? 0);
  return ids;
}

export function scanLexicons(scanner: LexiconScanner, normalized: string): LexiconMatches {
  const { automaton, categoryStart, appealStart } = scanner;
  const { outputStart, outputPatterns, lengths } = automaton;
  const regions: number[] = [];
  const categories: number[] = [];
  const appeal: number[] = [];
  let state = 0;
  for (let i = 0; i < normalized.length; i++) {
    state = nextState(automaton, state, normalized.charCodeAt(i));
    if (state === 0) continue;
    const end = outputStart[state + 1] ?? 0;
    for (let k = outputStart[state] ?? 0; k < end; k++) {
      const pattern = outputPatterns[k] ?? 0;
      const start = i + 1 - (lengths[pattern] ?? 0);
      if (pattern < categoryStart) regions.push(pattern, start);
      else if (pattern < appealStart) categories.push(pattern - categoryStart, start);
      else appeal.push(pattern - appealStart, start);
    }
  }
  return { regions, categories: idsInTextOrder(categories), appeal: idsInTextOrder(appeal) };
}
