/** Server-side charts for reports: echarts SSR to SVG, resvg to PNG. */
export { chartSvg, chartSize, type ChartRenderOptions } from './svg.js';
export { chartPng, PNG_DENSITY, type ChartPngOptions } from './png.js';
export { chartHasData, chartOption, groupDigits, NO_DATA_TEXT, OFFICE_PALETTE } from './option.js';
