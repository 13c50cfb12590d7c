/**
 * The cue trie as flat arrays (an open-addressing table from node and code unit to child node), so the
 * rule pass's hot loop does a multiply and a few array reads per character instead of a Map lookup.
 */
import type { CueTrie } from './cues.js';
import type { CueKind } from './lexicon.js';

/**
 * The trie as an open-addressing table from (node, code unit) to child node, with each node's kind:
 * a lookup is a multiply and a few array reads instead of a Map lookup. Node 0 is the root.
 */
export interface FlatTrie {
  /** `node * 0x10000 + code` of each used slot; -1: empty. */
  keys: Int32Array;
  /** The child node of each used slot. */
  children: Int32Array;
  /** Each node's kind as an index into CUE_KINDS; -1: none. */
  kinds: Int8Array;
  /** log2 of the slot count. */
  bits: number;
}

/** The kinds in the order FlatTrie.kinds indexes them. */
export const CUE_KINDS: readonly CueKind[] = [
  'positive',
  'negative',
  'negator',
  'degree',
  'adversative',
  'concessive',
  'neutral',
];

function slotOf(key: number, bits: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - bits);
}

/** The flat table of the trie under `root` (built once, with the trie). */
export function flatten(root: CueTrie): FlatTrie {
  const nodes: CueTrie[] = [root];
  for (let i = 0; i < nodes.length; i++)
    for (const child of nodes[i]?.children.values() ?? []) nodes.push(child);
  let bits = 4;
  while (1 << bits < nodes.length * 4) bits++;
  const keys = new Int32Array(1 << bits).fill(-1);
  const children = new Int32Array(1 << bits);
  const kinds = new Int8Array(nodes.length).fill(-1);
  const ids = new Map(nodes.map((node, id) => [node, id]));
  nodes.forEach((node, id) => {
    if (node.kind !== null) kinds[id] = CUE_KINDS.indexOf(node.kind);
    for (const [code, child] of node.children) {
      const key = id * 0x10000 + code;
      let slot = slotOf(key, bits);
      while (keys[slot] !== -1) slot = (slot + 1) & ((1 << bits) - 1);
      keys[slot] = key;
      children[slot] = ids.get(child) ?? 0;
    }
  });
  return { keys, children, kinds, bits };
}

/**
 * The longest cue word starting at `start` in `flat`: its length times 8 plus its kind's index in
 * CUE_KINDS, or 0 when none starts there.
 */
export function longestFlat(flat: FlatTrie, text: string, start: number): number {
  const { keys, children, kinds, bits } = flat;
  const wrap = (1 << bits) - 1;
  let node = 0;
  let best = 0;
  let bestKind = 0;
  for (let i = start; i < text.length; i++) {
    const key = node * 0x10000 + text.charCodeAt(i);
    let slot = slotOf(key, bits);
    while (keys[slot] !== key && keys[slot] !== -1) slot = (slot + 1) & wrap;
    if (keys[slot] === -1) break;
    node = children[slot] ?? 0;
    const kind = kinds[node] ?? -1;
    if (kind >= 0) {
      bestKind = kind;
      best = i - start + 1;
    }
  }
  return best * 8 + bestKind;
}
