/**
 * A {@link SearchNode} as PostgreSQL tsquery text for `to_tsquery('simple', …)`. Every token is a
 * single-quoted lexeme with quotes and backslashes escaped, so no token can be read as an operator or a
 * weight/prefix label; the text is bound as a parameter, never spliced into SQL.
 */
import type { SearchNode, SearchTerm } from '../../analysis/expression/search-tree.js';
import { searchableTokens } from './search-tokens.js';

/**
 * PostgreSQL has no unordered "within n" operator, so NEAR expands to `a <k> b | b <k> a` for every k up
 * to n + 1. Beyond this many tokens NEAR falls back to plain AND (a superset, never a miss).
 */
export const MAX_EXPANDED_NEAR = 32;

function lexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

function phrase(term: SearchTerm): string {
  const lexemes = searchableTokens(term).map(lexeme);
  return lexemes.length === 1 ? (lexemes[0] ?? '') : `(${lexemes.join(' <-> ')})`;
}

function joined(children: SearchNode[], operator: '&' | '|'): string {
  const parts = children.map(toTsQuery);
  return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(` ${operator} `)})`;
}

function near(left: string, right: string, distance: number): string {
  const tokensBetween = Math.max(0, Math.floor(distance));
  if (tokensBetween >= MAX_EXPANDED_NEAR) return `(${left} & ${right})`;
  const alternatives: string[] = [];
  for (let k = 1; k <= tokensBetween + 1; k++)
    alternatives.push(`${left} <${k}> ${right}`, `${right} <${k}> ${left}`);
  return `(${alternatives.join(' | ')})`;
}

/** The tsquery text for `node`: lexemes, `<->` phrases, `&`, `|`, `& !` for except, `<k>` for NEAR. */
export function toTsQuery(node: SearchNode): string {
  switch (node.type) {
    case 'term':
      return phrase(node);
    case 'and':
      return joined(node.children, '&');
    case 'or':
      return joined(node.children, '|');
    case 'except':
      return `(${toTsQuery(node.include)} & !${toTsQuery(node.exclude)})`;
    case 'near':
      return near(phrase(node.left), phrase(node.right), node.distance);
  }
}
