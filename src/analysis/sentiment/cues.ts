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
import { CUE_KINDS, flatten, longestFlat, type FlatTrie } from './flat-trie.js';

/** A node of the cue trie, keyed by UTF-16 code unit. */
export interface CueTrie {
  kind: CueKind | null;
  children: Map<number, CueTrie>;
  /**
   * On the root only: the class of each UTF-16 code unit, so that the scan reads one byte per
   * character: 0 plain, CUE_START (starts a cue word), CLAUSE_BREAK, SENTENCE_END (a clause break too).
   */
  starts?: Uint8Array;
  /** On the root only: the same trie as flat arrays, for the scan's hot loop (see FlatTrie). */
  flat?: FlatTrie;
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

const CUE_START = 1;
const CLAUSE_BREAK = 2;
const SENTENCE_END = 3;

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
  const starts = new Uint8Array(0x10000);
  for (const [kind, list] of lists) {
    for (const word of list) {
      insert(root, word, kind);
      starts[word.charCodeAt(0)] = CUE_START;
    }
  }
  for (let code = 0; code < 0x10000; code++) {
    if (isSentenceEnd(code)) starts[code] = SENTENCE_END;
    else if (isClauseBreak(code)) starts[code] = CLAUSE_BREAK;
  }
  root.starts = starts;
  root.flat = flatten(root);
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

/** Where longestCue leaves the kind of the cue it found. */
let foundKind: CueKind = 'neutral';

/** The length of the longest cue word starting at `start` (its kind in foundKind), or 0. */
function longestCue(trie: CueTrie, text: string, start: number): number {
  if (trie.flat !== undefined) {
    const found = longestFlat(trie.flat, text, start);
    foundKind = CUE_KINDS[found & 7] ?? 'neutral';
    return found >> 3;
  }
  let node: CueTrie | undefined = trie;
  let best = 0;
  for (let i = start; i < text.length; i++) {
    node = node.children.get(text.charCodeAt(i));
    if (node === undefined) break;
    if (node.kind !== null) {
      foundKind = node.kind;
      best = i - start + 1;
    }
  }
  return best;
}

/** The class of `code` (see CueTrie.starts) for a trie built without the table. */
function classOf(trie: CueTrie, code: number): number {
  if (isSentenceEnd(code)) return SENTENCE_END;
  if (isClauseBreak(code)) return CLAUSE_BREAK;
  return trie.children.has(code) ? CUE_START : 0;
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
  const classes = trie.starts;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const kindOfCode = classes === undefined ? classOf(trie, code) : (classes[code] ?? 0);
    if (kindOfCode === 0) {
      i++;
      continue;
    }
    if (kindOfCode !== CUE_START) {
      negatedUntil = -1;
      strengthenedUntil = -1;
      if (kindOfCode === SENTENCE_END) clauseFactor = 1;
      i++;
      continue;
    }
    const length = longestCue(trie, text, i);
    if (length === 0) {
      i++;
      continue;
    }
    const kind = foundKind;
    const end = i + length;
    switch (kind) {
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
        let positive = kind === 'positive';
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
