/** The dashboard panels drawn from the overview answer; collected text is rendered as text. */
import { Col, List, Progress, Row, Space, Statistic, Table, Tag, Typography, Card } from 'antd';
import { platformLabel } from '../../../../src/contract/platforms.js';
import { Chart } from '../../charts.js';
import { useI18n } from '../../i18n/context.js';
import type { Overview } from './api.js';
import { LIGHT, platformOption, provinceOption, trendOption } from './chart-options.js';
import { MapAndRanking } from './map-panel.js';
import { LEVEL_COLORS, Panel, time } from './panels.js';
import { WordCloud } from './word-cloud.js';

type EventRow = NonNullable<Overview['events']>[number];
type CaseSection = NonNullable<Overview['incidents']>;

/** The headline figures: items, negative items, alerts raised, incidents in progress. */
export function Figures({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const figures = [
    { key: 'total', title: t('dash.total'), value: overview.totals.total, color: undefined },
    { key: 'negative', title: t('dash.negative'), value: overview.totals.negative, color: '#cf1322' },
    ...(overview.alerts
      ? [{ key: 'alerts', title: t('dash.alertsRaised'), value: overview.alerts.raised, color: '#d46b08' }]
      : []),
    ...(overview.incidents
      ? [
          {
            key: 'incidents',
            title: t('dash.incidentsOpen'),
            value: overview.incidents.inProgress,
            color: undefined,
          },
        ]
      : []),
  ];
  return (
    <Row gutter={[12, 12]}>
      {figures.map((figure) => (
        <Col xs={12} md={6} key={figure.key}>
          <Card size="small">
            <Statistic
              title={figure.title}
              value={figure.value}
              styles={{ content: { color: figure.color } }}
              data-testid={`figure-${figure.key}`}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Volume and negative items over the range. */
export function TrendPanel({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const option = trendOption(overview, LIGHT, { total: t('dash.total'), negative: t('dash.negative') });
  return (
    <Panel title={t('dash.volume')} empty={false}>
      <Chart option={option} height={300} />
    </Panel>
  );
}

/** The platform mix, platforms by name (微博, not `weibo`) in the console's language. */
export function PlatformPanel({ overview }: { overview: Overview }) {
  const { t, language } = useI18n();
  const label = (code: string) => platformLabel(code, language);
  return (
    <Panel title={t('dash.platforms')} empty={overview.platforms.length === 0}>
      <div
        data-testid="platform-ring"
        data-platforms={overview.platforms.map((p) => label(p.name)).join('|')}
      >
        <Chart option={platformOption(overview, LIGHT, label)} height={300} />
      </div>
    </Panel>
  );
}

/** Items by province: the China map beside the ranking. */
export function ProvincePanel({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const names = { other: t('dash.nonNegative'), negative: t('dash.negative') };
  return (
    <Panel title={t('dash.regions')} empty={overview.provinces.length === 0}>
      <MapAndRanking
        overview={overview}
        look={LIGHT}
        ranking={
          <div data-testid="province-ranking">
            <Chart option={provinceOption(overview, LIGHT, names)} height={320} />
          </div>
        }
      />
    </Panel>
  );
}

/** The keywords of the range as a cloud. */
export function KeywordPanel({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const note = overview.keywords.truncated
    ? t('dash.keywordsSampled', { count: overview.keywords.itemsCounted })
    : null;
  return (
    <Panel
      title={t('dash.keywords')}
      empty={overview.keywords.items.length === 0}
      extra={
        note && (
          <Typography.Text type="secondary" className="fx-dash-note">
            {note}
          </Typography.Text>
        )
      }
    >
      <WordCloud
        words={overview.keywords.items}
        minSize={13}
        maxSize={40}
        countLabel={(count) => t('dash.itemCount', { count })}
      />
    </Panel>
  );
}

/** The hottest events with heat and stage. */
export function EventsPanel({ events }: { events: EventRow[] }) {
  const { t } = useI18n();
  return (
    <Panel title={t('dash.topEvents')} empty={events.length === 0}>
      <Table<EventRow>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={events.slice(0, 8)}
        scroll={{ x: 420 }}
        data-testid="top-events"
        columns={[
          { title: t('reports.title'), dataIndex: 'title', ellipsis: true },
          { title: t('dash.inPeriod'), dataIndex: 'itemsInPeriod', width: 70 },
          {
            title: t('dash.heat'),
            dataIndex: 'heat',
            width: 120,
            render: (heat: number | null) => <Progress percent={Math.round(heat ?? 0)} size="small" />,
          },
          {
            title: t('dash.stage'),
            dataIndex: 'stage',
            width: 80,
            render: (stage: EventRow['stage']) => <Tag>{t(`stage.${stage}`)}</Tag>,
          },
        ]}
      />
    </Panel>
  );
}

/** The alerts raised in the range, newest first. */
export function AlertsPanel({ alerts }: { alerts: NonNullable<Overview['alerts']> }) {
  const { t } = useI18n();
  return (
    <Panel title={t('dash.latestAlerts')} empty={alerts.list.length === 0}>
      <List
        size="small"
        dataSource={alerts.list.slice(0, 8)}
        data-testid="latest-alerts"
        renderItem={(alert) => (
          <List.Item>
            <Space size={6} style={{ minWidth: 0 }}>
              <Tag color={LEVEL_COLORS[alert.level]}>{t(`level.${alert.level}`)}</Tag>
              <Typography.Text ellipsis style={{ maxWidth: 260 }}>
                {alert.title}
              </Typography.Text>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {time(alert.raisedAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Panel>
  );
}

/** Open incidents or appeals, nearest deadline first, overdue ones marked. */
export function CasesPanel({ title, cases, testId }: { title: string; cases: CaseSection; testId: string }) {
  const { t } = useI18n();
  return (
    <Panel
      title={title}
      empty={cases.list.length === 0}
      extra={
        cases.overdue > 0 ? <Tag color="red">{t('dash.overdueCount', { count: cases.overdue })}</Tag> : null
      }
    >
      <List
        size="small"
        dataSource={cases.list.slice(0, 6)}
        data-testid={testId}
        renderItem={(entry) => (
          <List.Item>
            <Typography.Text ellipsis style={{ maxWidth: 240 }}>
              {entry.title}
            </Typography.Text>
            <Space size={4}>
              {entry.overdue && <Tag color="red">{t('dash.overdue')}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dash.due')} {entry.dueAt ? time(entry.dueAt) : '—'}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Panel>
  );
}
