import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../src/domain/index.js';
import { renderReport } from '../../../src/reports/render/index.js';
import { emptySampleDocument, sampleDocument } from '../fixtures/sample-document.js';

async function asText(document: ReportDocument, format: 'md' | 'html'): Promise<string> {
  return new TextDecoder().decode((await renderReport(document, format)).bytes);
}

describe('Markdown rendering', () => {
  it('prints headings, figures, GFM tables with escaped cells and charts as data tables', async () => {
    const file = await renderReport(sampleDocument(), 'md');
    expect(file.fileName).toBe('网络舆情日报-2026-11-24.md');
    expect(file.contentType).toBe('text/markdown; charset=utf-8');
    const md = new TextDecoder().decode(file.bytes);
    expect(md).toMatch(/^# 网络舆情日报\n/);
    expect(md).toContain('2026年第12期');
    expect(md).toContain('## 一、总体态势');
    expect(md).toContain('## 五、研判与建议');
    expect(md).toContain('| 序号 | 事件 | 首发平台 | 信息量 | 负面占比 |');
    expect(md).toContain('| ---: | --- | --- | ---: | ---: |');
    expect(md).toContain('| 4 | 老旧小区加装电梯补贴政策解读 &lt;通知\\> \\| 答问 | 本地论坛 | 968 | — |');
    expect(md).toContain('| 微博 | 5,120 | 902 |');
    expect(md).toContain('| 负面 | 1,937 |');
    expect(md).toContain('**【待撰写：对本期舆情总体走势作出研判】**');
    expect(md).toContain('- 微博仍是信息主要来源，占39.9%。');
    expect(md).toContain('*境外平台信息量：本期无数据。*');
  });

  it('keeps every table row on one line with the column count of its header', async () => {
    const md = await asText(sampleDocument(), 'md');
    const tableLines = md.split('\n').filter((line) => line.startsWith('| '));
    for (const line of tableLines) {
      const cells = line.replaceAll('\\|', '').split('|').length - 2;
      expect(cells, line).toBeGreaterThan(1);
    }
    const eventRows = tableLines.filter((line) => /^\| \d \|/.test(line));
    expect(eventRows).toHaveLength(5);
    for (const row of eventRows) expect(row.replaceAll('\\|', '').split('|')).toHaveLength(7);
  });
});

describe('HTML rendering', () => {
  it('is one self-contained page with escaped text, tables and inline SVG charts', async () => {
    const file = await renderReport(sampleDocument(), 'html');
    expect(file.contentType).toBe('text/html; charset=utf-8');
    const html = new TextDecoder().decode(file.bytes);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h2>一、总体态势</h2>');
    expect(html).toContain('<td>老旧小区加装电梯补贴政策解读 &lt;通知&gt; | 答问</td>');
    expect(html).not.toContain('<通知>');
    expect(html).toContain('<td class="right">3,215</td>');
    expect(html).toContain('<thead><tr><th>序号</th>');
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).toContain('<mark>【待撰写：对本期舆情总体走势作出研判】</mark>');
    expect(html).not.toMatch(/<script|<link |src="http/);
  });

  it('escapes a hostile title and unit name', async () => {
    const html = await asText(
      sampleDocument({ title: '日报<script>alert(1)</script>', unitName: '"某"&单位' }),
      'html',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('日报&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;某&quot;&amp;单位');
  });
});

describe('an empty period', () => {
  it('renders in every format', async () => {
    const document = emptySampleDocument();
    for (const format of ['docx', 'pdf', 'md', 'html'] as const) {
      const file = await renderReport(document, format);
      expect(file.bytes.length, format).toBeGreaterThan(100);
      expect(file.fileName).toBe(`网络舆情日报-2026-11-24.${format}`);
    }
    expect(await asText(document, 'md')).toContain('本期无热点事件。');
    expect(await asText(document, 'html')).toContain('<p class="notice">本期无热点事件。</p>');
    expect(await asText(document, 'html')).toContain('（草稿）');
  });
});

describe('file names', () => {
  it('name a longer period by its first and last day in its own time zone', async () => {
    const from = Date.UTC(2026, 10, 22, 16); // 2026-11-23 00:00 Shanghai
    const document = sampleDocument({
      title: '网络舆情周报',
      period: { from, to: from + 7 * 86_400_000, label: '2026年第48周', timeZone: 'Asia/Shanghai' },
    });
    expect((await renderReport(document, 'md')).fileName).toBe('网络舆情周报-2026-11-23至2026-11-29.md');
  });
});
