/**
 * The dashboard's China map: official province names (as the analysis writes them) meet the short names
 * of echarts' 2018 china.json, every region of the map is reachable, and echarts 5 decodes the file's
 * compressed coordinates into real longitudes and latitudes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts/types/dist/echarts';
import { describe, expect, it } from 'vitest';
import { platformLabel } from '../../src/contract/platforms.js';
import { PROVINCES } from '../../web/src/features/items/options.js';
import {
  mapProvinceName,
  mapRegionsOf,
  negativePercent,
} from '../../web/src/features/dashboard/provinces.js';

const require = createRequire(import.meta.url);
/** echarts' declarations use `export =`; its CommonJS build is loaded through require (as reports/charts does). */
const { parseGeoJSON } = require('echarts') as typeof Echarts;
const chinaJson = JSON.parse(
  readFileSync(require.resolve('echarts-geo-2018/map/json/china.json'), 'utf8'),
) as Parameters<typeof parseGeoJSON>[0] & { features: { properties: { name: string } }[] };

describe('province names on the China map', () => {
  it('maps official full names to the map’s short names', () => {
    expect(mapProvinceName('河南省')).toBe('河南');
    expect(mapProvinceName('北京市')).toBe('北京');
    expect(mapProvinceName('广西壮族自治区')).toBe('广西');
    expect(mapProvinceName('新疆维吾尔自治区')).toBe('新疆');
    expect(mapProvinceName('内蒙古自治区')).toBe('内蒙古');
    expect(mapProvinceName('香港特别行政区')).toBe('香港');
    expect(mapProvinceName('黑龙江省')).toBe('黑龙江');
  });

  it('keeps short names and refuses names the map has no region for', () => {
    expect(mapProvinceName('广东')).toBe('广东');
    expect(mapProvinceName(' 浙江省 ')).toBe('浙江');
    expect(mapProvinceName('海外')).toBeNull();
    expect(mapProvinceName('苏州市')).toBeNull();
  });

  it('reaches every region of china.json from the official names the console offers', () => {
    const onMap = chinaJson.features.map((feature) => feature.properties.name).sort();
    expect(onMap).toHaveLength(34);
    const reached = PROVINCES.map((name) => mapProvinceName(name)).sort();
    expect(reached).toEqual(onMap);
  });

  it('adds up names that meet on one region and skips the rest', () => {
    const regions = mapRegionsOf([
      { name: '江苏省', count: 7, negative: 2 },
      { name: '江苏', count: 3, negative: 1 },
      { name: '海外', count: 9, negative: 9 },
      { name: '北京市', count: 4 },
    ]);
    expect(regions).toEqual([
      { name: '江苏', fullName: '江苏省', value: 10, negative: 3 },
      { name: '北京', fullName: '北京市', value: 4, negative: 0 },
    ]);
    expect(negativePercent(regions[0] ?? { value: 0, negative: 0 })).toBe(30);
    expect(negativePercent({ value: 0, negative: 0 })).toBe(0);
  });

  it('decodes the compressed 2018 outlines with echarts 5 into longitudes and latitudes of China', () => {
    const rect = parseGeoJSON(chinaJson, 'name')
      .find((region) => region.name === '河南')
      ?.getBoundingRect();
    if (!rect) throw new Error('河南 is missing from china.json');
    // 河南 lies between about 110.3°E–116.7°E and 31.4°N–36.4°N.
    expect(rect.x).toBeGreaterThan(109);
    expect(rect.x + rect.width).toBeLessThan(118);
    expect(rect.y).toBeGreaterThan(30);
    expect(rect.y + rect.height).toBeLessThan(37.5);
  });
});

describe('platform names', () => {
  it('names platform codes in Chinese and English and keeps unknown names', () => {
    expect(platformLabel('weibo', 'zh')).toBe('微博');
    expect(platformLabel('Weibo', 'en')).toBe('Weibo');
    expect(platformLabel('wechat', 'zh')).toBe('微信');
    expect(platformLabel('douyin', 'zh')).toBe('抖音');
    expect(platformLabel('news', 'en')).toBe('News sites');
    expect(platformLabel('某某论坛', 'zh')).toBe('某某论坛');
  });
});
