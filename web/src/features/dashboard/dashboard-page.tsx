/**
 * 总览: the picture of one unit (or every unit in scope) over a time range, counted by the server in one
 * overview answer, refreshed every minute. `data-ready` is set on the page once every panel has its data
 * (the first-load benchmark waits for it).
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Col, Row, Segmented, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Item } from '../../api/types.js';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { RANGES, type RangeKey, rangeOf } from './aggregate.js';
import { fetchLatestItems, fetchOverview, type Overview } from './api.js';
import {
  AlertsPanel,
  CasesPanel,
  EventsPanel,
  Figures,
  KeywordPanel,
  PlatformPanel,
  ProvincePanel,
  TrendPanel,
} from './overview-panels.js';
import { LatestItemsPanel } from './panels.js';
import './dashboard.css';

/** How often the dashboard reloads by itself. */
export const REFRESH_MS = 60_000;

interface Loaded {
  overview: Overview;
  items: Item[];
  at: Date;
}

function useDashboard(rangeKey: RangeKey) {
  const { api, unitId } = useSignedIn();
  const showError = useShowError();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    const range = rangeOf(rangeKey, new Date());
    setLoading(true);
    try {
      const [overview, items] = await Promise.all([
        fetchOverview(api.http, range, unitId),
        fetchLatestItems(api, range, unitId),
      ]);
      setLoaded({ overview, items, at: new Date() });
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  }, [api, rangeKey, unitId, showError]);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);
  return { loaded, loading, load };
}

function Panels({ loaded }: { loaded: Loaded }) {
  const { t, language } = useI18n();
  const { overview, items } = loaded;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Figures overview={overview} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={16}>
          <TrendPanel overview={overview} />
        </Col>
        <Col xs={24} lg={8}>
          <PlatformPanel overview={overview} />
        </Col>
        <Col xs={24} xl={16}>
          <ProvincePanel overview={overview} />
        </Col>
        <Col xs={24} xl={8}>
          <KeywordPanel overview={overview} />
        </Col>
        {overview.events && (
          <Col xs={24} lg={12}>
            <EventsPanel events={overview.events} />
          </Col>
        )}
        {overview.alerts && (
          <Col xs={24} lg={12}>
            <AlertsPanel alerts={overview.alerts} />
          </Col>
        )}
        <Col xs={24} lg={12}>
          <LatestItemsPanel items={items} />
        </Col>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {overview.incidents && (
              <CasesPanel title={t('dash.incidents')} cases={overview.incidents} testId="due-incidents" />
            )}
            {overview.appeals && (
              <CasesPanel title={t('dash.appeals')} cases={overview.appeals} testId="due-appeals" />
            )}
          </Space>
        </Col>
      </Row>
      <Typography.Text type="secondary">
        {t('common.updatedAt', { time: loaded.at.toLocaleTimeString(language === 'zh' ? 'zh-CN' : 'en-US') })}
      </Typography.Text>
    </Space>
  );
}

/** The dashboard page. */
export function DashboardPage() {
  const { t } = useI18n();
  const [rangeKey, setRangeKey] = useState<RangeKey>('today');
  const { loaded, loading, load } = useDashboard(rangeKey);
  return (
    <div className="fx-page" data-testid="dashboard" data-ready={loaded ? 'true' : undefined}>
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
      {loaded === null ? <Spin size="large" className="fx-center" /> : <Panels loaded={loaded} />}
    </div>
  );
}
