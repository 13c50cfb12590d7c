/**
 * The pure core of `fengxiang match --expr EXPR` (DESIGN.md §6): one input object `{id, text}` to
 * `{id, matched, hits}`, hits being `{term, start, end}` in the normalised text (the shape the command
 * has printed since it first shipped). The command owns reading, writing and the per-line error objects.
 */
import { AppError } from '../../platform/errors.js';
import type { ExpressionNode } from '../expression/ast.js';
import { compileSchemes, type SchemeMatcher } from './matcher.js';

/** One hit of the command's output. */
export interface LineHit {
  term: string;
  start: number;
  end: number;
}

/** One output object. `id` is echoed as given (null when the line had none). */
export interface LineMatch {
  id: unknown;
  matched: boolean;
  hits: LineHit[];
}

const LINE_SCHEME_ID = 'expr';

/** The matcher for one command-line expression (text or parsed). Throws EXPRESSION_SYNTAX with the position. */
export function compileLineExpression(expression: string | ExpressionNode): SchemeMatcher {
  return compileSchemes([{ id: LINE_SCHEME_ID, expression, target: 'content' }]);
}

/**
 * Matches one input object. Throws VALIDATION_FAILED when `text` is missing or not a string, so that the
 * command answers that line with an error and goes on.
 */
export function matchLine(matcher: SchemeMatcher, record: Readonly<Record<string, unknown>>): LineMatch {
  const text = record['text'];
  if (typeof text !== 'string') {
    throw new AppError('VALIDATION_FAILED', '"text" must be a string', { field: 'text' });
  }
  const [found] = matcher.match({ content: text });
  return {
    id: record['id'] ?? null,
    matched: found !== undefined,
    hits: (found?.hits ?? []).map((hit) => ({ term: hit.word, start: hit.start, end: hit.end })),
  };
}
