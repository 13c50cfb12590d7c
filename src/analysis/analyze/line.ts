/**
 * The `fengxiang analyze` contract (DESIGN.md §6) as a pure function: one input object `{id, text, title?,
 * publishedText?, fetchedAt?}` to the output object `{id, sentiment: {label, score}, emotion, categories,
 * regions, appeal, keywords, simhash, language, publishedAt?}`. `publishedAt` is ISO 8601 with the offset of
 * the time zone, present when `publishedText` was given and could be read.
 */
import { parsePublishedTime, zoneOffsetAt } from '../time/index.js';
import { analyzeItem, type Analysers } from './analyze.js';

/** One input line of `fengxiang analyze`, already checked for types. */
export interface AnalyzeLine {
  id: unknown;
  text: string;
  title: string | null;
  publishedText: string | null;
  /** When the text was fetched (relative times resolve against it); the run's start when absent. */
  fetchedAt: number | null;
}

/** Analyses one line. */
export function analyzeLine(
  line: AnalyzeLine,
  analysers: Analysers,
  context: { now: number; timeZone: string },
): Record<string, unknown> {
  const result = analyzeItem({ title: line.title, content: line.text }, analysers);
  const output: Record<string, unknown> = {
    id: line.id,
    sentiment: { label: result.sentiment, score: round(result.sentimentScore) },
    emotion: { label: result.emotion, score: round(result.emotionScore) },
    categories: result.categories,
    regions: result.regions,
    appeal: result.appeal,
    appealDepartment: result.appealDepartment,
    keywords: result.keywords,
    simhash: result.simhash,
    language: result.language,
  };
  if (line.publishedText !== null) {
    const at = parsePublishedTime(line.publishedText, {
      now: line.fetchedAt ?? context.now,
      timeZone: context.timeZone,
    });
    output['publishedAt'] = at === null ? null : isoWithOffset(at, context.timeZone);
  }
  return output;
}

/** `2024-05-03T08:30:00+08:00`: the wall time in `timeZone` with its offset. */
export function isoWithOffset(epochMs: number, timeZone: string): string {
  const offsetMs = zoneOffsetAt(epochMs, timeZone);
  const local = new Date(epochMs + offsetMs).toISOString().slice(0, 19);
  const minutes = Math.round(offsetMs / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
