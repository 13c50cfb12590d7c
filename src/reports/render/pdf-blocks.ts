/** Drawing the blocks of a section into the PDF: text with first-line indents, lists, notices, charts. */
import SVGtoPDF from 'svg-to-pdfkit';
import type { ChartBlock, ReportBlock } from '../../domain/index.js';
import { NO_DATA_TEXT, chartHasData, chartSize, chartSvg } from '../charts/index.js';
import { numberedCaption, placeholderText } from './format.js';
import {
  BODY_LINE_GAP,
  INDENT,
  PDF_FONTS,
  SIZE,
  column,
  ensureSpace,
  type PdfContext,
} from './pdf-context.js';
import { drawTable } from './pdf-table.js';

const PENDING_FILL = '#FFF2CC';
const NOTICE_COLOR = '#595959';

interface TextStyle {
  font: string;
  color?: string;
  indent?: number;
  oblique?: boolean;
  fill?: string;
}

function paragraph(context: PdfContext, text: string, style: TextStyle): void {
  const { doc } = context;
  const { left, width } = column();
  const options = {
    width,
    indent: style.indent ?? INDENT,
    lineGap: BODY_LINE_GAP,
    oblique: style.oblique ?? false,
  };
  doc.font(style.font).fontSize(SIZE.body);
  ensureSpace(context, SIZE.body + BODY_LINE_GAP);
  if (style.fill !== undefined) {
    const height = doc.heightOfString(text, options);
    ensureSpace(context, Math.min(height, column().bottom - doc.page.margins.top));
    doc.rect(left, doc.y - 2, width, height - BODY_LINE_GAP + 4).fill(style.fill);
  }
  doc.fillColor(style.color ?? '#000000').text(text, left, doc.y, options);
  doc.moveDown(0.2);
}

/** The SVG font callback: every family in a chart maps to the embedded Chinese sans face. */
function chartFont(): string {
  return PDF_FONTS.sans;
}

function drawChart(context: PdfContext, block: ChartBlock): void {
  const { doc } = context;
  if (!chartHasData(block)) {
    paragraph(context, `${block.title}：${NO_DATA_TEXT}。`, { font: PDF_FONTS.body, color: NOTICE_COLOR });
    return;
  }
  const { left, width } = column();
  const size = chartSize(block);
  const height = (width * size.height) / size.width;
  context.counters.figure += 1;
  ensureSpace(context, height + SIZE.caption * 2.5);
  const top = doc.y;
  const svg = chartSvg(block, { ...size, fontFamily: context.font.sans.family });
  SVGtoPDF(doc as unknown as Parameters<typeof SVGtoPDF>[0], svg, left, top, {
    width,
    height,
    fontCallback: chartFont,
  });
  doc
    .font(PDF_FONTS.heading)
    .fontSize(SIZE.caption)
    .fillColor('#000000')
    .text(numberedCaption('图', context.counters.figure, block.title), left, top + height + 8, {
      width,
      align: 'center',
    });
  doc.moveDown(0.8);
}

/** Draws one block at the current position, adding pages as needed. */
export function drawBlock(context: PdfContext, block: ReportBlock): void {
  switch (block.kind) {
    case 'paragraph':
      paragraph(context, block.text, { font: block.emphasis === true ? PDF_FONTS.bodyBold : PDF_FONTS.body });
      return;
    case 'placeholder': {
      const { text, pending } = placeholderText(block);
      paragraph(
        context,
        text,
        pending ? { font: PDF_FONTS.body, fill: PENDING_FILL } : { font: PDF_FONTS.body },
      );
      return;
    }
    case 'list':
      block.items.forEach((item) => paragraph(context, `•\u3000${item}`, { font: PDF_FONTS.body }));
      return;
    case 'notice':
      paragraph(context, block.text, { font: PDF_FONTS.body, color: NOTICE_COLOR, oblique: true });
      return;
    case 'table':
      drawTable(context, block);
      return;
    case 'chart':
      drawChart(context, block);
  }
}
