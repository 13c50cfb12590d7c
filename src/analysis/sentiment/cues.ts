/**
 * The rule pass over Chinese text: one left-to-right scan with a trie of the cue words of lexicon.ts,
 * applying negation (不/没/别/未 … within the clause), degree words (非常, 太), concessive clauses
 * (虽然 …) and adversatives (但是, 不过: what came before weighs less). Its sums become model features
 * and its hits become the explanation signals.
 */
import {
  ADVERSATIVES,
  CONCESSIVES,
  DEGREE_FACTOR,
  DEGREE_WORDS,
  DISCOUNTED_CLAUSE_FACTOR,
  NEGATION_FACTOR,
  NEGATIVE_WORDS,
  NEGATORS,
  NEUTRAL_SHADOWS,
  POSITIVE_WORDS,
  type CueKind,
} from './lexicon.js';

/** A node of the cue trie, keyed by UTF-16 code unit. */
export interface CueTrie {
  kind: CueKind | null;
  children: Map<number, CueTrie>;
}

/** What the rule pass found in one text. */
export interface CueScan {
  /** Lexicon score toward positive after negation, degree and clause weighting. */
  positive: number;
  /** Lexicon score toward negative after negation, degree and clause weighting. */
  negative: number;
  /** Evaluative words turned by a negator. */
  negations: number;
  /** Evaluative words strengthened by a degree word. */
  degrees: number;
  /** Position of the last adversative, or -1. */
  adversativeAt: number;
  /** Whether a concessive (虽然 …) opened a clause. */
  concessive: boolean;
  /** Negation scopes as flat [start, end) pairs: where n-grams are also emitted as negated. */
  negationScopes: number[];
}

/** Characters after a negator (or degree word) within which it still applies. */
const SCOPE_WINDOW = 4;

/** Builds the trie of every cue word; later lists never overwrite a kind set by an earlier one. */
export function buildCueTrie(): CueTrie {
  const root: CueTrie = { kind: null, children: new Map() };
  const lists: [CueKind, readonly string[]][] = [
    ['neutral', NEUTRAL_SHADOWS],
    ['adversative', ADVERSATIVES],
    ['concessive', CONCESSIVES],
    ['negative', NEGATIVE_WORDS],
    ['positive', POSITIVE_WORDS],
    ['negator', NEGATORS],
    ['degree', DEGREE_WORDS],
  ];
  for (const [kind, list] of lists) {
    for (const word of list) insert(root, word, kind);
  }
  return root;
}

function insert(root: CueTrie, word: string, kind: CueKind): void {
  let node = root;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let child = node.children.get(code);
    if (child === undefined) {
      child = { kind: null, children: new Map() };
      node.children.set(code, child);
    }
    node = child;
  }
  if (node.kind === null) node.kind = kind;
}

/** True for characters that end a clause (punctuation, spaces, line breaks). */
export function isClauseBreak(code: number): boolean {
  switch (code) {
    case 0x2c: // ,
    case 0x2e: // .
    case 0x21: // !
    case 0x3f: // ?
    case 0x3b: // ;
    case 0x3a: // :
    case 0x20: // space
    case 0x0a: // newline
    case 0x7e: // ~
    case 0x3001: // 、
    case 0x3002: // 。
    case 0x2026: // …
    case 0xff0c: // ，
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0xff1b: // ；
      return true;
    default:
      return false;
  }
}

function isSentenceEnd(code: number): boolean {
  return (
    code === 0x3002 || code === 0x21 || code === 0x3f || code === 0x0a || code === 0xff01 || code === 0xff1f
  );
}

/** The longest cue word starting at `start`, or null. */
function longestCue(trie: CueTrie, text: string, start: number): { kind: CueKind; length: number } | null {
  let node: CueTrie | undefined = trie;
  let best: { kind: CueKind; length: number } | null = null;
  for (let i = start; i < text.length; i++) {
    node = node.children.get(text.charCodeAt(i));
    if (node === undefined) break;
    if (node.kind !== null) best = { kind: node.kind, length: i - start + 1 };
  }
  return best;
}

/** Runs the rule pass over normalised text. */
export function scanCues(text: string, trie: CueTrie): CueScan {
  const scan: CueScan = {
    positive: 0,
    negative: 0,
    negations: 0,
    degrees: 0,
    adversativeAt: -1,
    concessive: false,
    negationScopes: [],
  };
  let negatedUntil = -1;
  let strengthenedUntil = -1;
  let clauseFactor = 1;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isClauseBreak(code)) {
      negatedUntil = -1;
      strengthenedUntil = -1;
      if (isSentenceEnd(code)) clauseFactor = 1;
      i++;
      continue;
    }
    const cue = trie.children.has(code) ? longestCue(trie, text, i) : null;
    if (cue === null) {
      i++;
      continue;
    }
    const end = i + cue.length;
    switch (cue.kind) {
      case 'negator':
        negatedUntil = negatedUntil >= i ? -1 : clauseEnd(text, end, end + SCOPE_WINDOW);
        if (negatedUntil > end) scan.negationScopes.push(end, negatedUntil);
        break;
      case 'degree':
        strengthenedUntil = clauseEnd(text, end, end + SCOPE_WINDOW);
        break;
      case 'positive':
      case 'negative': {
        let weight = clauseFactor;
        if (i < strengthenedUntil) {
          weight *= DEGREE_FACTOR;
          scan.degrees++;
        }
        let positive = cue.kind === 'positive';
        if (i < negatedUntil) {
          positive = !positive;
          weight *= NEGATION_FACTOR;
          scan.negations++;
          negatedUntil = -1;
        }
        if (positive) scan.positive += weight;
        else scan.negative += weight;
        break;
      }
      case 'adversative':
        scan.positive *= DISCOUNTED_CLAUSE_FACTOR;
        scan.negative *= DISCOUNTED_CLAUSE_FACTOR;
        scan.adversativeAt = i;
        clauseFactor = 1;
        break;
      case 'concessive':
        clauseFactor = DISCOUNTED_CLAUSE_FACTOR;
        scan.concessive = true;
        break;
      case 'neutral':
        break;
    }
    i = end;
  }
  return scan;
}

/** The end of a scope starting at `from`: `limit`, or the clause break before it. */
function clauseEnd(text: string, from: number, limit: number): number {
  const stop = Math.min(limit, text.length);
  for (let i = from; i < stop; i++) {
    if (isClauseBreak(text.charCodeAt(i))) return i;
  }
  return stop;
}
