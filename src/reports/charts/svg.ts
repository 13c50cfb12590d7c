/** Charts drawn on the server with echarts 5 SSR (no DOM, no canvas) to an SVG string. */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts/types/dist/echarts';
import type { ChartBlock } from '../../domain/index.js';
import { NO_DATA_TEXT, chartHasData, chartOption, type ChartOption } from './option.js';

/**
 * echarts' type declarations use `export =`, which a NodeNext ES module cannot import; its CommonJS build
 * is loaded through require and typed with the declarations.
 */
const echarts = createRequire(import.meta.url)('echarts') as typeof Echarts;

/** Size and font of a drawn chart, in CSS pixels. */
export interface ChartRenderOptions {
  width: number;
  height: number;
  /** The family name the SVG text asks for (a PNG or PDF renderer maps it to a real font). */
  fontFamily: string;
}

/** The size a chart is drawn at by default: a long horizontal ranking gets taller, never squeezed. */
export function chartSize(block: ChartBlock): { width: number; height: number } {
  const rows = block.horizontal === true ? block.categories.length : 0;
  return { width: 640, height: Math.max(340, 60 + rows * 30) };
}

function emptyOption(fontFamily: string): ChartOption {
  return {
    animation: false,
    backgroundColor: '#FFFFFF',
    graphic: {
      type: 'text',
      left: 'center',
      top: 'middle',
      style: { text: NO_DATA_TEXT, fontSize: 16, fontFamily, fill: '#595959' },
    },
  };
}

/** The chart as a standalone SVG document; a chart with no data says "本期无数据" instead of empty axes. */
export function chartSvg(block: ChartBlock, options: ChartRenderOptions): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: options.width,
    height: options.height,
  });
  try {
    const option = chartHasData(block)
      ? chartOption(block, options.fontFamily)
      : emptyOption(options.fontFamily);
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
