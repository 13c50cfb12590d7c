/**
 * The HTML rendering: one self-contained page (inline CSS, charts as inline SVG, no scripts, no external
 * requests) that reads on screen and prints on A4. Every text is escaped.
 */
import type { ChartBlock, ReportBlock, ReportDocument, TableBlock } from '../../domain/index.js';
import { NO_DATA_TEXT, chartHasData, chartSize, chartSvg } from '../charts/index.js';
import { chineseDate, formatCell, issueLine, placeholderText, sectionHeading } from './format.js';

/** Fonts a reader's machine likely has, for the page and the charts. */
const FONT_STACK = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
const BODY_STACK = "'FangSong_GB2312', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', serif";

const STYLE = `
body { font-family: ${BODY_STACK}; font-size: 16pt; line-height: 1.75; color: #000; margin: 0; background: #f2f2f2; }
main { max-width: 180mm; margin: 0 auto; padding: 20mm 18mm; background: #fff; }
header.masthead { text-align: center; border-bottom: 2px solid #c00000; padding-bottom: 6pt; margin-bottom: 12pt; }
.unit { color: #c00000; font-size: 20pt; font-family: ${FONT_STACK}; }
h1 { color: #c00000; font-size: 32pt; margin: 4pt 0; letter-spacing: 4pt; font-family: ${FONT_STACK}; }
.issue { margin: 6pt 0; }
.unit-date { display: flex; justify-content: space-between; }
.period { text-align: center; text-indent: 0; font-family: 'KaiTi', 'STKaiti', serif; }
h2 { font-family: ${FONT_STACK}; font-size: 16pt; margin: 18pt 0 6pt; }
p { text-indent: 2em; margin: 0 0 6pt; text-align: justify; }
p.notice { color: #595959; font-style: italic; }
mark { background: #fff2cc; }
ul { margin: 0 0 6pt 2em; padding: 0; }
figure { margin: 12pt 0; text-align: center; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption, caption { font-family: 'KaiTi', 'STKaiti', serif; font-weight: bold; font-size: 14pt; margin: 6pt 0; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.5; margin: 6pt 0 12pt; }
th, td { border: 1px solid #7f7f7f; padding: 3pt 5pt; vertical-align: top; }
th { background: #d9e2f3; font-family: ${FONT_STACK}; }
td.right { text-align: right; }
thead { display: table-header-group; }
@page { size: A4; margin: 25mm 20mm; }
@media print { body { background: #fff; } main { padding: 0; max-width: none; } }
`;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function table(block: TableBlock): string {
  const head = block.columns.map((column) => `<th>${escapeHtml(column.title)}</th>`).join('');
  const rows = block.rows.map((row) => {
    const cells = block.columns.map((column, i) => {
      const className = column.align === 'right' ? ' class="right"' : '';
      return `<td${className}>${escapeHtml(formatCell(row[i] ?? null))}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table><caption>${escapeHtml(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function chart(block: ChartBlock): string {
  if (!chartHasData(block)) {
    return `<p class="notice">${escapeHtml(`${block.title}：${NO_DATA_TEXT}。`)}</p>`;
  }
  const svg = chartSvg(block, { ...chartSize(block), fontFamily: FONT_STACK });
  return `<figure>${svg}<figcaption>${escapeHtml(block.title)}</figcaption></figure>`;
}

function block(item: ReportBlock): string {
  switch (item.kind) {
    case 'paragraph': {
      const text = escapeHtml(item.text);
      return `<p>${item.emphasis === true ? `<strong>${text}</strong>` : text}</p>`;
    }
    case 'placeholder': {
      const { text, pending } = placeholderText(item);
      return `<p>${pending ? `<mark>${escapeHtml(text)}</mark>` : escapeHtml(text)}</p>`;
    }
    case 'list':
      return `<ul>${item.items.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
    case 'notice':
      return `<p class="notice">${escapeHtml(item.text)}</p>`;
    case 'table':
      return table(item);
    case 'chart':
      return chart(item);
  }
}

/** The report as one self-contained HTML page. */
export function renderHtml(document: ReportDocument): string {
  const date = chineseDate(document.generatedAt, document.period.timeZone);
  const sections = document.sections.map(
    (section, index) =>
      `<section><h2>${escapeHtml(sectionHeading(index, section.title))}</h2>${section.blocks.map(block).join('\n')}</section>`,
  );
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Fengxiang">
<title>${escapeHtml(`${document.title} ${issueLine(document)}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header class="masthead">
<div class="unit">${escapeHtml(document.unitName)}</div>
<h1>${escapeHtml(document.title)}</h1>
<div class="issue">${escapeHtml(issueLine(document))}</div>
<div class="unit-date"><span>${escapeHtml(document.unitName)}</span><span>${escapeHtml(date)}</span></div>
</header>
<p class="period">报告期：${escapeHtml(document.period.label)}</p>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
