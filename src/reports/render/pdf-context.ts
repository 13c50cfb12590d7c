/** The page geometry, fonts and running state the PDF drawing steps share. */
import type { CjkFont } from './fonts.js';

/** Names the embedded fonts are registered under. */
export const PDF_FONTS = { body: 'body', bodyBold: 'body-bold', heading: 'heading', sans: 'sans' } as const;

/** A4 in points, with office-document margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  margins: { top: 105, bottom: 99, left: 79, right: 74 },
} as const;

/** Type sizes in points: 三号 16, 四号 14, 五号 10.5. */
export const SIZE = { heading: 16, body: 14, caption: 12, table: 10.5, footer: 12 } as const;

/** Extra space between body lines (a 28-point line pitch at 四号, as office layouts use). */
export const BODY_LINE_GAP = 10;
/** The first-line indent of a paragraph: two characters. */
export const INDENT = SIZE.body * 2;
/** The red of a 红头 masthead. */
export const MASTHEAD_RED = '#C00000';

/** What every drawing step gets. */
export interface PdfContext {
  doc: PDFKit.PDFDocument;
  font: CjkFont;
  /** Running numbers of captions ("表1", "图2"). */
  counters: { table: number; figure: number };
}

/** The left edge and width of the text column. */
export function column(): { left: number; width: number; bottom: number } {
  return {
    left: PAGE.margins.left,
    width: PAGE.width - PAGE.margins.left - PAGE.margins.right,
    bottom: PAGE.height - PAGE.margins.bottom,
  };
}

/** Starts a new page when fewer than `height` points are left above the bottom margin. */
export function ensureSpace(context: PdfContext, height: number): void {
  if (context.doc.y + height > column().bottom) context.doc.addPage();
}
