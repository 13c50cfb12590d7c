/**
 * Province names between our data and the map: items carry official full names (河南省, 北京市,
 * 广西壮族自治区) while the map data (echarts' china.json of 2018) names regions by their short names
 * (河南, 北京, 广西). Pure.
 */
import type { NamedCountLike } from './panel-types.js';

/** The short names the map knows, keyed by the official full name. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  北京市: '北京',
  天津市: '天津',
  上海市: '上海',
  重庆市: '重庆',
  河北省: '河北',
  山西省: '山西',
  辽宁省: '辽宁',
  吉林省: '吉林',
  黑龙江省: '黑龙江',
  江苏省: '江苏',
  浙江省: '浙江',
  安徽省: '安徽',
  福建省: '福建',
  江西省: '江西',
  山东省: '山东',
  河南省: '河南',
  湖北省: '湖北',
  湖南省: '湖南',
  广东省: '广东',
  海南省: '海南',
  四川省: '四川',
  贵州省: '贵州',
  云南省: '云南',
  陕西省: '陕西',
  甘肃省: '甘肃',
  青海省: '青海',
  台湾省: '台湾',
  内蒙古自治区: '内蒙古',
  广西壮族自治区: '广西',
  西藏自治区: '西藏',
  宁夏回族自治区: '宁夏',
  新疆维吾尔自治区: '新疆',
  香港特别行政区: '香港',
  澳门特别行政区: '澳门',
};

const MAP_NAMES = new Set(Object.values(SHORT_NAMES));

/**
 * The map's name of a province: the full name looked up, a short name kept as it is; null for a name the
 * map has no region for (abroad, a typo), which then shows in the ranking only.
 */
export function mapProvinceName(name: string): string | null {
  const trimmed = name.trim();
  return SHORT_NAMES[trimmed] ?? (MAP_NAMES.has(trimmed) ? trimmed : null);
}

/** One region of the map: its short name, items, negative items and the official name shown. */
export interface MapRegion {
  name: string;
  fullName: string;
  value: number;
  negative: number;
}

/** The provinces of an overview as map regions (counts of names that meet on one region are added). */
export function mapRegionsOf(provinces: readonly NamedCountLike[]): MapRegion[] {
  const regions = new Map<string, MapRegion>();
  for (const province of provinces) {
    const name = mapProvinceName(province.name);
    if (name === null) continue;
    const region = regions.get(name) ?? { name, fullName: province.name, value: 0, negative: 0 };
    region.value += province.count;
    region.negative += province.negative ?? 0;
    regions.set(name, region);
  }
  return [...regions.values()];
}

/** The share of negative items as a whole percent (0 when there are no items). */
export function negativePercent(region: Pick<MapRegion, 'value' | 'negative'>): number {
  return region.value === 0 ? 0 : Math.round((region.negative / region.value) * 100);
}
