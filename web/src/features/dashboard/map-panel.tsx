/**
 * 地域分布: the China map (provinces coloured by items) beside the province ranking. The map module and its
 * outlines load on first use; until then, or if they cannot load, the ranking stands alone. On a phone the
 * ranking comes first and the map below it.
 */
import { Col, Row, Spin } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Chart } from '../../charts.js';
import { useI18n } from '../../i18n/context.js';
import type { Overview } from './api.js';
import { type ChartLook, mapOption } from './chart-options.js';
import { mapRegionsOf } from './provinces.js';

/** 'loading', 'ready' or 'failed': whether the China map is registered. */
export type MapState = 'loading' | 'ready' | 'failed';

/** Loads (once per page) and registers the China map; the state says when it can be drawn. */
export function useChinaMap(): MapState {
  const [state, setState] = useState<MapState>('loading');
  useEffect(() => {
    let live = true;
    import('./china-map.js')
      .then((module) => module.loadChinaMap())
      .then(
        () => live && setState('ready'),
        () => live && setState('failed'),
      );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** The China map of an overview, `height` pixels tall, in the light or dark look. */
export function ChinaMap({
  overview,
  look,
  height,
  dark = false,
}: {
  overview: Overview;
  look: ChartLook;
  height: number;
  dark?: boolean;
}) {
  const { t } = useI18n();
  const state = useChinaMap();
  if (state === 'failed') return null;
  if (state === 'loading') return <Spin className="fx-center" style={{ height }} />;
  const texts = {
    items: (count: number) => t('dash.itemCount', { count }),
    negativeShare: (percent: number) => t('dash.negativeShare', { percent }),
  };
  return (
    <div
      data-testid="china-map"
      data-regions={mapRegionsOf(overview.provinces)
        .map((region) => `${region.name}:${region.value}`)
        .join('|')}
    >
      <Chart option={mapOption(overview, look, texts, dark)} height={height} />
    </div>
  );
}

/** The map and the ranking side by side (stacked, ranking first, on a phone). */
export function MapAndRanking({
  overview,
  look,
  ranking,
}: {
  overview: Overview;
  look: ChartLook;
  ranking: ReactNode;
}) {
  return (
    <Row gutter={[12, 12]}>
      <Col xs={{ span: 24, order: 2 }} md={{ span: 14, order: 1 }}>
        <ChinaMap overview={overview} look={look} height={320} />
      </Col>
      <Col xs={{ span: 24, order: 1 }} md={{ span: 10, order: 2 }}>
        {ranking}
      </Col>
    </Row>
  );
}
