/**
 * Multi-label categorisation by weighted terms: each distinct strong term adds the strong weight to its
 * key, each distinct weak term the weak weight (so weak terms need company), each distinct exclusion term
 * subtracts; a key is assigned when its score reaches its threshold. Office-defined categories are matched
 * by their expressions afterwards. Pure: the compiled taxonomy is passed in.
 */
import { matchNormalized } from '../expression/matcher.js';
import { normalizeText } from '../normalize/text.js';
import { distinctIds, phraseIds } from './phrase-scanner.js';
import type { Taxonomy, TermKind, TermUse } from './taxonomy.js';

/** One term that counted toward a key, for explanations. */
export interface CategoryHit {
  term: string;
  kind: TermKind;
}

/** The score of one built-in key and the terms behind it. */
export interface CategoryScore {
  key: string;
  score: number;
  threshold: number;
  hits: CategoryHit[];
}

type UseVisitor = (uses: readonly TermUse[], term: string) => void;

/** `token` in lower case; tokens of CJK characters and lower-case ASCII (nearly all) come back as they are. */
function lowerCased(token: string): string {
  for (let i = 0; i < token.length; i++) {
    const unit = token.charCodeAt(i);
    if ((unit >= 0x41 && unit <= 0x5a) || (unit >= 0xc0 && unit < 0x3000) || unit > 0x9fff) {
      return token.toLowerCase();
    }
  }
  return token;
}

/** The length of each taxonomy's longest whole-token term, worked out once per taxonomy. */
const LONGEST_TOKEN_TERM = new WeakMap<Taxonomy, number>();

function longestTokenTerm(taxonomy: Taxonomy): number {
  let longest = LONGEST_TOKEN_TERM.get(taxonomy);
  if (longest === undefined) {
    longest = 0;
    for (const term of taxonomy.tokenTerms.keys()) longest = Math.max(longest, term.length);
    LONGEST_TOKEN_TERM.set(taxonomy, longest);
  }
  return longest;
}

/**
 * Visits each distinct term among `found` (the ids of the substring terms found in the text, in the
 * order the taxonomy's scanner reports them) and `tokens` (whole-token terms).
 */
function visitTerms(
  found: readonly number[],
  tokens: readonly string[],
  taxonomy: Taxonomy,
  visit: UseVisitor,
): void {
  const { phraseUses, scanner } = taxonomy;
  for (const id of distinctIds(found)) {
    const uses = phraseUses[id];
    if (uses !== undefined) visit(uses, scanner.phrases[id] ?? '');
  }
  if (taxonomy.tokenTerms.size === 0) return;
  const longest = longestTokenTerm(taxonomy);
  const seenTokens: number[] = [];
  for (const token of tokens) {
    // Lower-casing never shortens a string, so a token longer than every term matches none.
    if (token.length > longest) continue;
    const id = taxonomy.tokenTerms.get(lowerCased(token));
    if (id === undefined || seenTokens.includes(id)) continue;
    seenTokens.push(id);
    const uses = taxonomy.tokenUses[id];
    if (uses !== undefined) visit(uses, token);
  }
}

/**
 * The score array of each taxonomy, reused from text to text (a typed array per text costs about as much
 * as the scoring): categorizeFound reads it and is done with it before it returns.
 */
const SCORES = new WeakMap<Taxonomy, Float64Array>();

function builtInScores(
  found: readonly number[],
  tokens: readonly string[],
  taxonomy: Taxonomy,
): Float64Array {
  let scores = SCORES.get(taxonomy);
  if (scores === undefined) {
    scores = new Float64Array(taxonomy.keys.length);
    SCORES.set(taxonomy, scores);
  }
  scores.fill(0);
  visitTerms(found, tokens, taxonomy, (uses) => {
    for (const use of uses) scores[use.category] = (scores[use.category] ?? 0) + use.weight;
  });
  return scores;
}

function customKeys(normalized: string, taxonomy: Taxonomy): string[] {
  const keys: string[] = [];
  for (const custom of taxonomy.custom) {
    if (matchNormalized(custom.ast, normalized).matched) keys.push(custom.key);
  }
  return keys;
}

/**
 * The category keys of `text`: built-in keys in taxonomy order, then office-defined keys in the order
 * they were defined, each once. `tokens` are the jieba tokens of the text (used by whole-token terms).
 */
export function categorize(text: string, tokens: readonly string[], taxonomy: Taxonomy): string[] {
  return categorizeNormalized(normalizeText(text), tokens, taxonomy);
}

/**
 * Like {@link categorize} for text already normalised with normalizeText (full analysis has it from
 * segmentation and need not normalise again).
 */
export function categorizeNormalized(
  normalized: string,
  tokens: readonly string[],
  taxonomy: Taxonomy,
): string[] {
  return categorizeFound(normalized, phraseIds(taxonomy.scanner, normalized), tokens, taxonomy);
}

/**
 * Like {@link categorizeNormalized} with the taxonomy's substring terms found already: `found` lists the
 * phrase ids of the taxonomy's scanner for every occurrence, in the order phraseIds gives them.
 */
export function categorizeFound(
  normalized: string,
  found: readonly number[],
  tokens: readonly string[],
  taxonomy: Taxonomy,
): string[] {
  const scores = builtInScores(found, tokens, taxonomy);
  const keys: string[] = [];
  taxonomy.keys.forEach((key, index) => {
    if ((scores[index] ?? 0) >= (taxonomy.thresholds[index] ?? Infinity)) keys.push(key);
  });
  if (taxonomy.custom.length === 0) return keys;
  for (const key of customKeys(normalized, taxonomy)) {
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Every built-in key with a non-zero score, with the terms that produced it (for explaining a tag). */
export function explainCategories(
  text: string,
  tokens: readonly string[],
  taxonomy: Taxonomy,
): CategoryScore[] {
  const byKey = new Map<number, CategoryScore>();
  const found = phraseIds(taxonomy.scanner, normalizeText(text));
  visitTerms(found, tokens, taxonomy, (uses, term) => {
    for (const use of uses) {
      let entry = byKey.get(use.category);
      if (!entry) {
        entry = {
          key: taxonomy.keys[use.category] ?? '',
          score: 0,
          threshold: taxonomy.thresholds[use.category] ?? Infinity,
          hits: [],
        };
        byKey.set(use.category, entry);
      }
      entry.score += use.weight;
      entry.hits.push({ term, kind: use.kind });
    }
  });
  return [...byKey.values()].sort((a, b) => b.score - a.score);
}
