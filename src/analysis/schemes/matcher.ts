/**
 * The multi-scheme matcher (DESIGN.md §5): thousands of schemes compiled together, matched in one pass per
 * field. The automaton finds every distinct word of every scheme; only the schemes that use a word found in
 * the item are then evaluated (a scheme cannot match without one of its words occurring).
 */
import { AppError, isAppError } from '../../platform/errors.js';
import type { ExpressionNode } from '../expression/ast.js';
import { parseExpression } from '../expression/parser.js';
import { normalizeText } from '../normalize/text.js';
import { WordAutomaton } from './automaton.js';
import { hitsOf, holds, type SchemeHit } from './evaluate.js';
import { compileFormula, WordTable, wordsOf, type Formula } from './formula.js';
import { findFieldOccurrences, type FieldOccurrences } from './occurrences.js';

/** Which fields a scheme reads: the title, the content, or both. */
export type SchemeTarget = 'title' | 'content' | 'both';

/** A scheme to compile: its id, its expression (text or an already parsed tree) and its target. */
export interface SchemeSpec {
  id: string;
  expression: string | ExpressionNode;
  target: SchemeTarget;
}

/** The text of an item; a missing title is an empty one. */
export interface SchemeInput {
  title?: string | null;
  content: string;
}

/** A scheme that matched an item and the hits that made it match, for highlighting. */
export interface SchemeMatch {
  schemeId: string;
  hits: SchemeHit[];
}

interface CompiledScheme {
  id: string;
  target: SchemeTarget;
  formula: Formula;
}

function parseScheme(spec: SchemeSpec): ExpressionNode {
  if (typeof spec.expression !== 'string') return spec.expression;
  try {
    return parseExpression(spec.expression);
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new AppError(error.code, `scheme ${spec.id}: ${error.message}`, {
      ...error.details,
      schemeId: spec.id,
    });
  }
}

/** Schemes compiled together; build with {@link compileSchemes} and reuse for every item. */
export class SchemeMatcher {
  private readonly automaton: WordAutomaton;
  private readonly wordTexts: readonly string[];
  private readonly seen: Uint32Array;
  private stamp = 0;

  /** @internal use compileSchemes */
  constructor(
    private readonly schemes: readonly CompiledScheme[],
    private readonly table: WordTable,
    private readonly schemesOfWord: readonly (readonly number[])[],
  ) {
    this.wordTexts = table.entries.map((entry) => entry.text);
    this.automaton = WordAutomaton.build(this.wordTexts);
    this.seen = new Uint32Array(schemes.length);
  }

  /** Every distinct normalised word of the schemes (for the segmenter's dictionary). */
  get words(): readonly string[] {
    return this.wordTexts.filter((word) => word !== '');
  }

  /** The schemes that match the item, in the order they were compiled, with their hits. */
  match(input: SchemeInput): SchemeMatch[] {
    return this.matchNormalized({
      title: normalizeText(input.title ?? ''),
      content: normalizeText(input.content),
    });
  }

  /** Like {@link match} for text already normalised with normalizeText (positions refer to it). */
  matchNormalized(input: { title: string; content: string }): SchemeMatch[] {
    const title = findFieldOccurrences(this.automaton, this.table.entries, 'title', input.title);
    const content = findFieldOccurrences(this.automaton, this.table.entries, 'content', input.content);
    const matches: SchemeMatch[] = [];
    for (const index of this.candidates(title, content)) {
      const scheme = this.schemes[index];
      if (!scheme) continue;
      const fields =
        scheme.target === 'title' ? [title] : scheme.target === 'content' ? [content] : [title, content];
      if (holds(scheme.formula, fields)) {
        matches.push({ schemeId: scheme.id, hits: hitsOf(scheme.formula, fields, this.wordTexts) });
      }
    }
    return matches;
  }

  /** Indexes of the schemes that use a word found in either field, ascending. */
  private candidates(...fields: FieldOccurrences[]): number[] {
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.seen.fill(0);
    const found: number[] = [];
    for (const field of fields) {
      for (const word of field.byWord.keys()) {
        for (const scheme of this.schemesOfWord[word] ?? []) {
          if (this.seen[scheme] === this.stamp) continue;
          this.seen[scheme] = this.stamp;
          found.push(scheme);
        }
      }
    }
    return found.sort((a, b) => a - b);
  }
}

/**
 * Compiles schemes for matching in one pass. Throws EXPRESSION_SYNTAX (naming the scheme) when an
 * expression does not parse.
 */
export function compileSchemes(specs: readonly SchemeSpec[]): SchemeMatcher {
  const table = new WordTable();
  const schemesOfWord: number[][] = [];
  const schemes = specs.map((spec, index): CompiledScheme => {
    const formula = compileFormula(parseScheme(spec), table);
    for (const word of wordsOf(formula)) (schemesOfWord[word] ??= []).push(index);
    return { id: spec.id, target: spec.target, formula };
  });
  return new SchemeMatcher(schemes, table, schemesOfWord);
}
