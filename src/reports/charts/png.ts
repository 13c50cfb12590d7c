/**
 * Charts as PNG for formats that cannot hold SVG (DOCX): the echarts SVG rasterised by resvg at twice the
 * size so it prints sharply. resvg is given the Chinese font files explicitly and no system fonts, so the
 * output is the same on every machine that has the same font.
 */
import { Resvg } from '@resvg/resvg-js';
import type { ChartBlock } from '../../domain/index.js';
import { findCjkFont, type CjkFont } from '../render/fonts.js';
import { chartSvg, type ChartRenderOptions } from './svg.js';

/** PNG pixels per SVG pixel. */
export const PNG_DENSITY = 2;

/** PNG options: the SVG size and, when the caller already has it, the font (found otherwise). */
export interface ChartPngOptions extends Partial<ChartRenderOptions> {
  width: number;
  height: number;
  font?: CjkFont;
}

/** The chart as PNG bytes at {@link PNG_DENSITY}× the given size, text in the Chinese sans face. */
export async function chartPng(block: ChartBlock, options: ChartPngOptions): Promise<Uint8Array> {
  const font = options.font ?? (await findCjkFont());
  const family = font.sans.family;
  const svg = chartSvg(block, { width: options.width, height: options.height, fontFamily: family });
  const resvg = new Resvg(svg, {
    background: '#FFFFFF',
    fitTo: { mode: 'zoom', value: PNG_DENSITY },
    font: {
      // Charts print no bold text; loading one face file keeps each chart to a fraction of a second.
      fontFiles: [font.sans.path],
      loadSystemFonts: false,
      defaultFontFamily: family,
      sansSerifFamily: family,
      serifFamily: family,
    },
  });
  return new Uint8Array(resvg.render().asPng());
}
