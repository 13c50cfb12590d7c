/**
 * A scheme's expression compiled to a formula over word ids: each distinct normalised word of all
 * schemes gets one id, so that the automaton finds it once per item however many schemes use it.
 */
import type { ExpressionNode, TermNode } from '../expression/ast.js';
import { isSpacedWordCharacter } from '../expression/occurrences.js';
import { normalizeText } from '../normalize/text.js';

/** A compiled expression node. */
export type Formula =
  | { kind: 'word'; word: number }
  | { kind: 'all'; parts: Formula[] }
  | { kind: 'any'; parts: Formula[] }
  | { kind: 'except'; include: Formula; exclude: Formula }
  | { kind: 'near'; left: number; right: number; distance: number };

/** One distinct word: its normalised text and whether each end must sit at a Latin word boundary. */
export interface WordEntry {
  text: string;
  checkStart: boolean;
  checkEnd: boolean;
}

/** The distinct words of a set of schemes, numbered in order of first use. */
export class WordTable {
  readonly entries: WordEntry[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of the term's normalised text, added when new. */
  idOf(term: TermNode): number {
    const text = normalizeText(term.text);
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.entries.length;
      this.ids.set(text, id);
      this.entries.push({
        text,
        checkStart: isSpacedWordCharacter(String.fromCodePoint(text.codePointAt(0) ?? 0x20)),
        checkEnd: isSpacedWordCharacter(lastCodePoint(text)),
      });
    }
    return id;
  }
}

function lastCodePoint(text: string): string {
  const points = [...text.slice(-2)];
  return points.at(-1) ?? '';
}

/** The formula of `node`, registering its words in `words`. */
export function compileFormula(node: ExpressionNode, words: WordTable): Formula {
  switch (node.type) {
    case 'term':
      return { kind: 'word', word: words.idOf(node) };
    case 'and':
      return { kind: 'all', parts: node.children.map((child) => compileFormula(child, words)) };
    case 'or':
      return { kind: 'any', parts: node.children.map((child) => compileFormula(child, words)) };
    case 'except':
      return {
        kind: 'except',
        include: compileFormula(node.include, words),
        exclude: compileFormula(node.exclude, words),
      };
    case 'near':
      return {
        kind: 'near',
        left: words.idOf(node.left),
        right: words.idOf(node.right),
        distance: node.distance,
      };
  }
}

/** Every word id a formula mentions, excluded ones included. */
export function wordsOf(formula: Formula, into: Set<number> = new Set()): Set<number> {
  switch (formula.kind) {
    case 'word':
      into.add(formula.word);
      break;
    case 'all':
    case 'any':
      for (const part of formula.parts) wordsOf(part, into);
      break;
    case 'except':
      wordsOf(formula.include, into);
      wordsOf(formula.exclude, into);
      break;
    case 'near':
      into.add(formula.left).add(formula.right);
      break;
  }
  return into;
}
