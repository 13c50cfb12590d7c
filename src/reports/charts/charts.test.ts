import { describe, expect, it } from 'vitest';
import type { ChartBlock } from '../../domain/index.js';
import { findCjkFont } from '../render/fonts.js';
import { NO_DATA_TEXT, PNG_DENSITY, chartHasData, chartPng, chartSvg } from './index.js';

const SIZE = { width: 480, height: 300, fontFamily: 'Noto Sans CJK SC' };

const bar: ChartBlock = {
  kind: 'chart',
  chart: 'bar',
  title: '各平台信息量',
  categories: ['微博', '微信', '抖音'],
  series: [{ name: '信息量', values: [5120, 2904, 311] }],
  figures: [],
};

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(bytes);
  expect(buffer.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(buffer.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

describe('chartSvg', () => {
  it('draws bars with Chinese category labels and grouped value labels', () => {
    const svg = chartSvg(bar, SIZE);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of ['微博', '微信', '抖音', '5,120', '2,904', '311'])
      expect(svg).toContain(`>${label}<`);
    expect(svg).toContain('font-family:Noto Sans CJK SC');
    expect(svg).not.toContain('<animate');
  });

  it('draws horizontal rankings, lines with legends and pies with shares', () => {
    const horizontal = chartSvg(
      { ...bar, horizontal: true, categories: ['城东片区供水管网改造停水', '地铁停运', '医院开诊'] },
      SIZE,
    );
    expect(horizontal).toContain('>城东片区供水管网改造停水<');
    const line = chartSvg(
      { ...bar, chart: 'line', series: [...bar.series, { name: '负面信息', values: [902, 311, 46] }] },
      SIZE,
    );
    expect(line).toContain('>负面信息<');
    expect(line).toContain('>902<');
    const pie = chartSvg(
      {
        ...bar,
        chart: 'pie',
        categories: ['正面', '中性', '负面'],
        series: [{ name: '条数', values: [1, 2, 1] }],
      },
      SIZE,
    );
    expect(pie).toContain('>2（50.0%）<');
    expect(pie).toContain('>中性<');
  });

  it('says there is no data instead of drawing empty axes', () => {
    const empty: ChartBlock = { ...bar, series: [{ name: '信息量', values: [0, 0, 0] }] };
    expect(chartHasData(empty)).toBe(false);
    expect(chartHasData({ ...bar, categories: [] })).toBe(false);
    expect(chartHasData(bar)).toBe(true);
    const svg = chartSvg(empty, SIZE);
    expect(svg).toContain(NO_DATA_TEXT);
    expect(svg).not.toContain('>微博<');
  });

  it('escapes label text', () => {
    const svg = chartSvg({ ...bar, categories: ['<b>甲</b>', 'A&B', '乙'] }, SIZE);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;甲');
  });
});

describe('chartPng', () => {
  it('rasterises at twice the size with the CJK font', async () => {
    const font = await findCjkFont();
    const png = await chartPng(bar, { width: 480, height: 300, font });
    expect(pngSize(png)).toEqual({ width: 480 * PNG_DENSITY, height: 300 * PNG_DENSITY });
  });

  it('draws the labels (resvg draws no text at all when it lacks the font)', async () => {
    const font = await findCjkFont({ systemFonts: false });
    const labelled = await chartPng(bar, { width: 320, height: 200, font });
    const blank = await chartPng({ ...bar, categories: ['', '', ''] }, { width: 320, height: 200, font });
    expect(pngSize(labelled)).toEqual({ width: 640, height: 400 });
    expect(Buffer.from(labelled).equals(Buffer.from(blank))).toBe(false);
  });
});
