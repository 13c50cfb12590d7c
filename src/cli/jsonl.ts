/**
 * The stdin JSONL → stdout JSONL loop of `fengxiang analyze`, `match` and `dedup` (DESIGN.md §6): one object
 * per line in, one per line out, in order. A line that is not a JSON object, or that the command refuses,
 * answers `{"line": N, "error": "…"}` (with the line's `id` when it has one) and the run goes on.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { isAppError } from '../platform/errors.js';

/** What one input object becomes. */
export type LineHandler = (value: Record<string, unknown>, line: number) => unknown;

/** Counts of a run, for the exit status. */
export interface JsonlRun {
  lines: number;
  errors: number;
}

/** Runs `handle` over every line of `input`, writing one JSON line per input line to `output`. */
export async function transformJsonl(
  input: Readable,
  output: Writable,
  handle: LineHandler,
): Promise<JsonlRun> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const run: JsonlRun = { lines: 0, errors: 0 };
  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (text.trim() === '') continue;
    run.lines += 1;
    const answer = answerLine(text, number, handle);
    if ('error' in answer && 'line' in answer) run.errors += 1;
    if (!output.write(`${JSON.stringify(answer)}\n`))
      await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  }
  return run;
}

function answerLine(text: string, line: number, handle: LineHandler): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, error: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, error: 'expected a JSON object' };
  }
  const record = value as Record<string, unknown>;
  try {
    return handle(record, line) as Record<string, unknown>;
  } catch (error) {
    const message = isAppError(error) || error instanceof Error ? error.message : String(error);
    return { ...(record['id'] !== undefined && { id: record['id'] }), line, error: message };
  }
}

/** A required string field of an input line; a clear error naming the field otherwise. */
export function stringField(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  if (typeof value !== 'string') throw new Error(`"${field}" must be a string`);
  return value;
}

/** An optional string field. */
export function optionalString(record: Record<string, unknown>, field: string): string | null {
  const value = record[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Error(`"${field}" must be a string when given`);
  return value;
}
