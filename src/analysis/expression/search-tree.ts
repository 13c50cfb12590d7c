/**
 * The tree a search engine runs: the scheme expression with each term already cut into the same tokens
 * the index holds. Storage compiles it to FTS5 MATCH syntax or a PostgreSQL tsquery.
 */

/** A term: its tokens must appear adjacent and in order (a single token is a plain term). */
export interface SearchTerm {
  type: 'term';
  tokens: string[];
}

/** All children must match. */
export interface SearchAnd {
  type: 'and';
  children: SearchNode[];
}

/** Any child must match. */
export interface SearchOr {
  type: 'or';
  children: SearchNode[];
}

/** `include` must match and `exclude` must not (the `-` operator). */
export interface SearchExcept {
  type: 'except';
  include: SearchNode;
  exclude: SearchNode;
}

/** Both terms within `distance` tokens of each other (NEAR/n; a superset of the character distance). */
export interface SearchNear {
  type: 'near';
  left: SearchTerm;
  right: SearchTerm;
  distance: number;
}

/** A node of the search tree. */
export type SearchNode = SearchTerm | SearchAnd | SearchOr | SearchExcept | SearchNear;
