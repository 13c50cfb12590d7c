/** 总览: the day's picture for one unit and time range, refreshed every minute. */
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Segmented, Space, Spin, Statistic, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { platformMix, RANGES, type RangeKey, rangeOf, trendOf } from './aggregate.js';
import { type DashboardData, loadDashboard } from './load.js';
import {
  AlertsPanel,
  AppealsPanel,
  EventsPanel,
  IncidentsPanel,
  LatestItemsPanel,
  PlatformPanel,
  TrendPanel,
} from './panels.js';

/** How often the dashboard reloads by itself. */
export const REFRESH_MS = 60_000;

function Figures({ data }: { data: DashboardData }) {
  const { t } = useI18n();
  const figures = [
    { title: t('dash.total'), value: data.items.length, color: undefined },
    {
      title: t('dash.negative'),
      value: data.items.filter((item) => item.sentiment === 'negative').length,
      color: '#cf1322',
    },
    {
      title: t('dash.alertsOpen'),
      value: data.alerts.filter((alert) => alert.status !== 'closed').length,
      color: '#d46b08',
    },
    { title: t('dash.incidentsOpen'), value: data.incidents.length, color: undefined },
  ];
  return (
    <Row gutter={[12, 12]}>
      {figures.map((figure) => (
        <Col xs={12} md={6} key={figure.title}>
          <Card size="small">
            <Statistic
              title={figure.title}
              value={figure.value}
              styles={{ content: { color: figure.color } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The dashboard page. */
export function DashboardPage() {
  const { t } = useI18n();
  const { api, unitId, can } = useSignedIn();
  const showError = useShowError();
  const [rangeKey, setRangeKey] = useState<RangeKey>('today');
  const [data, setData] = useState<DashboardData | null>(null);
  const [loading, setLoading] = useState(false);
  const [range, setRange] = useState(() => rangeOf('today', new Date()));
  const load = useCallback(async () => {
    const next = rangeOf(rangeKey, new Date());
    setLoading(true);
    try {
      setData(await loadDashboard(api, next, unitId, can));
      setRange(next);
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  }, [api, rangeKey, unitId, can, showError]);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);
  const trend = useMemo(() => (data ? trendOf(data.items, range) : []), [data, range]);
  const mix = useMemo(() => (data ? platformMix(data.items, t('dash.unknownPlatform')) : []), [data, t]);
  return (
    <div className="fx-page" data-testid="dashboard">
      <div className="fx-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.dashboard')}
        </Typography.Title>
        <Space wrap>
          <Segmented<RangeKey>
            value={rangeKey}
            onChange={setRangeKey}
            options={RANGES.map((key) => ({ value: key, label: t(`range.${key}`) }))}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            {t('common.refresh')}
          </Button>
        </Space>
      </div>
      {data === null ? (
        <Spin size="large" className="fx-center" />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Figures data={data} />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={16}>
              <TrendPanel
                trend={trend}
                note={data.truncated ? t('common.sampled', { count: data.items.length }) : null}
              />
            </Col>
            <Col xs={24} lg={8}>
              <PlatformPanel mix={mix} />
            </Col>
            <Col xs={24} lg={12}>
              <EventsPanel events={data.events} />
            </Col>
            <Col xs={24} lg={12}>
              <AlertsPanel alerts={data.alerts} />
            </Col>
            <Col xs={24} lg={12}>
              <LatestItemsPanel items={data.items} />
            </Col>
            <Col xs={24} lg={12}>
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                <IncidentsPanel incidents={data.incidents} />
                <AppealsPanel appeals={data.appeals} />
              </Space>
            </Col>
          </Row>
          <Typography.Text type="secondary">
            {t('common.updatedAt', { time: data.loadedAt.toLocaleTimeString() })}
          </Typography.Text>
        </Space>
      )}
    </div>
  );
}
