/**
 * The rows of an item export: the columns (Chinese headers, as offices read them), one item as cell
 * texts, and CSV lines. Collected text is untrusted: a CSV cell that a spreadsheet would read as a formula
 * (`=`, `+`, `-`, `@`, tab, carriage return first) is prefixed with an apostrophe so it stays text.
 */
import type { Item } from '../../domain/index.js';

/** One column: its header and how an item fills it. */
interface Column {
  header: string;
  value(item: Item, formatTime: (ms: number) => string): string | number;
}

function regionText(item: Item): string {
  return item.regions
    .map((region) => [region.province, region.city, region.county].filter(Boolean).join(''))
    .filter((text) => text.length > 0)
    .join('；');
}

/** The columns of an export, in order. */
export const EXPORT_COLUMNS: readonly Column[] = [
  { header: '编号', value: (item) => item.id },
  { header: '发布时间', value: (item, formatTime) => formatTime(item.publishedAt) },
  { header: '平台', value: (item) => item.platform ?? '' },
  { header: '类型', value: (item) => item.kind },
  { header: '标题', value: (item) => item.title ?? '' },
  { header: '正文', value: (item) => item.content },
  { header: '作者', value: (item) => item.author ?? '' },
  { header: '链接', value: (item) => item.url ?? '' },
  { header: '情感', value: (item) => item.sentiment ?? '' },
  { header: '情感分值', value: (item) => item.sentimentScore ?? '' },
  { header: '情绪', value: (item) => item.emotion ?? '' },
  { header: '分类', value: (item) => item.categories.join('；') },
  { header: '属地', value: regionText },
  { header: '诉求', value: (item) => (item.appeal === null ? '' : item.appeal ? '是' : '否') },
  { header: '关键词', value: (item) => item.keywords.join('；') },
  { header: '点赞', value: (item) => item.engagement.likes },
  { header: '评论', value: (item) => item.engagement.comments },
  { header: '转发', value: (item) => item.engagement.reposts },
  { header: '阅读', value: (item) => item.engagement.views },
  { header: '原帖编号', value: (item) => item.parentId ?? '' },
  { header: '重复于', value: (item) => item.dupOf ?? '' },
];

/** The cells of `item` in column order. */
export function cellsOf(item: Item, formatTime: (ms: number) => string): (string | number)[] {
  return EXPORT_COLUMNS.map((column) => column.value(item, formatTime));
}

/** The headers in column order. */
export function headers(): string[] {
  return EXPORT_COLUMNS.map((column) => column.header);
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180 quoting), with formula-like text kept as text. */
function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record ending in CRLF. */
export function csvLine(values: readonly (string | number)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A formatter of epoch times as `YYYY-MM-DD HH:mm:ss` in `timeZone` (what spreadsheets read as a time). */
export function timeFormatter(timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (ms) => format.format(ms);
}
