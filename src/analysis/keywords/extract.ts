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

/** Marks a token that can never be a keyword in the memo of token weights. */
const NOT_KEYWORD = Number.NEGATIVE_INFINITY;
/** Tokens whose weight is remembered per model; when full the memo starts over (between calls). */
const MEMO_SIZE = 100_000;

/**
 * What the memo knows of one token: the token, its IDF weight (or {@link NOT_KEYWORD}), and its count in
 * the call that saw it last (`call`, `count`), so that one lookup both weighs and tallies a token and a
 * call keeps only the list of its distinct candidates.
 */
interface TokenEntry {
  readonly token: string;
  readonly weight: number;
  call: number;
  count: number;
}

/**
 * Each model's memo of token entries, so that the candidate tests and the table lookup run once per
 * distinct token of a stream rather than once per item. Held weakly: a model that is dropped takes its
 * memo with it.
 */
const memos = new WeakMap<IdfModel, Map<string, TokenEntry>>();
/** Numbers the calls of {@link extractKeywords}, to tell this call's tallies from earlier ones. */
let calls = 0;

function memoOf(model: IdfModel): Map<string, TokenEntry> {
  let memo = memos.get(model);
  if (memo === undefined) {
    memo = new Map();
    memos.set(model, memo);
  }
  return memo;
}

function entryOf(token: string, model: IdfModel, memo: Map<string, TokenEntry>): TokenEntry {
  let entry = memo.get(token);
  if (entry === undefined) {
    const weight = isKeywordCandidate(token, model.stopWords)
      ? (model.idf.get(token) ?? model.unknownIdf)
      : NOT_KEYWORD;
    entry = { token, weight, call: 0, count: 0 };
    memo.set(token, entry);
  }
  return entry;
}

/**
 * The `k` best keywords of an item from its tokens (for example `Segmenter.tokens(text)`, already
 * normalised), by count × IDF; ties keep the order of first appearance. Distinct candidates are tallied
 * in order of first appearance and the best `k` kept by insertion, without sorting them all.
 */
export function extractKeywords(
  tokens: readonly string[],
  model: IdfModel,
  k: number = DEFAULT_KEYWORD_COUNT,
): string[] {
  if (k <= 0) return [];
  const memo = memoOf(model);
  if (memo.size >= MEMO_SIZE) memo.clear();
  const call = ++calls;
  const candidates: TokenEntry[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token.length < 2) continue;
    const entry = entryOf(token, model, memo);
    if (entry.weight === NOT_KEYWORD) continue;
    if (entry.call === call) {
      entry.count++;
      continue;
    }
    entry.call = call;
    entry.count = 1;
    candidates.push(entry);
  }
  return best(candidates, k);
}

/**
 * The tokens of the `k` candidates of highest count × weight, best first; an earlier candidate wins a
 * tie. Kept by insertion, moving lower scores down one place (no array per insertion).
 */
function best(candidates: readonly TokenEntry[], k: number): string[] {
  const kept: TokenEntry[] = [];
  const keptScores: number[] = [];
  for (const candidate of candidates) {
    const score = candidate.count * candidate.weight;
    if (kept.length === k) {
      if (score <= (keptScores[k - 1] ?? 0)) continue;
      kept.pop();
      keptScores.pop();
    }
    let at = kept.length;
    kept.push(candidate);
    keptScores.push(score);
    for (; at > 0 && (keptScores[at - 1] ?? 0) < score; at--) {
      kept[at] = kept[at - 1] ?? candidate;
      keptScores[at] = keptScores[at - 1] ?? 0;
    }
    kept[at] = candidate;
    keptScores[at] = score;
  }
  const out: string[] = [];
  for (const entry of kept) out.push(entry.token);
  return out;
}
