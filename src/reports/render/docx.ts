/**
 * The DOCX rendering of a report (docx 9), the format offices edit: a red masthead (unit and title, issue
 * line, unit and date, red rule), "一、" headings in 黑体, 仿宋 body with two-character indents, shaded
 * tables whose header repeats on each page, charts as 2× PNG images with captions, "— 1 —" page numbers.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type IFontAttributesProperties,
} from 'docx';
import type { ReportDocument } from '../../domain/index.js';
import { blockElements, type DocxContext } from './docx-blocks.js';
import { DOCX_COLORS, DOCX_COLUMN, DOCX_FONTS, DOCX_LINE, DOCX_PAGE, DOCX_SIZES } from './docx-style.js';
import type { CjkFont } from './fonts.js';
import { chineseDate, issueLine, sectionHeading } from './format.js';

function centred(
  text: string,
  font: IFontAttributesProperties,
  size: number,
  extra: { color?: string; bold?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    children: [new TextRun({ text, font, size, ...extra })],
  });
}

function masthead(document: ReportDocument): Paragraph[] {
  const date = chineseDate(document.generatedAt, document.period.timeZone);
  return [
    centred(document.unitName, DOCX_FONTS.masthead, DOCX_SIZES.unit, { color: DOCX_COLORS.red }),
    centred(document.title, DOCX_FONTS.masthead, DOCX_SIZES.title, { color: DOCX_COLORS.red, bold: true }),
    centred(issueLine(document), DOCX_FONTS.body, DOCX_SIZES.body),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: DOCX_COLUMN }],
      border: { bottom: { color: DOCX_COLORS.red, space: 6, style: BorderStyle.SINGLE, size: 18 } },
      children: [
        new TextRun({ text: `${document.unitName}\t${date}`, font: DOCX_FONTS.body, size: DOCX_SIZES.body }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [
        new TextRun({
          text: `报告期：${document.period.label}`,
          font: DOCX_FONTS.caption,
          size: DOCX_SIZES.body,
        }),
      ],
    }),
  ];
}

function heading(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { line: DOCX_LINE, lineRule: LineRuleType.EXACT, before: 120 },
    indent: { firstLineChars: 200, firstLine: DOCX_SIZES.body * 20 },
    children: [new TextRun({ text, font: DOCX_FONTS.heading, size: DOCX_SIZES.body })],
  });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: DOCX_FONTS.body,
            size: DOCX_SIZES.footer,
          }),
        ],
      }),
    ],
  });
}

/** The report as DOCX bytes; charts are drawn with `font` (see {@link findCjkFont}). */
export async function renderDocx(document: ReportDocument, font: CjkFont): Promise<Uint8Array> {
  const context: DocxContext = { font, counters: { table: 0, figure: 0 } };
  const body: Awaited<ReturnType<typeof blockElements>> = [...masthead(document)];
  for (const [index, section] of document.sections.entries()) {
    body.push(heading(sectionHeading(index, section.title)));
    for (const block of section.blocks) body.push(...(await blockElements(context, block)));
  }
  const doc = new Document({
    title: document.title,
    subject: document.period.label,
    creator: 'Fengxiang',
    lastModifiedBy: 'Fengxiang',
    description: `${document.unitName} ${issueLine(document)}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height },
            margin: { ...DOCX_PAGE.margin, header: 851, footer: 992 },
          },
        },
        footers: { default: footer() },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
