/**
 * The echarts option for a report chart, pure: a sober office palette, Chinese labels in the given font,
 * value labels on bars and slices, no animation (server-side rendering draws the final frame only).
 */
import type {
  BarSeriesOption,
  ComposeOption,
  GraphicComponentOption,
  GridComponentOption,
  LegendComponentOption,
  LineSeriesOption,
  PieSeriesOption,
  XAXisComponentOption,
  YAXisComponentOption,
} from 'echarts/types/dist/echarts';
import type { ChartBlock } from '../../domain/index.js';

/** The option shape of the parts report charts use. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | GraphicComponentOption
  | XAXisComponentOption
  | YAXisComponentOption
>;
type SeriesOption = BarSeriesOption | LineSeriesOption | PieSeriesOption;

/** Muted colours that print well in colour and stay distinct in greyscale. */
export const OFFICE_PALETTE = [
  '#2F5597',
  '#C55A11',
  '#548235',
  '#7F6000',
  '#7030A0',
  '#2E75B6',
  '#7F7F7F',
  '#BF9000',
];

const TEXT_COLOR = '#262626';
const AXIS_COLOR = '#8C8C8C';
const GRID_COLOR = '#E5E5E5';
/** Line charts print point values only when they stay readable. */
const MAX_LABELLED_POINTS = 12;
/** Horizontal bar labels longer than this are cut with an ellipsis. */
const CATEGORY_LABEL_WIDTH = 150;

/** A number with thousands separators, as every printed count. */
export function groupDigits(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function valueOf(params: unknown): number {
  const value = (params as { value?: unknown }).value;
  return typeof value === 'number' ? value : Number(value);
}

function pieSeries(block: ChartBlock): SeriesOption[] {
  const values = block.series[0]?.values ?? [];
  return [
    {
      type: 'pie',
      radius: ['0%', '60%'],
      center: ['50%', '56%'],
      data: block.categories.map((name, i) => ({ name, value: values[i] ?? 0 })),
      label: {
        formatter: (params) =>
          `${params.name}\n${groupDigits(valueOf(params))}（${(params.percent ?? 0).toFixed(1)}%）`,
        lineHeight: 16,
        color: TEXT_COLOR,
        textBorderWidth: 0,
        textBorderColor: 'transparent',
      },
    },
  ];
}

function cartesianSeries(block: ChartBlock): SeriesOption[] {
  const labelled = block.chart === 'bar' || block.categories.length <= MAX_LABELLED_POINTS;
  return block.series.map((series) => ({
    type: block.chart === 'line' ? 'line' : 'bar',
    name: series.name,
    data: series.values,
    barMaxWidth: 36,
    symbolSize: 6,
    label: {
      show: labelled && (block.chart === 'bar' || block.series.length <= 2),
      position: block.horizontal === true ? 'right' : 'top',
      formatter: (params: unknown) => groupDigits(valueOf(params)),
      color: TEXT_COLOR,
      textBorderWidth: 0,
      textBorderColor: 'transparent',
    },
  })) as SeriesOption[];
}

function axes(block: ChartBlock): Pick<ChartOption, 'xAxis' | 'yAxis'> {
  const longest = Math.max(0, ...block.categories.map((name) => name.length));
  const category = {
    type: 'category' as const,
    data: block.categories,
    axisLine: { lineStyle: { color: AXIS_COLOR } },
    axisTick: { alignWithLabel: true },
    axisLabel: {
      color: TEXT_COLOR,
      interval: block.horizontal === true ? 0 : ('auto' as const),
      rotate: block.horizontal !== true && block.categories.length * Math.max(longest, 2) > 40 ? 30 : 0,
      width: CATEGORY_LABEL_WIDTH,
      overflow: 'truncate' as const,
    },
    inverse: block.horizontal === true,
  };
  const value = {
    type: 'value' as const,
    axisLabel: { color: TEXT_COLOR, formatter: (value: number) => groupDigits(value) },
    splitLine: { lineStyle: { color: GRID_COLOR } },
  };
  return block.horizontal === true ? { xAxis: value, yAxis: category } : { xAxis: category, yAxis: value };
}

/** The full echarts option of a chart block drawn in `fontFamily`. */
export function chartOption(block: ChartBlock, fontFamily: string): ChartOption {
  const legend = block.chart === 'pie' || block.series.length > 1;
  const base: ChartOption = {
    animation: false,
    backgroundColor: '#FFFFFF',
    color: OFFICE_PALETTE,
    textStyle: { fontFamily, fontSize: 12, color: TEXT_COLOR },
    legend: legend ? { show: true, top: 8, textStyle: { fontFamily, color: TEXT_COLOR } } : { show: false },
  };
  if (block.chart === 'pie') return { ...base, series: pieSeries(block) };
  return {
    ...base,
    grid: { left: 16, right: 40, top: legend ? 44 : 28, bottom: 24, containLabel: true },
    ...axes(block),
    series: cartesianSeries(block),
  };
}

/** True when the chart has something to draw: at least one category and one non-zero value. */
export function chartHasData(block: ChartBlock): boolean {
  return (
    block.categories.length > 0 && block.series.some((series) => series.values.some((value) => value !== 0))
  );
}

/** The words printed instead of a chart with nothing to draw. */
export const NO_DATA_TEXT = '本期无数据';
