/**
 * An Aho–Corasick automaton over UTF-16 code units: all place names are found in one pass over a text,
 * however many names there are. The transitions are built in maps and then packed into flat arrays: a
 * small hash table for the root (where the scan spends most of its time; small, so that it stays in the
 * processor's cache between items) and, for every other state, its few edges side by side, sorted by
 * code unit.
 */

/** The compiled automaton; build it once with {@link buildAutomaton}. */
export interface Automaton {
  /**
   * The root's transitions as an open-addressing table of code units and target states (a target of 0
   * marks an empty slot); a unit found nowhere keeps the scan at the root.
   */
  readonly rootUnits: Uint16Array;
  readonly rootTargets: Int32Array;
  /** 32 − log2 of the table size: a unit's first slot is its multiplicative hash shifted by this. */
  readonly rootShift: number;
  /** The edges of state s are edgeUnit/edgeTarget[edgeStart[s] .. edgeStart[s + 1]). */
  readonly edgeStart: Int32Array;
  readonly edgeUnit: Uint16Array;
  readonly edgeTarget: Int32Array;
  /** Failure link of each state. */
  readonly fail: Int32Array;
  /** Patterns that end in each state, including those reached through failure links. */
  readonly outputs: readonly (readonly number[])[];
  /**
   * The same outputs flattened for the hot scans: those of state s are
   * outputPatterns[outputStart[s] .. outputStart[s + 1]), so a state without any costs two adjacent
   * reads of one typed array instead of a load of its (shared, empty) list.
   */
  readonly outputStart: Int32Array;
  readonly outputPatterns: Int32Array;
  /** Length of each pattern in code units. */
  readonly lengths: Int32Array;
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
  return {
    ...pack(next),
    fail,
    outputs,
    ...flatten(outputs),
    lengths: Int32Array.from(patterns, (p) => p.length),
  };
}

/** The outputs of every state in one typed array (see Automaton.outputStart). */
function flatten(outputs: readonly (readonly number[])[]): Pick<Automaton, 'outputStart' | 'outputPatterns'> {
  const outputStart = new Int32Array(outputs.length + 1);
  let total = 0;
  outputs.forEach((found, state) => {
    outputStart[state] = total;
    total += found.length;
  });
  outputStart[outputs.length] = total;
  const outputPatterns = new Int32Array(total);
  outputs.forEach((found, state) => outputPatterns.set(found, outputStart[state] ?? 0));
  return { outputStart, outputPatterns };
}

type Packed = Pick<
  Automaton,
  'rootUnits' | 'rootTargets' | 'rootShift' | 'edgeStart' | 'edgeUnit' | 'edgeTarget'
>;

const HASH_MULTIPLIER = 0x9e3779b1;

/** The root table of `transitions`, at most half full. */
function rootTable(
  transitions: ReadonlyMap<number, number>,
): Pick<Automaton, 'rootUnits' | 'rootTargets' | 'rootShift'> {
  let bits = 4;
  while (1 << bits < 2 * transitions.size) bits++;
  const rootUnits = new Uint16Array(1 << bits);
  const rootTargets = new Int32Array(1 << bits);
  const rootShift = 32 - bits;
  const mask = (1 << bits) - 1;
  for (const [unit, target] of transitions) {
    let slot = Math.imul(unit, HASH_MULTIPLIER) >>> rootShift;
    while ((rootTargets[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    rootUnits[slot] = unit;
    rootTargets[slot] = target;
  }
  return { rootUnits, rootTargets, rootShift };
}

/** The root's transition for `unit`, or 0 (stay at the root). */
function rootStep(automaton: Packed, unit: number): number {
  const { rootUnits, rootTargets, rootShift } = automaton;
  const mask = rootTargets.length - 1;
  let slot = Math.imul(unit, HASH_MULTIPLIER) >>> rootShift;
  for (;;) {
    const target = rootTargets[slot] ?? 0;
    if (target === 0 || rootUnits[slot] === unit) return target;
    slot = (slot + 1) & mask;
  }
}

function pack(next: readonly Map<number, number>[]): Packed {
  const root = rootTable(next[0] ?? new Map<number, number>());
  const edgeStart = new Int32Array(next.length + 1);
  let edges = 0;
  next.forEach((transitions, state) => {
    edgeStart[state] = edges;
    if (state > 0) edges += transitions.size;
  });
  edgeStart[next.length] = edges;
  const edgeUnit = new Uint16Array(edges);
  const edgeTarget = new Int32Array(edges);
  next.forEach((transitions, state) => {
    if (state === 0) return;
    let at = edgeStart[state] ?? 0;
    for (const [unit, target] of [...transitions].sort((a, b) => a[0] - b[0])) {
      edgeUnit[at] = unit;
      edgeTarget[at] = target;
      at++;
    }
  });
  return { ...root, edgeStart, edgeUnit, edgeTarget };
}

/** The goto transition of a state other than the root for `unit`, or -1. */
function edge(automaton: Packed, state: number, unit: number): number {
  const { edgeStart, edgeUnit, edgeTarget } = automaton;
  const end = edgeStart[state + 1] ?? 0;
  for (let at = edgeStart[state] ?? 0; at < end; at++) {
    const found = edgeUnit[at] ?? 0;
    if (found === unit) return edgeTarget[at] ?? 0;
    if (found > unit) break;
  }
  return -1;
}

/** The state after `state` reads the code unit `unit` (0 is the root, where every scan starts). */
export function nextState(automaton: Automaton, state: number, unit: number): number {
  return state === 0 ? rootStep(automaton, unit) : advance(automaton, automaton.fail, state, unit);
}

/** The state after `from` reads `unit`, following failure links. */
function advance(automaton: Packed, fail: Int32Array, from: number, unit: number): number {
  let state = from;
  while (state !== 0) {
    const target = edge(automaton, state, unit);
    if (target >= 0) return target;
    state = fail[state] ?? 0;
  }
  return rootStep(automaton, unit);
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
  const { fail, outputStart, outputPatterns, lengths } = automaton;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    state = state === 0 ? rootStep(automaton, unit) : advance(automaton, fail, state, unit);
    if (state === 0) continue;
    const end = outputStart[state + 1] ?? 0;
    for (let k = outputStart[state] ?? 0; k < end; k++) {
      const pattern = outputPatterns[k] ?? 0;
      out.push(pattern, i + 1 - (lengths[pattern] ?? 0));
    }
  }
}
