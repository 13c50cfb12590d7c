/**
 * JSON containers: JSON Lines (one object a line; blank lines are skipped, a bad line is an error row and
 * reading goes on) and a JSON array file (MediaCrawler's `json` mode), whose `line` is the element's
 * position, 1-based.
 */
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { SourceRecord } from '../types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLine(text: string, line: number): SourceRecord {
  try {
    const value = JSON.parse(text) as unknown;
    if (isRecord(value)) return { line, record: value };
    return {
      line,
      error: `line ${line}: expected a JSON object, found ${Array.isArray(value) ? 'an array' : typeof value}`,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { line, error: `line ${line}: not valid JSON (${reason})` };
  }
}

/** The objects of a JSON Lines text stream. */
export async function* readJsonLines(text: Readable): AsyncGenerator<SourceRecord> {
  const lines = createInterface({ input: text, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const trimmed = raw.trim();
    if (trimmed !== '') yield parseLine(trimmed, line);
  }
}

async function readAll(text: Readable): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of text) parts.push(typeof chunk === 'string' ? chunk : String(chunk));
  return parts.join('');
}

/** The objects of a JSON array text stream (read whole: such files are written whole too). */
export async function* readJsonArray(text: Readable): AsyncGenerator<SourceRecord> {
  let value: unknown;
  try {
    value = JSON.parse(await readAll(text)) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    yield { line: 1, error: `the file is not valid JSON (${reason})` };
    return;
  }
  const elements = Array.isArray(value) ? (value as unknown[]) : [value];
  for (const [index, element] of elements.entries()) {
    const line = index + 1;
    yield isRecord(element)
      ? { line, record: element }
      : { line, error: `item ${line}: expected a JSON object` };
  }
}
