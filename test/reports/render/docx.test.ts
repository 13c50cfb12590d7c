import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/reports/render/index.js';
import { emptySampleDocument, sampleDocument } from '../fixtures/sample-document.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function open(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (file === null) throw new Error(`${path} is missing`);
  return file.async('string');
}

/** The visible text of document.xml: the runs' text joined, XML entities decoded. */
function visibleText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => match[1] ?? '')
    .join('')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

describe('DOCX rendering', () => {
  it('writes the masthead, sections, tables, figures and placeholders', async () => {
    const document = sampleDocument();
    const file = await renderReport(document, 'docx');
    expect(file.fileName).toBe('网络舆情日报-2026-11-24.docx');
    expect(file.contentType).toContain('wordprocessingml');
    const zip = await open(file.bytes);
    const xml = await text(zip, 'word/document.xml');
    const body = visibleText(xml);
    for (const title of [
      '一、总体态势',
      '二、热点事件',
      '三、信息来源分布',
      '四、重点关注',
      '五、研判与建议',
    ]) {
      expect(body).toContain(title);
    }
    expect(body).toContain('某市委网信办');
    expect(body).toContain('2026年第12期');
    expect(body).toContain('2026年11月24日');
    expect(body).toContain('12,846');
    expect(body).toContain('表1　本期热点事件排行');
    expect(body).toContain('老旧小区加装电梯补贴政策解读 <通知> | 答问');
    expect(body).toContain('3,215');
    expect(body).toContain('—');
    expect(body).toContain('【待撰写：对本期舆情总体走势作出研判】');
    expect(body).toContain('建议市水务局');
    expect(body).toContain('境外平台信息量：本期无数据。');
    expect(body).toContain('1. 微博仍是信息主要来源');
    expect(xml).toContain('w:highlight w:val="yellow"');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:fill="D9E2F3"');
  });

  it('sets East Asian fonts on the runs', async () => {
    const zip = await open((await renderReport(sampleDocument(), 'docx')).bytes);
    const xml = await text(zip, 'word/document.xml');
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="黑体"/);
    expect(xml).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
  });

  it('embeds each drawn chart as a valid PNG and skips the chart with no data', async () => {
    const document = sampleDocument();
    const zip = await open((await renderReport(document, 'docx')).bytes);
    const media = Object.keys(zip.files).filter((path) => path.startsWith('word/media/'));
    const drawable = document.sections
      .flatMap((section) => section.blocks)
      .filter((block) => block.kind === 'chart' && block.series.some((s) => s.values.some((v) => v !== 0)));
    expect(media).toHaveLength(drawable.length);
    for (const path of media) {
      const bytes = await zip.file(path)?.async('nodebuffer');
      expect(bytes?.subarray(0, 8).equals(PNG_SIGNATURE), path).toBe(true);
      expect(bytes?.readUInt32BE(16)).toBe(1280);
    }
  });

  it('records title and creator and numbers pages in the footer', async () => {
    const zip = await open((await renderReport(sampleDocument(), 'docx')).bytes);
    const core = await text(zip, 'docProps/core.xml');
    expect(core).toContain('<dc:title>网络舆情日报</dc:title>');
    expect(core).toContain('<dc:creator>Fengxiang</dc:creator>');
    const footers = Object.keys(zip.files).filter((path) => /^word\/footer\d*\.xml$/.test(path));
    const footer = await text(zip, footers[0] ?? 'word/footer1.xml');
    expect(footer).toContain('PAGE');
    expect(visibleText(footer)).toContain('— ');
  });

  it('renders an empty period as a draft without images', async () => {
    const zip = await open((await renderReport(emptySampleDocument(), 'docx')).bytes);
    const body = visibleText(await text(zip, 'word/document.xml'));
    expect(body).toContain('（草稿）');
    expect(body).toContain('本期无热点事件。');
    expect(Object.keys(zip.files).some((path) => path.startsWith('word/media/'))).toBe(false);
  });
});
