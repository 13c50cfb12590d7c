/**
 * An Aho–Corasick automaton over UTF-16 code units: every occurrence of every word in one pass over the
 * text, overlapping ones included (the same occurrences `indexOf` would find word by word). The root has a
 * dense transition table; other states keep a small map, since the words are few compared with the alphabet.
 */

/** Called for each occurrence: the word's index in the list given to build, and the end offset (exclusive). */
export type OccurrenceSink = (word: number, end: number) => void;

const NO_OUTPUT: readonly number[] = [];

/** A built automaton; build once per scheme set and share it. */
export class WordAutomaton {
  private constructor(
    private readonly root: Int32Array,
    private readonly next: ReadonlyArray<ReadonlyMap<number, number> | undefined>,
    private readonly fail: Int32Array,
    private readonly outputs: ReadonlyArray<readonly number[]>,
  ) {}

  /** The automaton of `words` (empty words are ignored; word ids are indexes into `words`). */
  static build(words: readonly string[]): WordAutomaton {
    const next: (Map<number, number> | undefined)[] = [undefined];
    const own: number[][] = [[]];
    words.forEach((word, id) => {
      if (word === '') return;
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const unit = word.charCodeAt(i);
        const edges = next[state] ?? new Map<number, number>();
        next[state] = edges;
        let target = edges.get(unit);
        if (target === undefined) {
          target = next.length;
          edges.set(unit, target);
          next.push(undefined);
          own.push([]);
        }
        state = target;
      }
      own[state]?.push(id);
    });
    return WordAutomaton.link(next, own);
  }

  /** Failure links (breadth first) and the outputs of each state merged with those of its failure state. */
  private static link(next: (Map<number, number> | undefined)[], own: number[][]): WordAutomaton {
    const root = new Int32Array(0x10000);
    const fail = new Int32Array(next.length);
    const outputs: (readonly number[])[] = own.map((ids) => (ids.length === 0 ? NO_OUTPUT : ids));
    const queue: number[] = [];
    for (const [unit, child] of next[0] ?? []) {
      root[unit] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      for (const [unit, child] of next[state] ?? []) {
        let fallback = fail[state] ?? 0;
        while (fallback !== 0 && !next[fallback]?.has(unit)) fallback = fail[fallback] ?? 0;
        const target = fallback === 0 ? (root[unit] ?? 0) : (next[fallback]?.get(unit) ?? 0);
        fail[child] = target;
        const inherited = outputs[target] ?? NO_OUTPUT;
        if (inherited.length > 0) outputs[child] = [...(outputs[child] ?? NO_OUTPUT), ...inherited];
        queue.push(child);
      }
    }
    next[0] = undefined;
    return new WordAutomaton(root, next, fail, outputs);
  }

  /** Reports every occurrence of every word in `text`, in order of their end offsets. */
  scan(text: string, sink: OccurrenceSink): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      while (state !== 0) {
        const target = this.next[state]?.get(unit);
        if (target !== undefined) {
          state = target;
          break;
        }
        state = this.fail[state] ?? 0;
      }
      if (state === 0) state = this.root[unit] ?? 0;
      const found = this.outputs[state] ?? NO_OUTPUT;
      for (let k = 0; k < found.length; k++) sink(found[k] ?? 0, i + 1);
    }
  }
}
