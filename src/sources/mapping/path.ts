/**
 * A small JSONPath-like getter for mapping fields of JSON answers and imported records: `$.data.list[0].title`,
 * plain dotted paths (`data.list`), `[n]` indexes, `[*]` (or `.*`) for every element of an array, and
 * `['key with.dots']` for keys a dot would split. A leading `$` is optional.
 */
import { AppError } from '../../platform/errors.js';

/** One step of a parsed path: a key, an index, or every element. */
export type PathStep = { key: string } | { index: number } | { every: true };

const BRACKET = /^\[(?:(\d+)|\*|'([^']*)'|"([^"]*)")\]/u;
const KEY = /^[^.[\]]+/u;

/** Parses `path` into steps; throws SOURCE_CONFIG_INVALID naming the path and the position of a bad step. */
export function parsePath(path: string): PathStep[] {
  let rest = path.trim().replace(/^\$/u, '');
  const steps: PathStep[] = [];
  while (rest.length > 0) {
    if (rest.startsWith('.')) rest = rest.slice(1);
    const bracket = BRACKET.exec(rest);
    if (bracket) {
      steps.push(bracketStep(bracket));
      rest = rest.slice(bracket[0].length);
      continue;
    }
    const key = KEY.exec(rest);
    if (!key) {
      throw new AppError('SOURCE_CONFIG_INVALID', `bad path "${path}" at "${rest}"`, { path });
    }
    steps.push(key[0] === '*' ? { every: true } : { key: key[0] });
    rest = rest.slice(key[0].length);
  }
  return steps;
}

function bracketStep(match: RegExpExecArray): PathStep {
  if (match[1] !== undefined) return { index: Number(match[1]) };
  const quoted = match[2] ?? match[3];
  return quoted === undefined ? { every: true } : { key: quoted };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function step(values: unknown[], next: PathStep): unknown[] {
  const out: unknown[] = [];
  for (const value of values) {
    if ('key' in next) {
      if (isRecord(value) && Object.hasOwn(value, next.key)) out.push(value[next.key]);
    } else if ('index' in next) {
      if (Array.isArray(value) && next.index < value.length) out.push(value[next.index]);
    } else if (Array.isArray(value)) {
      out.push(...(value as unknown[]));
    } else if (isRecord(value)) {
      out.push(...Object.values(value));
    }
  }
  return out;
}

/** Every value `steps` reaches in `root` (several with `[*]`, none when a step is missing). */
export function selectAll(root: unknown, steps: readonly PathStep[]): unknown[] {
  return steps.reduce<unknown[]>((values, next) => step(values, next), [root]);
}

/** The first value `steps` reaches in `root`, or undefined. */
export function selectFirst(root: unknown, steps: readonly PathStep[]): unknown {
  return selectAll(root, steps)[0];
}

/** A compiled path: parse once, read many records. */
export interface FieldGetter {
  readonly path: string;
  all(root: unknown): unknown[];
  first(root: unknown): unknown;
}

/** Compiles `path` (throws SOURCE_CONFIG_INVALID when malformed). */
export function compilePath(path: string): FieldGetter {
  const steps = parsePath(path);
  return {
    path,
    all: (root) => selectAll(root, steps),
    first: (root) => selectFirst(root, steps),
  };
}

/** Reads `path` from `root` once (compiles every call; use {@link compilePath} in loops). */
export function getPath(root: unknown, path: string): unknown {
  return selectFirst(root, parsePath(path));
}

/** True when `path` parses. */
export function isValidPath(path: string): boolean {
  try {
    parsePath(path);
    return true;
  } catch {
    return false;
  }
}
