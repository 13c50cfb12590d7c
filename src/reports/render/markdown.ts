/**
 * The Markdown rendering (GitHub-flavoured): headings, paragraphs, lists, GFM tables, and each chart as a
 * small table of its data (Markdown has no charts; the numbers are what a reader needs).
 */
import type { ChartBlock, ReportBlock, ReportDocument, TableBlock } from '../../domain/index.js';
import { NO_DATA_TEXT, chartHasData } from '../charts/index.js';
import {
  formatCell,
  formatFigure,
  issueLine,
  placeholderText,
  sectionHeading,
  unitDateLine,
} from './format.js';

/** Escapes a cell: pipes and backslashes would end or bend the cell, line breaks would end the row. */
function cellText(text: string): string {
  return inline(text).replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
}

/** Escapes inline Markdown and HTML so text prints as written. */
function inline(text: string): string {
  return text
    .replace(/[\\`*_[\]#>~]/g, (char) => `\\${char}`)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;');
}

function gfmTable(header: string[], rows: string[][], align: ('left' | 'right' | undefined)[]): string[] {
  const line = (cells: string[]): string => `| ${cells.map(cellText).join(' | ')} |`;
  const rule = `| ${header.map((_, i) => (align[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)];
}

function table(block: TableBlock): string[] {
  return [
    `**${inline(block.caption)}**`,
    '',
    ...gfmTable(
      block.columns.map((column) => column.title),
      block.rows.map((row) => block.columns.map((_, i) => formatCell(row[i] ?? null))),
      block.columns.map((column) => column.align),
    ),
  ];
}

function chart(block: ChartBlock): string[] {
  if (!chartHasData(block)) return [`*${inline(block.title)}：${NO_DATA_TEXT}。*`];
  const header = ['类别', ...block.series.map((series) => series.name)];
  const rows = block.categories.map((category, i) => [
    category,
    ...block.series.map((series) => formatFigure({ value: series.values[i] ?? null, format: 'number' })),
  ]);
  return [
    `**图：${inline(block.title)}**`,
    '',
    ...gfmTable(
      header,
      rows,
      header.map((_, i) => (i > 0 ? 'right' : undefined)),
    ),
  ];
}

function block(item: ReportBlock): string[] {
  switch (item.kind) {
    case 'paragraph':
      return [item.emphasis === true ? `**${inline(item.text)}**` : inline(item.text)];
    case 'placeholder': {
      const { text, pending } = placeholderText(item);
      return [pending ? `**${inline(text)}**` : inline(text)];
    }
    case 'list':
      return item.items.map((line) => `- ${inline(line)}`);
    case 'notice':
      return [`*${inline(item.text)}*`];
    case 'table':
      return table(item);
    case 'chart':
      return chart(item);
  }
}

/** The report as Markdown text. */
export function renderMarkdown(document: ReportDocument): string {
  const lines = [
    `# ${inline(document.title)}`,
    '',
    `${inline(issueLine(document))}  `,
    `${inline(unitDateLine(document))}  `,
    `报告期：${inline(document.period.label)}`,
  ];
  document.sections.forEach((section, index) => {
    lines.push('', `## ${inline(sectionHeading(index, section.title))}`);
    for (const item of section.blocks) lines.push('', ...block(item));
  });
  return `${lines.join('\n')}\n`;
}
