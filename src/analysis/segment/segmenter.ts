/**
 * Chinese-aware segmentation for the search index (DESIGN.md §4): jieba cuts normalised text into
 * tokens that both SQLite FTS5 and PostgreSQL index as they are, and cuts expression terms the same way,
 * so that an expression becomes a {@link SearchNode} the engines can run.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { ExpressionNode, TermNode } from '../expression/ast.js';
import type { SearchNode, SearchTerm } from '../expression/search-tree.js';
import { expressionSyntaxError } from '../expression/syntax-error.js';
import { normalizeText, normalizeTextNoting } from '../normalize/text.js';
import type { DictionaryWord } from './dictionary.js';
import { appendTokensOfWord, EXTRAS_SEPARATOR, searchSubwords, singleTokenOfWord } from './tokens.js';

/**
 * The dictionary frequency of added words: enough for a word to be cut whole rather than in pieces, low
 * enough not to swallow the common words around it.
 */
const ADDED_WORD_FREQUENCY = 1000;

/**
 * Words whose search sub-words are remembered. Word frequencies are Zipf-like, so a bounded memo answers
 * most long words of a stream without slicing and looking up their pieces again; when full it starts over.
 */
const SUBWORD_MEMO_SIZE = 50_000;

/** Segmentation with the built-in dictionary plus domain and scheme words. Build one and pass it down. */
export class Segmenter {
  /** Words already given to jieba, so that adding the same scheme words again costs one set lookup each. */
  private readonly added = new Set<string>();

  /**
   * Every dictionary word, for the search-mode sub-words of long words (built on first use: about 0.2 s
   * and 50 MB, which only processes that index text pay).
   */
  private dictionaryWords: Set<string> | null = null;

  /**
   * The index-string group of the search sub-words of each recently seen word (see
   * {@link SUBWORD_MEMO_SIZE}): ` SEPARATOR token token…`, or '' when the word adds none.
   */
  private readonly subwordMemo = new Map<string, string>();

  /** Loads the built-in jieba dictionary (about 0.1 s) unless a prepared instance is given. */
  constructor(
    private readonly jieba: Jieba = Jieba.withDict(dict),
    private readonly dictionaryText: Uint8Array = dict,
  ) {}

  /**
   * Adds dictionary words with their own frequencies (the domain dictionary, see domain-dictionary.ts).
   * Words already added are skipped.
   */
  addDictionary(entries: Iterable<DictionaryWord>): void {
    const lines: string[] = [];
    for (const { word, frequency } of entries) {
      const normalized = normalizeText(word);
      if (normalized === '' || /\s/u.test(normalized) || this.added.has(normalized)) continue;
      this.added.add(normalized);
      this.dictionaryWords?.add(normalized);
      lines.push(`${normalized} ${frequency}`);
    }
    if (lines.length > 0) this.subwordMemo.clear();
    if (lines.length > 0) this.jieba.loadDict(Buffer.from(lines.join('\n') + '\n', 'utf8'));
  }

  /**
   * Adds words (scheme words) so they are cut whole. Words added before are skipped, so calling this with
   * every scheme's words after each scheme change is cheap. Text indexed before keeps its old tokens until
   * it is indexed again.
   */
  addWords(words: Iterable<string>): void {
    const entries: DictionaryWord[] = [];
    for (const word of words) entries.push({ word, frequency: ADDED_WORD_FREQUENCY });
    this.addDictionary(entries);
  }

  /** The tokens of `text` in precise mode (normalised, punctuation and whitespace dropped). */
  tokens(text: string): string[] {
    const tokens: string[] = [];
    for (const word of this.jieba.cut(normalizeText(text), false)) appendTokensOfWord(word, tokens);
    return tokens;
  }

  /**
   * What the search index stores for `text`: the precise tokens joined by spaces, then, each group after
   * {@link EXTRAS_SEPARATOR}, the shorter sub-words search mode adds (长江大桥 → 长江, 大桥) so that a short
   * query still finds the longer word.
   */
  tokensForIndex(text: string): string {
    return this.segment(text).index;
  }

  /**
   * One segmentation of `text` for analysis and the index together: the normalised text, its precise
   * tokens (what {@link tokens} returns) and the index string (what {@link tokensForIndex} returns), with
   * one precise cut: the search-mode sub-words come from dictionary look-ups, remembered per word.
   * `plain` is true when `normalized` is also the plain form of the text (see normalizeTextNoting).
   */
  segment(text: string): { normalized: string; tokens: string[]; index: string; plain: boolean } {
    const { normalized, simplified } = normalizeTextNoting(text);
    const words = this.jieba.cut(normalized, false);
    // The tokens overwrite the words array (jieba's fresh array, never shared) in place: nearly every
    // word gives at most one token, so token n is written only after word n is read. At the first word
    // that may give several, the tokens so far move to an array of their own.
    let written = 0;
    let spilled: string[] | null = null;
    let extras = '';
    for (let read = 0; read < words.length; read++) {
      const word = words[read] ?? '';
      if (word.length >= 3) extras += this.subwordGroup(word);
      if (spilled !== null) {
        appendTokensOfWord(word, spilled);
        continue;
      }
      const single = singleTokenOfWord(word);
      if (single === null) {
        spilled = words.slice(0, written);
        appendTokensOfWord(word, spilled);
      } else if (single !== '') {
        words[written++] = single;
      }
    }
    if (spilled === null) words.length = written;
    const tokens = spilled ?? words;
    const joined = tokens.join(' ');
    const index = joined === '' ? extras.slice(1) : joined + extras;
    return { normalized, tokens, index, plain: !simplified };
  }

  /** The index-string group of the search sub-words of one precise word (memoised), or ''. */
  private subwordGroup(word: string): string {
    const known = this.subwordMemo.get(word);
    if (known !== undefined) return known;
    const tokens: string[] = [];
    for (const piece of searchSubwords(word, this.words())) appendTokensOfWord(piece, tokens);
    const group = tokens.length === 0 ? '' : ` ${EXTRAS_SEPARATOR} ${tokens.join(' ')}`;
    if (this.subwordMemo.size >= SUBWORD_MEMO_SIZE) this.subwordMemo.clear();
    this.subwordMemo.set(word, group);
    return group;
  }

  private words(): Set<string> {
    if (this.dictionaryWords === null) {
      const words = new Set<string>(this.added);
      for (const line of new TextDecoder().decode(this.dictionaryText).split('\n')) {
        const end = line.indexOf(' ');
        if (end > 0) words.add(line.slice(0, end));
      }
      this.dictionaryWords = words;
    }
    return this.dictionaryWords;
  }

  /**
   * The expression with every term cut into index tokens. A term that yields no token (only punctuation)
   * is an EXPRESSION_SYNTAX error at the term's position.
   */
  toSearchTree(node: ExpressionNode): SearchNode {
    switch (node.type) {
      case 'term':
        return this.searchTerm(node);
      case 'and':
      case 'or':
        return { type: node.type, children: node.children.map((child) => this.toSearchTree(child)) };
      case 'except':
        return {
          type: 'except',
          include: this.toSearchTree(node.include),
          exclude: this.toSearchTree(node.exclude),
        };
      case 'near':
        return {
          type: 'near',
          left: this.searchTerm(node.left),
          right: this.searchTerm(node.right),
          distance: node.distance,
        };
    }
  }

  private searchTerm(term: TermNode): SearchTerm {
    const tokens = this.tokens(term.text);
    if (tokens.length === 0) {
      throw expressionSyntaxError(`${JSON.stringify(term.text)} has no letters or digits to search for`, {
        position: term.start,
        expected: 'a word with letters or digits',
        found: term.text,
      });
    }
    return { type: 'term', tokens };
  }
}
