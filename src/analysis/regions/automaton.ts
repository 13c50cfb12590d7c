/**
 * An Aho–Corasick automaton over UTF-16 code units: all place names are found in one pass over a text,
 * however many names there are.
 */

/** The compiled automaton; build it once with {@link buildAutomaton}. */
export interface Automaton {
  /** Goto transitions of each state, by code unit. */
  readonly next: readonly Map<number, number>[];
  /** Failure link of each state. */
  readonly fail: Int32Array;
  /** Patterns that end in each state, including those reached through failure links. */
  readonly outputs: readonly (readonly number[])[];
  /** Length of each pattern in code units. */
  readonly lengths: Int32Array;
  /** 1 for each code unit that starts some pattern: the scan skips the others quickly from the root. */
  readonly starts: Uint8Array;
}

const NO_OUTPUT: readonly number[] = [];

/** Builds the automaton of `patterns`; a match reports the pattern's index in this list. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  const next: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  patterns.forEach((pattern, index) => {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      const transitions = next[state] ?? new Map<number, number>();
      let target = transitions.get(unit);
      if (target === undefined) {
        target = next.length;
        next.push(new Map());
        own.push([]);
        transitions.set(unit, target);
      }
      state = target;
    }
    own[state]?.push(index);
  });
  const fail = new Int32Array(next.length);
  const outputs: (readonly number[])[] = new Array<readonly number[]>(next.length).fill(NO_OUTPUT);
  const queue: number[] = [];
  for (const child of next[0]?.values() ?? []) {
    queue.push(child);
    outputs[child] = own[child] ?? NO_OUTPUT;
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] ?? 0;
    for (const [unit, child] of next[state] ?? []) {
      fail[child] = step(next, fail, fail[state] ?? 0, unit);
      const inherited = outputs[fail[child] ?? 0] ?? NO_OUTPUT;
      const mine = own[child] ?? NO_OUTPUT;
      outputs[child] = inherited.length === 0 ? mine : [...mine, ...inherited];
      queue.push(child);
    }
  }
  const starts = new Uint8Array(0x10000);
  for (const unit of next[0]?.keys() ?? []) starts[unit] = 1;
  return { next, fail, outputs, lengths: Int32Array.from(patterns, (p) => p.length), starts };
}

function step(next: readonly Map<number, number>[], fail: Int32Array, from: number, unit: number): number {
  let state = from;
  for (;;) {
    const target = next[state]?.get(unit);
    if (target !== undefined) return target;
    if (state === 0) return 0;
    state = fail[state] ?? 0;
  }
}

/**
 * Scans `text` and appends every match to `out` as two numbers: the pattern index and the start offset.
 * Overlapping and nested matches are all reported.
 */
export function scanAutomaton(automaton: Automaton, text: string, out: number[]): void {
  const { next, fail, outputs, lengths, starts } = automaton;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (state === 0 && starts[unit] === 0) continue;
    state = step(next, fail, state, unit);
    if (state === 0) continue;
    const found = outputs[state] ?? NO_OUTPUT;
    for (let k = 0; k < found.length; k++) {
      const pattern = found[k] ?? 0;
      out.push(pattern, i + 1 - (lengths[pattern] ?? 0));
    }
  }
}
