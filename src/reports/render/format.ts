/**
 * How figures and dates print in every format, so a number reads the same in the DOCX, the PDF and the web
 * page: counts with thousands separators, percents with one decimal and "%", unknown values as "—".
 */
import type { ReportDocument, ReportFigure } from '../../domain/index.js';

/** Printed for a value that cannot be computed. */
export const MISSING_VALUE = '—';

/** A figure as printed: `12,345`, `37.5%`, `1,234.57`, or "—" for null. Percent values are ratios (0.375). */
export function formatFigure(figure: Pick<ReportFigure, 'value' | 'format'>): string {
  const { value, format } = figure;
  if (value === null || !Number.isFinite(value)) return MISSING_VALUE;
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (format === 'count') return Math.round(value).toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A table cell as printed: numbers grouped, null as "—". */
export function formatCell(cell: string | number | null): string {
  if (cell === null) return MISSING_VALUE;
  if (typeof cell === 'number') return formatFigure({ value: cell, format: 'number' });
  return cell;
}

function parts(time: number, timeZone: string): Record<string, string> {
  const formatter = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return Object.fromEntries(formatter.formatToParts(time).map((part) => [part.type, part.value]));
}

/** `2026-11-24` in the given zone. */
export function isoDate(time: number, timeZone: string): string {
  const { year = '', month = '', day = '' } = parts(time, timeZone);
  return `${year}-${month}-${day}`;
}

/** `2026年11月24日` in the given zone. */
export function chineseDate(time: number, timeZone: string): string {
  const { year = '', month = '', day = '' } = parts(time, timeZone);
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** The issue line: the document's label, or "（草稿）" on a draft. */
export function issueLine(document: ReportDocument): string {
  return document.issueLabel ?? '（草稿）';
}

/** The masthead's unit-and-date line: unit, two ideographic spaces, date. */
export function unitDateLine(document: ReportDocument): string {
  return `${document.unitName}\u3000\u3000${chineseDate(document.generatedAt, document.period.timeZone)}`;
}

/** A numbered caption, "表1" or "图2", an ideographic space, then the text. */
export function numberedCaption(kind: '表' | '图', n: number, text: string): string {
  return `${kind}${n}\u3000${text}`;
}

/** Chinese ordinals for section headings: 一、二、…、二十. */
export function chineseOrdinal(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (digits[tens] ?? '')}十${digits[ones] ?? ''}`;
}

/** A section heading as printed: "一、总体态势". */
export function sectionHeading(index: number, title: string): string {
  return `${chineseOrdinal(index + 1)}、${title}`;
}

/** The text printed for a placeholder: the written text, or the marked prompt. */
export function placeholderText(block: { prompt: string; text: string | null }): {
  text: string;
  pending: boolean;
} {
  return block.text !== null && block.text.trim() !== ''
    ? { text: block.text, pending: false }
    : { text: `【待撰写：${block.prompt}】`, pending: true };
}
