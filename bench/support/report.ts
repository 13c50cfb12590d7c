/**
 * Benchmark results as Markdown: printed to stdout and written into docs/benchmarks.md. Each benchmark owns
 * one section between `<!-- bench:NAME -->` markers, so `--only NAME` refreshes its own figures and leaves
 * the others as they were.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** A table of already formatted cells. */
export interface Table {
  caption?: string;
  headers: string[];
  rows: string[][];
}

/** What one benchmark reports. */
export interface BenchSection {
  name: string;
  title: string;
  /** Lines saying what was measured: machine, date, sizes, the command. */
  context: string[];
  tables: Table[];
  notes: string[];
}

/** A Markdown table. */
export function renderTable(table: Table): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const head = [line(table.headers), line(table.headers.map(() => '---'))];
  const body = table.rows.map(line);
  return [...(table.caption ? [`**${table.caption}**`, ''] : []), ...head, ...body].join('\n');
}

/** A whole section with its markers. */
export function renderSection(section: BenchSection): string {
  const parts = [`## ${section.title}`, section.context.map((c) => `- ${c}`).join('\n')];
  for (const table of section.tables) parts.push(renderTable(table));
  if (section.notes.length > 0) parts.push(section.notes.join('\n\n'));
  return `<!-- bench:${section.name} -->\n${parts.join('\n\n')}\n<!-- /bench:${section.name} -->`;
}

/**
 * Replaces (or appends) the sections in the document at `path`; the text outside the markers, written by
 * people, is kept. A missing document starts from `preamble`.
 */
export function writeSections(path: string, sections: BenchSection[], preamble: string): void {
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : `${preamble.trim()}\n`;
  for (const section of sections) {
    const rendered = renderSection(section);
    const pattern = new RegExp(`<!-- bench:${section.name} -->[\\s\\S]*?<!-- /bench:${section.name} -->`);
    doc = pattern.test(doc) ? doc.replace(pattern, () => rendered) : `${doc.trimEnd()}\n\n${rendered}\n`;
  }
  writeFileSync(path, doc);
}

/** An integer with thousands separators. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en');
}

/** Milliseconds with sensible precision. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1);
}

/** A ratio such as `0.42×`. */
export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)}×`;
}
