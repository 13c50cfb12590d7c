/** The panels of the dashboard; every collected text is rendered as text (React escapes it). */
import { Card, Empty, List, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Alert, Appeal, EventRecord, Incident, Item } from '../../api/types.js';
import { Chart } from '../../charts.js';
import { useI18n } from '../../i18n/context.js';
import type { TrendBucket } from './aggregate.js';

const LEVEL_COLORS: Record<Alert['level'], string> = {
  red: 'red',
  orange: 'orange',
  yellow: 'gold',
  blue: 'blue',
};
const SENTIMENT_COLORS = { positive: 'green', neutral: 'default', negative: 'red' } as const;

function time(iso: string): string {
  const date = new Date(iso);
  return `${date.getMonth() + 1}-${date.getDate()} ${String(date.getHours()).padStart(2, '0')}:${String(
    date.getMinutes(),
  ).padStart(2, '0')}`;
}

/** A titled card with an empty state. */
export function Panel({
  title,
  empty,
  children,
  extra,
}: {
  title: string;
  empty: boolean;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card title={title} size="small" extra={extra} className="fx-panel">
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} /> : children}
    </Card>
  );
}

/** Volume and sentiment over time. */
export function TrendPanel({ trend, note }: { trend: TrendBucket[]; note: string | null }) {
  const { t } = useI18n();
  const series = (['negative', 'neutral', 'positive'] as const).map((key) => ({
    name: t(`sentiment.${key}`),
    type: 'bar',
    stack: 'sentiment',
    barMaxWidth: 36,
    data: trend.map((bucket) => bucket[key]),
  }));
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 24, bottom: 48 },
    color: ['#f5222d', '#bfbfbf', '#52c41a', '#1677ff'],
    xAxis: { type: 'category', data: trend.map((bucket) => bucket.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...series,
      { name: t('dash.total'), type: 'line', smooth: true, data: trend.map((bucket) => bucket.total) },
    ],
  };
  return (
    <Panel
      title={t('dash.volume')}
      empty={false}
      extra={note && <Typography.Text type="secondary">{note}</Typography.Text>}
    >
      <Chart option={option} height={300} />
    </Panel>
  );
}

/** The platform mix as a ring. */
export function PlatformPanel({ mix }: { mix: { name: string; value: number }[] }) {
  const { t } = useI18n();
  const option = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '44%'],
        data: mix.slice(0, 12),
        label: { show: false },
      },
    ],
  };
  return (
    <Panel title={t('dash.platforms')} empty={mix.length === 0}>
      <Chart option={option} height={300} />
    </Panel>
  );
}

/** The newest items: title and an excerpt, as text. */
export function LatestItemsPanel({ items }: { items: Item[] }) {
  const { t } = useI18n();
  return (
    <Panel title={t('dash.latestItems')} empty={items.length === 0}>
      <List
        size="small"
        dataSource={items.slice(0, 8)}
        data-testid="latest-items"
        renderItem={(item) => (
          <List.Item>
            <List.Item.Meta
              title={
                <div className="fx-item-head">
                  {item.sentiment && (
                    <Tag color={SENTIMENT_COLORS[item.sentiment]}>{t(`sentiment.${item.sentiment}`)}</Tag>
                  )}
                  <Typography.Text strong ellipsis className="fx-item-title">
                    {item.title ?? item.content.slice(0, 40)}
                  </Typography.Text>
                </div>
              }
              description={
                <>
                  <Typography.Paragraph
                    ellipsis={{ rows: 2 }}
                    className="fx-item-text"
                    style={{ marginBottom: 2 }}
                  >
                    {item.content}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[item.platform, item.author, time(item.publishedAt)].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Panel>
  );
}

/** The newest alerts with their level. */
export function AlertsPanel({ alerts }: { alerts: Alert[] }) {
  const { t } = useI18n();
  return (
    <Panel title={t('dash.latestAlerts')} empty={alerts.length === 0}>
      <List
        size="small"
        dataSource={alerts.slice(0, 8)}
        renderItem={(alert) => (
          <List.Item>
            <Space size={6} style={{ minWidth: 0 }}>
              <Tag color={LEVEL_COLORS[alert.level]}>{t(`level.${alert.level}`)}</Tag>
              <Typography.Text ellipsis style={{ maxWidth: 260 }}>
                {alert.title}
              </Typography.Text>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {time(alert.createdAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Panel>
  );
}

/** The hottest events with heat and stage. */
export function EventsPanel({ events }: { events: EventRecord[] }) {
  const { t } = useI18n();
  return (
    <Panel title={t('dash.topEvents')} empty={events.length === 0}>
      <Table<EventRecord>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={events.slice(0, 8)}
        scroll={{ x: 420 }}
        columns={[
          { title: t('reports.title'), dataIndex: 'title', ellipsis: true },
          {
            title: t('dash.heat'),
            dataIndex: 'heat',
            width: 120,
            render: (heat: number | null) => (
              <Progress percent={Math.round(heat ?? 0)} size="small" status="active" />
            ),
          },
          {
            title: t('dash.stage'),
            dataIndex: 'stage',
            width: 80,
            render: (stage: EventRecord['stage']) => <Tag>{t(`stage.${stage}`)}</Tag>,
          },
        ]}
      />
    </Panel>
  );
}

/** Incidents still being handled. */
export function IncidentsPanel({ incidents }: { incidents: Incident[] }) {
  const { t } = useI18n();
  return (
    <Panel title={t('dash.incidents')} empty={incidents.length === 0}>
      <List
        size="small"
        dataSource={incidents}
        renderItem={(incident) => (
          <List.Item>
            <Space size={6} style={{ minWidth: 0 }}>
              <Tag color={LEVEL_COLORS[incident.level]}>{t(`level.${incident.level}`)}</Tag>
              <Typography.Text ellipsis style={{ maxWidth: 240 }}>
                {incident.title}
              </Typography.Text>
            </Space>
            <Tag>{incident.stateName}</Tag>
          </List.Item>
        )}
      />
    </Panel>
  );
}

/** Dispatched appeals by deadline, overdue ones marked. */
export function AppealsPanel({ appeals }: { appeals: Appeal[] }) {
  const { t } = useI18n();
  return (
    <Panel title={t('dash.appeals')} empty={appeals.length === 0}>
      <List
        size="small"
        dataSource={appeals}
        renderItem={(appeal) => (
          <List.Item>
            <Typography.Text ellipsis style={{ maxWidth: 260 }}>
              {appeal.title}
            </Typography.Text>
            <Space size={4}>
              {appeal.overdue && <Tag color="red">{t('dash.overdue')}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dash.due')} {appeal.dueAt ? time(appeal.dueAt) : '—'}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Panel>
  );
}
