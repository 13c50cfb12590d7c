/**
 * TF-IDF keywords of one item (DESIGN.md §5, the `keywords` field of `fengxiang analyze`): each word's
 * count in the item times its IDF in the domain table, best first. Stop words, punctuation, numbers and
 * single characters are never keywords.
 */
import type { IdfModel } from './model.js';

/** How many keywords an item gets by default. */
export const DEFAULT_KEYWORD_COUNT = 8;

const HAS_LETTER = /\p{L}/u;
/** Numbers, dates and amounts: 2024, 2024年, 三十, 15.8元, 30%. */
const NUMERIC =
  /^[\p{N}零〇一二两三四五六七八九十百千万亿.,%]+(?:年|月|日|号|时|点|分|秒|岁|个|元|万|亿|人|名|次|米|公里|倍)?$/u;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** True when `token` can be a keyword: not a stop word, not a number, not punctuation, not one character. */
export function isKeywordCandidate(token: string, stopWords: ReadonlySet<string>): boolean {
  if (token.length < 2 || (token.length === 2 && isHighSurrogate(token.charCodeAt(0)))) return false;
  if (stopWords.has(token)) return false;
  if (!HAS_LETTER.test(token)) return false;
  return !NUMERIC.test(token);
}

interface Tally {
  count: number;
  first: number;
}

/**
 * The `k` best keywords of an item from its tokens (for example `Segmenter.tokens(text)`, already
 * normalised), by count × IDF; ties keep the order of first appearance.
 */
export function extractKeywords(
  tokens: readonly string[],
  model: IdfModel,
  k: number = DEFAULT_KEYWORD_COUNT,
): string[] {
  const tallies = new Map<string, Tally>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const tally = tallies.get(token);
    if (tally) tally.count++;
    else if (isKeywordCandidate(token, model.stopWords)) tallies.set(token, { count: 1, first: i });
  }
  const scored: { word: string; score: number; first: number }[] = [];
  for (const [word, tally] of tallies) {
    scored.push({ word, score: tally.count * (model.idf.get(word) ?? model.unknownIdf), first: tally.first });
  }
  scored.sort((a, b) => b.score - a.score || a.first - b.first);
  return scored.slice(0, Math.max(0, k)).map((entry) => entry.word);
}
