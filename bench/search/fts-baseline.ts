/**
 * The search baseline: the bare FTS5 index asked for the same match with
 * `select rowid from items_fts where items_fts match ? limit 20` — no filters, no scope, no ordering, no
 * row fetch. The match string is compiled here from the same search tree, independently of storage.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SearchNode } from '../../src/analysis/expression/search-tree.js';

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

/** FTS5 MATCH syntax for a search tree. */
export function ftsMatch(node: SearchNode): string {
  switch (node.type) {
    case 'term':
      return quote(node.tokens.join(' '));
    case 'and':
      return `(${node.children.map(ftsMatch).join(' AND ')})`;
    case 'or':
      return `(${node.children.map(ftsMatch).join(' OR ')})`;
    case 'except':
      return `(${ftsMatch(node.include)} NOT ${ftsMatch(node.exclude)})`;
    case 'near':
      return `NEAR(${quote(node.left.tokens.join(' '))} ${quote(node.right.tokens.join(' '))}, ${node.distance})`;
  }
}

/** Runs the bare FTS5 query for page `page` (1-based) of 20 rows; returns the rowids. */
export function runBaseline(database: BetterSqlite3.Database, match: string, page: number): number[] {
  const statement = database.prepare('select rowid from items_fts where items_fts match ? limit 20 offset ?');
  return statement.pluck().all(match, (page - 1) * 20) as number[];
}
