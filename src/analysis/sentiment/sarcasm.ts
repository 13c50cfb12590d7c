/**
 * Sarcasm markers in Chinese text: praise in ironic quotation marks (“高效”), 真是…啊 around praise, and
 * 呵呵. They are applied after the model, as the training data hardly contains them.
 */
import type { CueTrie } from './cues.js';

/** The name of a sarcasm marker, as it appears in the signals. */
export type SarcasmMarker = 'sarcasm:quoted-praise' | 'sarcasm:zhenshi' | 'sarcasm:hehe';

/** Short quoted spans: ironic quotes enclose a word or two. */
const QUOTED = /[“"「『‘']([^“”"「」『』‘’']{1,6})[”"」』’']/gu;
/** 真是 + a few characters + 啊/呀 (真是好服务啊, 真是太高效了呀). */
const ZHENSHI = /真是([^，,。.！!？?]{1,8}?)(?:啊|呀|哈)/gu;
/** 呵呵 (but not 呵呵呵哈哈 laughter, which carries praise words or emoticons of its own). */
const HEHE = /呵呵/u;

/** The sarcasm markers found in normalised text; `trie` decides what counts as praise. */
export function findSarcasm(text: string, trie: CueTrie): SarcasmMarker[] {
  const markers: SarcasmMarker[] = [];
  if (hasQuotedPraise(text, trie)) markers.push('sarcasm:quoted-praise');
  if (text.includes('真是') && matchesPraise(ZHENSHI, text, trie)) markers.push('sarcasm:zhenshi');
  if (HEHE.test(text)) markers.push('sarcasm:hehe');
  return markers;
}

function hasQuotedPraise(text: string, trie: CueTrie): boolean {
  if (!/[“"「『‘']/u.test(text)) return false;
  return matchesPraise(QUOTED, text, trie);
}

function matchesPraise(pattern: RegExp, text: string, trie: CueTrie): boolean {
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) {
    const inner = match[1];
    if (inner !== undefined && containsPositive(inner, trie)) return true;
  }
  return false;
}

/** Whether `text` contains a positive cue word (longest match, so 不好 is not praise). */
function containsPositive(text: string, trie: CueTrie): boolean {
  let i = 0;
  while (i < text.length) {
    let node: CueTrie | undefined = trie;
    let kindLength = 0;
    let kind: CueTrie['kind'] = null;
    for (let j = i; j < text.length; j++) {
      node = node.children.get(text.charCodeAt(j));
      if (node === undefined) break;
      if (node.kind !== null) {
        kind = node.kind;
        kindLength = j - i + 1;
      }
    }
    if (kind === 'positive') return true;
    if (kind === 'negator' || kind === 'negative') return false;
    i += Math.max(1, kindLength);
  }
  return false;
}
