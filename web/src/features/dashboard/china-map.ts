/**
 * The China map, loaded on first use (the dashboard imports this module dynamically): the map series and visual map are registered with echarts and the
 * region outlines (echarts 4.9's `china.json`, Apache-2.0, about 60 kB in echarts' compressed encoding,
 * which echarts 5 still decodes) are fetched as a separate asset, so the console's first load does not
 * carry them. Registered once per page.
 */
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import chinaUrl from 'echarts-geo-2018/map/json/china.json?url';
import { CHINA_MAP } from './chart-options.js';

let loading: Promise<void> | null = null;

async function fetchAndRegister(): Promise<void> {
  const response = await fetch(chinaUrl, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`china map: HTTP ${response.status}`);
  echarts.use([MapChart, VisualMapComponent]);
  echarts.registerMap(CHINA_MAP, (await response.json()) as Parameters<typeof echarts.registerMap>[1]);
}

/** Resolves when the China map can be drawn; a failed load may be retried by calling again. */
export function loadChinaMap(): Promise<void> {
  loading ??= fetchAndRegister().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
