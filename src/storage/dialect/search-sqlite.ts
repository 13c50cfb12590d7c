/**
 * A {@link SearchNode} as an FTS5 MATCH string. Every token is a double-quoted FTS5 string (inner quotes
 * doubled), so no token can be read as an operator, column filter or prefix; the string itself is bound
 * as a parameter, never spliced into SQL.
 */
import type { SearchNode, SearchTerm } from '../../analysis/expression/search-tree.js';
import { searchableTokens } from './search-tokens.js';

function phrase(term: SearchTerm): string {
  return `"${searchableTokens(term).join(' ').replaceAll('"', '""')}"`;
}

function joined(children: SearchNode[], operator: 'AND' | 'OR'): string {
  const parts = children.map(toFts5Match);
  return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(` ${operator} `)})`;
}

/** The FTS5 query for `node`: phrases for terms, AND/OR/NOT, and NEAR(a b, n) with n tokens between. */
export function toFts5Match(node: SearchNode): string {
  switch (node.type) {
    case 'term':
      return phrase(node);
    case 'and':
      return joined(node.children, 'AND');
    case 'or':
      return joined(node.children, 'OR');
    case 'except':
      return `(${toFts5Match(node.include)} NOT ${toFts5Match(node.exclude)})`;
    case 'near':
      return `NEAR(${phrase(node.left)} ${phrase(node.right)}, ${Math.max(0, Math.floor(node.distance))})`;
  }
}
