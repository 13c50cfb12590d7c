/**
 * The report document (DESIGN.md §8, issue 7): what a builder produces and every renderer (DOCX, PDF,
 * Markdown, HTML) reads. It is plain JSON, so a report is stored with its document and re-rendered later
 * exactly as it was issued. Every number printed in a report is a {@link ReportFigure} that carries the
 * query which produced it, so a reader can trace any figure back to the records.
 */
import type { EpochMs } from './entities.js';

/** The kinds of report. */
export const REPORT_TYPES = ['daily', 'weekly', 'monthly', 'special', 'work_summary'] as const;
/** One of {@link REPORT_TYPES}. */
export type ReportType = (typeof REPORT_TYPES)[number];

/** Chinese names of the report types, as printed in titles and the console. */
export const REPORT_TYPE_NAMES: Readonly<Record<ReportType, string>> = {
  daily: '网络舆情日报',
  weekly: '网络舆情周报',
  monthly: '网络舆情月报',
  special: '网络舆情专报',
  work_summary: '网络舆情工作总结',
};

/** The query behind a figure: the SQL the storage ran, its parameters, and what the application did after. */
export interface FigureTrace {
  sql: string;
  params: readonly (string | number | null)[];
  /** What was computed from the rows in code (a grouping, a ratio), when not all of it is in the SQL. */
  note?: string;
}

/** How a figure prints. */
export type FigureFormat = 'count' | 'percent' | 'number';

/** One number in a report and where it came from. */
export interface ReportFigure {
  key: string;
  /** What it counts, in Chinese ("监测信息总量"). */
  label: string;
  /** null when it cannot be computed (a rate with nothing to divide by); printed as "—". */
  value: number | null;
  format: FigureFormat;
  trace: FigureTrace[];
}

/** A paragraph of finished text; `figures` lists the keys of every figure its text prints. */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  figures: string[];
  /** Printed bold (a lead sentence, a risk judgement). */
  emphasis?: boolean;
}

/**
 * A narrative paragraph left for staff to write (work summary, assessments). `text` is null until someone
 * writes it; renderers print the prompt, marked, in its place.
 */
export interface PlaceholderBlock {
  kind: 'placeholder';
  /** Stable within the document, so edits address it. */
  id: string;
  prompt: string;
  text: string | null;
}

/** A bulleted list of finished lines. */
export interface ListBlock {
  kind: 'list';
  items: string[];
  figures: string[];
}

/** A table column. */
export interface TableColumn {
  title: string;
  align?: 'left' | 'right';
  /** Relative width; columns without one share the rest. */
  width?: number;
}

/** A table of finished cells. */
export interface TableBlock {
  kind: 'table';
  caption: string;
  columns: TableColumn[];
  rows: (string | number | null)[][];
  figures: string[];
}

/** The kinds of chart renderers draw. */
export type ChartKind = 'bar' | 'line' | 'pie';

/** One data series of a chart. */
export interface ChartSeries {
  name: string;
  values: number[];
}

/** A chart drawn on the server (echarts SSR to SVG, PNG where a format needs it). */
export interface ChartBlock {
  kind: 'chart';
  chart: ChartKind;
  title: string;
  /** Category axis labels (bar, line) or slice names (pie). */
  categories: string[];
  series: ChartSeries[];
  figures: string[];
  /** Bars run horizontally (rankings with long names). */
  horizontal?: boolean;
}

/** Said in place of a table or chart when the period has nothing to show. */
export interface NoticeBlock {
  kind: 'notice';
  text: string;
}

/** Any block of a section. */
export type ReportBlock =
  ParagraphBlock | PlaceholderBlock | ListBlock | TableBlock | ChartBlock | NoticeBlock;

/** A section (一、二、…) of a report. */
export interface ReportSection {
  /** Stable key templates address ("overview", "top_events"). */
  key: string;
  title: string;
  blocks: ReportBlock[];
}

/** The period a report covers, `from` inclusive and `to` exclusive. */
export interface ReportPeriod {
  from: EpochMs;
  to: EpochMs;
  /** E.g. "2026年11月24日", "2026年第48周（11月23日—11月29日）". */
  label: string;
  timeZone: string;
}

/** A whole report. */
export interface ReportDocument {
  type: ReportType;
  title: string;
  unitName: string;
  /** The issue line, e.g. "2026年第12期"; null on drafts (renderers print "（草稿）"). */
  issueLabel: string | null;
  period: ReportPeriod;
  generatedAt: EpochMs;
  /** The event of a special report. */
  eventId: string | null;
  sections: ReportSection[];
  figures: Record<string, ReportFigure>;
  /** True when the period holds no records at all: the report says so plainly. */
  empty: boolean;
}

/** A custom template: how an office reorders, drops and retitles sections and names its reports. */
export interface ReportTemplate {
  type: ReportType;
  /** Replaces the built-in title. */
  title?: string | null;
  /** Replaces the unit's name on the masthead. */
  unitName?: string | null;
  /** Sections in the order to print; a built-in section not listed is dropped. Omitted: all, built-in order. */
  sections?: { key: string; title?: string | null }[] | null;
  /** Prefix of the issue line, e.g. "舆情专报" → "舆情专报 2026年第3期". */
  issuePrefix?: string | null;
}
