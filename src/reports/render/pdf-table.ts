/**
 * Tables in the PDF: column widths from the document's relative widths, wrapped cells (nothing runs past
 * the margins), a shaded header row repeated on every page the table runs onto.
 */
import type { TableBlock } from '../../domain/index.js';
import { formatCell, numberedCaption } from './format.js';
import { PDF_FONTS, SIZE, column, ensureSpace, type PdfContext } from './pdf-context.js';

const PADDING = 4;
const HEADER_FILL = '#D9E2F3';
const BORDER = '#7F7F7F';

/** Column widths in points that fill the text column. */
export function columnWidths(block: TableBlock, total: number): number[] {
  const given = block.columns.reduce((sum, col) => sum + (col.width ?? 0), 0);
  const unsized = block.columns.filter((col) => col.width === undefined).length;
  const sized = block.columns.length - unsized;
  const share = sized === 0 ? 1 : given / sized;
  const weights = block.columns.map((col) => col.width ?? share);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => (total * weight) / sum);
}

interface Row {
  cells: string[];
  header: boolean;
}

function rowHeight(context: PdfContext, row: Row, widths: number[]): number {
  const { doc } = context;
  doc.font(row.header ? PDF_FONTS.heading : PDF_FONTS.body).fontSize(SIZE.table);
  const heights = row.cells.map(
    (cell, i) =>
      doc.heightOfString(cell === '' ? ' ' : cell, { width: (widths[i] ?? 0) - PADDING * 2 }) + PADDING * 2,
  );
  return Math.max(SIZE.table + PADDING * 2, ...heights);
}

function drawRow(context: PdfContext, row: Row, widths: number[], block: TableBlock): void {
  const { doc } = context;
  const top = doc.y;
  const height = rowHeight(context, row, widths);
  let x = column().left;
  row.cells.forEach((cell, i) => {
    const width = widths[i] ?? 0;
    if (row.header) doc.rect(x, top, width, height).fill(HEADER_FILL);
    doc.lineWidth(0.5).rect(x, top, width, height).stroke(BORDER);
    const align = row.header ? 'center' : (block.columns[i]?.align ?? 'left');
    doc
      .fillColor('#000000')
      .font(row.header ? PDF_FONTS.heading : PDF_FONTS.body)
      .fontSize(SIZE.table)
      .text(cell, x + PADDING, top + PADDING, { width: width - PADDING * 2, align });
    x += width;
  });
  doc.x = column().left;
  doc.y = top + height;
}

/** Draws the caption ("表1 …") and the table, breaking across pages with the header repeated. */
export function drawTable(context: PdfContext, block: TableBlock): void {
  const { doc } = context;
  const { left, width } = column();
  const widths = columnWidths(block, width);
  const header: Row = { cells: block.columns.map((col) => col.title), header: true };
  const rows: Row[] = block.rows.map((cells) => ({
    cells: block.columns.map((_, i) => formatCell(cells[i] ?? null)),
    header: false,
  }));
  context.counters.table += 1;
  const firstRow = rows[0];
  const headerHeight = rowHeight(context, header, widths);
  ensureSpace(
    context,
    SIZE.caption * 2 + headerHeight + (firstRow ? rowHeight(context, firstRow, widths) : 0),
  );
  doc
    .font(PDF_FONTS.heading)
    .fontSize(SIZE.caption)
    .fillColor('#000000')
    .text(numberedCaption('表', context.counters.table, block.caption), left, doc.y, {
      width,
      align: 'center',
    });
  doc.moveDown(0.4);
  drawRow(context, header, widths, block);
  for (const row of rows) {
    if (doc.y + rowHeight(context, row, widths) > column().bottom) {
      doc.addPage();
      drawRow(context, header, widths, block);
    }
    drawRow(context, row, widths, block);
  }
  doc.moveDown(0.8);
}
