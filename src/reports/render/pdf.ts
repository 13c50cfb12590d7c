/**
 * The PDF rendering of a report (pdfkit + svg-to-pdfkit): A4, the Chinese font embedded (subset) in regular
 * and bold, a red masthead, "一、" headings, indented paragraphs, tables that break across pages with their
 * header repeated, charts as vector SVG, "— 1 —" page numbers. The same document gives the same bytes:
 * the creation date is the document's generation time, and pdfkit derives the file id from it.
 */
import PDFDocument from 'pdfkit';
import type { ReportDocument } from '../../domain/index.js';
import type { CjkFont, FontFace } from './fonts.js';
import { issueLine, chineseDate, sectionHeading } from './format.js';
import { drawBlock } from './pdf-blocks.js';
import { MASTHEAD_RED, PAGE, PDF_FONTS, SIZE, column, ensureSpace, type PdfContext } from './pdf-context.js';

function register(doc: PDFKit.PDFDocument, name: string, face: FontFace): void {
  if (face.collection) doc.registerFont(name, face.path, face.postscriptName);
  else doc.registerFont(name, face.path);
}

function masthead(context: PdfContext, document: ReportDocument): void {
  const { doc } = context;
  const { left, width } = column();
  doc.font(PDF_FONTS.heading).fillColor(MASTHEAD_RED);
  doc.fontSize(22).text(document.unitName, left, PAGE.margins.top - 30, { width, align: 'center' });
  doc.moveDown(0.2);
  doc.fontSize(34).text(document.title, { width, align: 'center', characterSpacing: 4 });
  doc.moveDown(0.3);
  doc.font(PDF_FONTS.body).fillColor('#000000').fontSize(SIZE.body);
  doc.text(issueLine(document), left, doc.y, { width, align: 'center' });
  doc.moveDown(0.6);
  const lineY = doc.y;
  doc.text(document.unitName, left, lineY, { width, align: 'left' });
  const date = chineseDate(document.generatedAt, document.period.timeZone);
  doc.text(date, left, lineY, { width, align: 'right' });
  const ruleY = doc.y + 6;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(2)
    .stroke(MASTHEAD_RED);
  doc.x = left;
  doc.y = ruleY + 18;
  doc.font(PDF_FONTS.body).fontSize(SIZE.body).fillColor('#000000');
  doc.text(`报告期：${document.period.label}`, { width, align: 'center' });
  doc.moveDown(0.8);
}

/** A heading never ends a page: this much room must follow it. */
const KEEP_WITH_NEXT = 160;

function heading(context: PdfContext, text: string): void {
  const { doc } = context;
  ensureSpace(context, KEEP_WITH_NEXT);
  doc.moveDown(0.4);
  doc
    .font(PDF_FONTS.heading)
    .fontSize(SIZE.heading)
    .fillColor('#000000')
    .text(text, column().left, doc.y, { width: column().width });
  doc.moveDown(0.5);
}

/** Writes "— n —" centred under the text column of every page (bottom margin lifted so no page is added). */
function pageNumbers(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(PDF_FONTS.body)
      .fontSize(SIZE.footer)
      .fillColor('#000000')
      .text(`— ${i + 1} —`, column().left, PAGE.height - bottom / 2 - SIZE.footer, {
        width: column().width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/** The report as PDF bytes, drawn with `font` (see {@link findCjkFont}). */
export async function renderPdf(document: ReportDocument, font: CjkFont): Promise<Uint8Array> {
  const created = new Date(document.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE.margins,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: document.title,
      Author: document.unitName,
      Subject: document.period.label,
      Creator: 'Fengxiang',
      Producer: 'Fengxiang',
      CreationDate: created,
      ModDate: created,
    },
  });
  const bytes = collect(doc);
  register(doc, PDF_FONTS.body, font.regular);
  register(doc, PDF_FONTS.bodyBold, font.bold);
  register(doc, PDF_FONTS.heading, font.sansBold);
  register(doc, PDF_FONTS.sans, font.sans);
  const context: PdfContext = { doc, font, counters: { table: 0, figure: 0 } };
  masthead(context, document);
  document.sections.forEach((section, index) => {
    heading(context, sectionHeading(index, section.title));
    section.blocks.forEach((block) => drawBlock(context, block));
  });
  pageNumbers(doc);
  doc.end();
  return bytes;
}
