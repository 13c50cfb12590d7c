/**
 * The pure matcher: does a text satisfy an expression, and where are the terms that made it match.
 * Matching is on normalised text (see normalizeText); hit positions refer to that normalised text.
 * Excluded terms never appear among the hits.
 */
import { normalizeText } from '../normalize/text.js';
import type { ExpressionNode, NearNode, TermNode } from './ast.js';
import { findOccurrences, gapBetween, type Occurrence } from './occurrences.js';

/** A term found in the text: the normalised term and its span in the normalised text. */
export interface Hit {
  term: string;
  start: number;
  end: number;
}

/** Whether the text matched, and the hits of the terms that made it match (empty when it did not). */
export interface MatchResult {
  matched: boolean;
  hits: Hit[];
}

/** Matches `text` (normalised here) against a parsed expression. */
export function matchExpression(ast: ExpressionNode, text: string): MatchResult {
  return matchNormalized(ast, normalizeText(text));
}

/** Matches text that is already normalised with normalizeText (saves normalising it again). */
export function matchNormalized(ast: ExpressionNode, normalized: string): MatchResult {
  const hits = new Evaluation(normalized).evaluate(ast);
  return hits === null ? { matched: false, hits: [] } : { matched: true, hits: orderedUnique(hits) };
}

function orderedUnique(hits: Hit[]): Hit[] {
  const seen = new Set<string>();
  return hits
    .filter((hit) => {
      const key = `${hit.start}:${hit.end}:${hit.term}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** One evaluation over one text; occurrences of each term are found once. */
class Evaluation {
  private readonly cache = new Map<string, Hit[]>();

  constructor(private readonly text: string) {}

  /** The hits that satisfy `node`, or null when it is not satisfied. */
  evaluate(node: ExpressionNode): Hit[] | null {
    switch (node.type) {
      case 'term':
        return this.termHits(node);
      case 'and': {
        const all: Hit[] = [];
        for (const child of node.children) {
          const hits = this.evaluate(child);
          if (hits === null) return null;
          all.push(...hits);
        }
        return all;
      }
      case 'or': {
        const results = node.children.map((child) => this.evaluate(child));
        const matched = results.filter((hits): hits is Hit[] => hits !== null);
        return matched.length === 0 ? null : matched.flat();
      }
      case 'except':
        return this.evaluate(node.exclude) === null ? this.evaluate(node.include) : null;
      case 'near':
        return this.nearHits(node);
    }
  }

  private occurrences(term: TermNode): Hit[] {
    const normalized = normalizeText(term.text);
    let hits = this.cache.get(normalized);
    if (!hits) {
      hits = findOccurrences(this.text, normalized).map((o: Occurrence) => ({ term: normalized, ...o }));
      this.cache.set(normalized, hits);
    }
    return hits;
  }

  private termHits(term: TermNode): Hit[] | null {
    const hits = this.occurrences(term);
    return hits.length === 0 ? null : hits;
  }

  private nearHits(node: NearNode): Hit[] | null {
    const lefts = this.occurrences(node.left);
    const rights = this.occurrences(node.right);
    const near: Hit[] = [];
    for (const left of lefts) {
      for (const right of rights) {
        if (left !== right && gapBetween(left, right) <= node.distance) near.push(left, right);
      }
    }
    return near.length === 0 ? null : near;
  }
}
