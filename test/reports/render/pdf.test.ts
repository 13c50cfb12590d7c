import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../src/domain/index.js';
import { findCjkFont, renderReport } from '../../../src/reports/render/index.js';
import { emptySampleDocument, sampleDocument } from '../fixtures/sample-document.js';
import { pageCount, pdfFonts, pdfText, popplerAvailable } from './poppler.js';

/** pdftotext puts spaces between some CJK glyph runs; compare without whitespace. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

function longTable(): ReportDocument {
  const rows = Array.from({ length: 70 }, (_, i) => [
    i + 1,
    `第${i + 1}条：关于城区道路改造期间交通组织调整的说明和市民意见汇总，以及后续的处理情况通报`,
    i * 1234,
  ]);
  return sampleDocument({
    sections: [
      {
        key: 'items',
        title: '信息列表',
        blocks: [
          {
            kind: 'table',
            caption: '本期信息明细',
            columns: [
              { title: '序号', align: 'right', width: 1 },
              { title: '标题栏', width: 8 },
              { title: '互动量', align: 'right', width: 2 },
            ],
            rows,
            figures: [],
          },
        ],
      },
    ],
  });
}

describe.skipIf(!popplerAvailable)('PDF rendering', () => {
  it('prints the masthead, headings, figures, tables and chart labels as real Chinese text', async () => {
    const document = sampleDocument();
    const file = await renderReport(document, 'pdf');
    expect(file.contentType).toBe('application/pdf');
    expect(file.fileName).toBe('网络舆情日报-2026-11-24.pdf');
    expect(Buffer.from(file.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = squeeze(pdfText(file.bytes));
    for (const [index, title] of [
      '一、总体态势',
      '二、热点事件',
      '三、信息来源分布',
      '四、重点关注',
      '五、研判与建议',
    ].entries()) {
      expect(text, `section ${index + 1}`).toContain(title);
    }
    expect(text).toContain(document.unitName);
    expect(text).toContain('2026年第12期');
    expect(text).toContain('2026年11月24日');
    expect(text).toContain('12,846');
    expect(text).toContain('表1本期热点事件排行');
    expect(text).toContain('微信公众号');
    expect(text).toContain('3,215');
    // a wrapped cell: its lines interleave with the next cells' text in layout mode
    expect(text).toContain('政策解读<通');
    expect(text).toContain('知>|答问');
    // chart text drawn through svg-to-pdfkit with the embedded font
    expect(text).toContain('今日头条');
    expect(text).toContain('5,120');
    expect(text).toContain('图2情感倾向分布');
    expect(text).toContain('【待撰写：对本期舆情总体走势作出研判】');
    expect(text).toContain('境外平台信息量：本期无数据');
    expect(text).toMatch(/—1—/);
  });

  it('embeds the CJK font it found', async () => {
    const font = await findCjkFont();
    const fonts = pdfFonts((await renderReport(sampleDocument(), 'pdf')).bytes);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((entry) => entry.embedded)).toBe(true);
    expect(fonts.map((entry) => entry.name.split('+')[1])).toContain(font.regular.postscriptName);
  });

  it('renders the same bytes for the same document', async () => {
    const first = await renderReport(sampleDocument(), 'pdf');
    const second = await renderReport(sampleDocument(), 'pdf');
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });

  it('breaks a long table across pages and repeats its header', async () => {
    const text = pdfText((await renderReport(longTable(), 'pdf')).bytes);
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(squeeze(page)).toContain('标题栏');
    expect(squeeze(text)).toContain('第70条');
    expect(squeeze(text)).toContain('85,146');
  });

  it('draws with the bundled font when system fonts are skipped', async () => {
    const font = await findCjkFont({ systemFonts: false });
    expect(font.source).toBe('bundled');
    const file = await renderReport(sampleDocument(), 'pdf', { systemFonts: false });
    const text = squeeze(pdfText(file.bytes));
    expect(text).toContain('三、信息来源分布');
    expect(text).toContain('城东片区供水管网改造');
    expect(pdfFonts(file.bytes).map((entry) => entry.name)).toEqual(
      expect.arrayContaining([expect.stringContaining('NotoSansSC-Regular')]),
    );
  });

  it('renders an empty period of notices only', async () => {
    const text = pdfText((await renderReport(emptySampleDocument(), 'pdf')).bytes);
    expect(pageCount(text)).toBe(1);
    expect(squeeze(text)).toContain('（草稿）');
    expect(squeeze(text)).toContain('本期未监测到相关信息。');
  });
});
