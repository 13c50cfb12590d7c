/** Matching many monitoring schemes in one pass (DESIGN.md §5), and the core of `fengxiang match`. */
export { compileSchemes, SchemeMatcher } from './matcher.js';
export type { SchemeInput, SchemeMatch, SchemeSpec, SchemeTarget } from './matcher.js';
export type { SchemeHit } from './evaluate.js';
export type { SchemeField } from './occurrences.js';
export { compileLineExpression, matchLine, type LineHit, type LineMatch } from './match-line.js';
