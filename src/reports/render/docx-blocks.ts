/** The blocks of a section as DOCX paragraphs, tables and chart images. */
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ChartBlock, ReportBlock, TableBlock } from '../../domain/index.js';
import { NO_DATA_TEXT, PNG_DENSITY, chartHasData, chartPng, chartSize } from '../charts/index.js';
import type { CjkFont } from './fonts.js';
import { formatCell, numberedCaption, placeholderText } from './format.js';
import {
  DOCX_CHART_WIDTH,
  DOCX_COLORS,
  DOCX_COLUMN,
  DOCX_FONTS,
  DOCX_LINE,
  DOCX_SIZES,
} from './docx-style.js';
import { columnWidths } from './pdf-table.js';

/** What block conversion needs besides the block. */
export interface DocxContext {
  font: CjkFont;
  counters: { table: number; figure: number };
}

type BodyElement = Paragraph | Table;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  highlight?: 'yellow';
}

/** A body paragraph: 仿宋 三号, fixed line pitch, first line indented two characters. */
export function bodyParagraph(text: string, style: RunStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLineChars: 200, firstLine: DOCX_SIZES.body * 20 },
    spacing: { line: DOCX_LINE, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: DOCX_FONTS.body, size: DOCX_SIZES.body, ...style })],
  });
}

/** A centred 楷体 caption ("表1 …", "图1 …"). */
export function captionParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    keepNext: true,
    children: [new TextRun({ text, font: DOCX_FONTS.caption, size: DOCX_SIZES.caption, bold: true })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: DOCX_COLORS.border };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(text: string, width: number, header: boolean, align: 'left' | 'right' | undefined): TableCell {
  const alignment = header
    ? AlignmentType.CENTER
    : align === 'right'
      ? AlignmentType.RIGHT
      : AlignmentType.LEFT;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: DOCX_COLORS.headerFill } } : {}),
    children: [
      new Paragraph({
        alignment,
        children: [
          new TextRun({
            text,
            font: header ? DOCX_FONTS.heading : DOCX_FONTS.body,
            size: DOCX_SIZES.table,
          }),
        ],
      }),
    ],
  });
}

function table(context: DocxContext, block: TableBlock): BodyElement[] {
  context.counters.table += 1;
  const widths = columnWidths(block, DOCX_COLUMN).map((width) => Math.round(width));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((column, i) => cell(column.title, widths[i] ?? 0, true, undefined)),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map((column, i) =>
          cell(formatCell(row[i] ?? null), widths[i] ?? 0, false, column.align),
        ),
      }),
  );
  return [
    captionParagraph(numberedCaption('表', context.counters.table, block.caption)),
    new Table({
      width: { size: DOCX_COLUMN, type: WidthType.DXA },
      columnWidths: widths,
      rows: [header, ...rows],
    }),
    new Paragraph({ children: [] }),
  ];
}

async function chart(context: DocxContext, block: ChartBlock): Promise<BodyElement[]> {
  if (!chartHasData(block)) {
    return [bodyParagraph(`${block.title}：${NO_DATA_TEXT}。`, { color: DOCX_COLORS.notice })];
  }
  context.counters.figure += 1;
  const size = chartSize(block);
  const png = await chartPng(block, { ...size, font: context.font });
  const width = DOCX_CHART_WIDTH;
  const height = Math.round((width * size.height) / size.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width, height },
          altText: {
            name: block.title,
            title: block.title,
            description: `${block.title}（${PNG_DENSITY}× PNG）`,
          },
        }),
      ],
    }),
    captionParagraph(numberedCaption('图', context.counters.figure, block.title)),
  ];
}

/** The DOCX elements of one block. */
export async function blockElements(context: DocxContext, block: ReportBlock): Promise<BodyElement[]> {
  switch (block.kind) {
    case 'paragraph':
      return [bodyParagraph(block.text, { bold: block.emphasis === true })];
    case 'placeholder': {
      const { text, pending } = placeholderText(block);
      return [bodyParagraph(text, pending ? { highlight: 'yellow' } : {})];
    }
    case 'list':
      return block.items.map((item, i) => bodyParagraph(`${i + 1}. ${item}`));
    case 'notice':
      return [bodyParagraph(block.text, { italics: true, color: DOCX_COLORS.notice })];
    case 'table':
      return table(context, block);
    case 'chart':
      return chart(context, block);
  }
}
