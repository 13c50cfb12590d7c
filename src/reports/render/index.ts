/**
 * Rendering a report document to a file (issue 7): DOCX, PDF, Markdown or HTML. Pure of storage: the
 * caller stores the bytes. DOCX and PDF need a Chinese font (charts as PNG, embedded text), found once per
 * process by {@link findCjkFont}; Markdown and HTML need none.
 */
import type { ReportDocument, ReportFormat } from '../../domain/index.js';
import { renderDocx } from './docx.js';
import { findCjkFont, type FontOptions } from './fonts.js';
import { isoDate } from './format.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderPdf } from './pdf.js';

export { findCjkFont, type CjkFont, type FontFace, type FontOptions } from './fonts.js';
export { formatFigure, formatCell, MISSING_VALUE } from './format.js';
export { renderDocx } from './docx.js';
export { renderPdf } from './pdf.js';
export { renderMarkdown } from './markdown.js';
export { renderHtml } from './html.js';

/** How to render: where to find the font (config `REPORT_FONT` → `fontPath`). */
export type RenderOptions = FontOptions;

/** A rendered report file. */
export interface RenderedFile {
  format: ReportFormat;
  contentType: string;
  /** E.g. `网络舆情日报-2026-11-24.docx`. */
  fileName: string;
  bytes: Uint8Array;
}

/** MIME types of the formats. */
export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

const DAY_MS = 86_400_000;

/**
 * The file name: the title (without characters file systems refuse) and the period in its own zone, one
 * date for a period of a day or less (the date it ends on), `from至to` (last day inclusive) for longer ones.
 */
export function reportFileName(document: ReportDocument, format: ReportFormat): string {
  const title = document.title.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || 'report';
  const { from, to, timeZone } = document.period;
  const first = isoDate(from, timeZone);
  const last = isoDate(Math.max(from, to - 1), timeZone);
  // A day or less is named by the date it ends on: a daily report from 17:00 to 17:00 is that day's.
  const dates = to - from <= DAY_MS || first === last ? last : `${first}至${last}`;
  return `${title}-${dates}.${format}`;
}

async function bytesOf(
  document: ReportDocument,
  format: ReportFormat,
  options: RenderOptions,
): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return renderDocx(document, await findCjkFont(options));
    case 'pdf':
      return renderPdf(document, await findCjkFont(options));
    case 'md':
      return new TextEncoder().encode(renderMarkdown(document));
    case 'html':
      return new TextEncoder().encode(renderHtml(document));
  }
}

/** Renders a report document to one file format. Throws REPORT_FONT_MISSING for DOCX/PDF without a font. */
export async function renderReport(
  document: ReportDocument,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<RenderedFile> {
  return {
    format,
    contentType: REPORT_CONTENT_TYPES[format],
    fileName: reportFileName(document, format),
    bytes: await bytesOf(document, format, options),
  };
}
