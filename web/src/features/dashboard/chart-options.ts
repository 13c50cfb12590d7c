/**
 * The echarts options of the dashboard's charts, shared by the console (light) and the big screen (dark,
 * large type). Pure: data and texts in, an option object out.
 */
import type { Overview } from './api.js';
import { bucketLabel } from './aggregate.js';
import { mapRegionsOf, negativePercent, type MapRegion } from './provinces.js';

/** Colours and font size of a chart's surroundings. */
export interface ChartLook {
  text: string;
  line: string;
  fontSize: number;
}

/** The console's light look. */
export const LIGHT: ChartLook = { text: '#595959', line: '#f0f0f0', fontSize: 12 };

/** The big screen's dark look, readable from a distance. */
export const DARK: ChartLook = { text: '#c9d6ea', line: 'rgba(120,160,220,0.18)', fontSize: 20 };

/** The name the China map is registered under (china-map.ts registers it). */
export const CHINA_MAP = 'china';

const PALETTE = ['#1677ff', '#13c2c2', '#faad14', '#722ed1', '#eb2f96', '#52c41a', '#fa8c16', '#2f54eb'];

function axis(look: ChartLook) {
  return {
    axisLabel: { color: look.text, fontSize: look.fontSize },
    axisLine: { lineStyle: { color: look.line } },
    splitLine: { lineStyle: { color: look.line } },
  };
}

/** Volume (all items) and negative items per bucket. */
export function trendOption(overview: Overview, look: ChartLook, names: { total: string; negative: string }) {
  const labels = overview.volume.map((bucket) => bucketLabel(bucket.from, overview.bucket));
  return {
    color: ['#1677ff', '#f5222d'],
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, textStyle: { color: look.text, fontSize: look.fontSize } },
    grid: { left: 8, right: 16, top: 24, bottom: look.fontSize * 3, containLabel: true },
    xAxis: { type: 'category', data: labels, ...axis(look) },
    yAxis: { type: 'value', minInterval: 1, ...axis(look) },
    series: [
      {
        name: names.total,
        type: 'line',
        smooth: true,
        areaStyle: { opacity: 0.15 },
        showSymbol: labels.length <= 48,
        data: overview.volume.map((bucket) => bucket.total),
      },
      {
        name: names.negative,
        type: 'bar',
        barMaxWidth: 18,
        data: overview.volume.map((bucket) => bucket.negative),
      },
    ],
  };
}

/** The platform mix as a ring, at most 10 slices, each named by `label` (微博 rather than `weibo`). */
export function platformOption(overview: Overview, look: ChartLook, label: (code: string) => string) {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll', textStyle: { color: look.text, fontSize: look.fontSize } },
    series: [
      {
        type: 'pie',
        radius: ['40%', '66%'],
        center: ['50%', '42%'],
        label: { show: false },
        data: overview.platforms
          .slice(0, 10)
          .map((entry) => ({ name: label(entry.name), value: entry.count })),
      },
    ],
  };
}

/** The provinces ranked by items (a bar per province, negative items stacked apart), beside the map. */
export function provinceOption(
  overview: Overview,
  look: ChartLook,
  names: { other: string; negative: string },
  limit = 12,
) {
  const top = overview.provinces.slice(0, limit).reverse();
  return {
    color: ['#69b1ff', '#ff7875'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, textStyle: { color: look.text, fontSize: look.fontSize } },
    grid: { left: 8, right: 24, top: 8, bottom: look.fontSize * 3, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, ...axis(look) },
    yAxis: { type: 'category', data: top.map((entry) => entry.name), ...axis(look) },
    series: [
      {
        name: names.other,
        type: 'bar',
        stack: 'items',
        barMaxWidth: 22,
        data: top.map((entry) => entry.count - (entry.negative ?? 0)),
      },
      {
        name: names.negative,
        type: 'bar',
        stack: 'items',
        barMaxWidth: 22,
        data: top.map((entry) => entry.negative ?? 0),
      },
    ],
  };
}

/** The texts of the map's tooltip. */
export interface MapTexts {
  items: (count: number) => string;
  negativeShare: (percent: number) => string;
}

function isMapRegion(value: unknown): value is MapRegion {
  return typeof value === 'object' && value !== null && 'fullName' in value && 'negative' in value;
}

/**
 * The China map: provinces coloured by items (a continuous scale from the palest to the busiest region),
 * a tooltip with the official name, the items and the share of negative ones. Needs the map registered
 * (`loadChinaMap`).
 */
export function mapOption(overview: Overview, look: ChartLook, texts: MapTexts, dark = false) {
  const regions = mapRegionsOf(overview.provinces);
  const most = Math.max(1, ...regions.map((region) => region.value));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: { name: string; data?: unknown }) => {
        if (!isMapRegion(params.data)) return params.name;
        const region = params.data;
        return `${region.fullName}<br/>${texts.items(region.value)}<br/>${texts.negativeShare(negativePercent(region))}`;
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: most,
      left: 8,
      bottom: 8,
      calculable: false,
      itemHeight: look.fontSize * 8,
      textStyle: { color: look.text, fontSize: look.fontSize },
      inRange: { color: dark ? ['#12305a', '#1677ff', '#69e0ff'] : ['#e6f4ff', '#69b1ff', '#0958d9'] },
    },
    series: [
      {
        type: 'map',
        map: CHINA_MAP,
        roam: false,
        layoutCenter: ['50%', '55%'],
        layoutSize: '118%',
        label: { show: false },
        itemStyle: {
          areaColor: dark ? '#0d1f3c' : '#f5f5f5',
          borderColor: dark ? 'rgba(120,160,220,0.5)' : '#bfbfbf',
        },
        emphasis: {
          label: { show: true, color: dark ? '#fff' : '#000' },
          itemStyle: { areaColor: '#faad14' },
        },
        select: { disabled: true },
        data: regions,
      },
    ],
  };
}
