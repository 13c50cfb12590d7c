/**
 * The look of the DOCX report, after the office-document (公文) conventions offices expect: 仿宋_GB2312 body
 * at 三号 with a fixed 28-point line pitch, 黑体 section headings, 楷体 captions, a 小标宋 red masthead, A4
 * with 37/35/28/26 mm margins. Word falls back to a similar face where a font is not installed.
 */
import type { IFontAttributesProperties } from 'docx';

/** A run font for Chinese text with Times New Roman for Latin letters and digits. */
function chinese(eastAsia: string): IFontAttributesProperties {
  return { eastAsia, ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
}

/** The fonts of each kind of text. */
export const DOCX_FONTS = {
  body: chinese('仿宋_GB2312'),
  heading: chinese('黑体'),
  caption: chinese('楷体_GB2312'),
  masthead: chinese('方正小标宋简体'),
} as const;

/** Sizes in half-points (docx units): 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 二号 22 pt, 初号 36 pt. */
export const DOCX_SIZES = { body: 32, caption: 28, table: 21, unit: 44, title: 72, footer: 28 } as const;

/** A4 in twips with the office margins. */
export const DOCX_PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
} as const;

/** Width of the text column in twips. */
export const DOCX_COLUMN = DOCX_PAGE.width - DOCX_PAGE.margin.left - DOCX_PAGE.margin.right;

/** A fixed 28-point line pitch, in twips. */
export const DOCX_LINE = 560;

/** Colours (hex without "#"). */
export const DOCX_COLORS = {
  red: 'C00000',
  notice: '595959',
  headerFill: 'D9E2F3',
  border: '7F7F7F',
} as const;

/** Chart images are this wide on the page, in pixels at 96 dpi (the text column is about 590). */
export const DOCX_CHART_WIDTH = 560;
