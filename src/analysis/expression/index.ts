/** The monitoring-scheme expression language: parse, match, compile the structured form. */
export type { AndNode, ExceptNode, ExpressionNode, NearNode, OrNode, SourceSpan, TermNode } from './ast.js';
export { termsOf } from './ast.js';
export { MAX_NEAR_DISTANCE } from './lexer.js';
export { MAX_NESTING, parseExpression } from './parser.js';
export { formatExpression } from './format.js';
export { formatCaret, type SyntaxErrorDetail } from './syntax-error.js';
export { compileSchemeWords, quoteWord } from './words.js';
export { matchExpression, matchNormalized, type Hit, type MatchResult } from './matcher.js';
export type { SearchAnd, SearchExcept, SearchNear, SearchNode, SearchOr, SearchTerm } from './search-tree.js';
