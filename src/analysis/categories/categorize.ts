/**
 * Multi-label categorisation by weighted terms: each distinct strong term adds the strong weight to its
 * key, each distinct weak term the weak weight (so weak terms need company), each distinct exclusion term
 * subtracts; a key is assigned when its score reaches its threshold. Office-defined categories are matched
 * by their expressions afterwards. Pure: the compiled taxonomy is passed in.
 */
import { matchNormalized } from '../expression/matcher.js';
import { normalizeText } from '../normalize/text.js';
import { scanPhrases } from './phrase-scanner.js';
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

/** Visits each distinct term found in `normalized` (substring terms) and `tokens` (whole-token terms). */
function visitTerms(
  normalized: string,
  tokens: readonly string[],
  taxonomy: Taxonomy,
  visit: UseVisitor,
): void {
  const seen = new Set<number>();
  const { phraseUses, scanner } = taxonomy;
  scanPhrases(scanner, normalized, (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    const uses = phraseUses[id];
    if (uses !== undefined) visit(uses, scanner.phrases[id] ?? '');
  });
  if (taxonomy.tokenTerms.size === 0) return;
  const seenTokens = new Set<number>();
  for (const token of tokens) {
    const id = taxonomy.tokenTerms.get(token.toLowerCase());
    if (id === undefined || seenTokens.has(id)) continue;
    seenTokens.add(id);
    const uses = taxonomy.tokenUses[id];
    if (uses !== undefined) visit(uses, token);
  }
}

function builtInScores(normalized: string, tokens: readonly string[], taxonomy: Taxonomy): Float64Array {
  const scores = new Float64Array(taxonomy.keys.length);
  visitTerms(normalized, tokens, taxonomy, (uses) => {
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
  const normalized = normalizeText(text);
  const scores = builtInScores(normalized, tokens, taxonomy);
  const keys: string[] = [];
  taxonomy.keys.forEach((key, index) => {
    if ((scores[index] ?? 0) >= (taxonomy.thresholds[index] ?? Infinity)) keys.push(key);
  });
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
  visitTerms(normalizeText(text), tokens, taxonomy, (uses, term) => {
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
