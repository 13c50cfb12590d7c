/** The panels of an event's detail; every collected text is rendered as text (React escapes it). */
import { Card, Empty, List, Space, Table, Tag, Tree, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Chart } from '../../charts.js';
import { useI18n } from '../../i18n/context.js';
import type { EventRecord, EventTimeline, Item } from './api.js';
import { shortTime } from './event-list.js';
import { platformCounts, regionLabel, type SpreadNode } from './spread.js';

const SENTIMENT_COLORS = { positive: 'green', neutral: 'default', negative: 'red' } as const;

/** True for links that may be opened: http and https only. */
function isWebLink(url: string | null): url is string {
  return url !== null && /^https?:\/\//i.test(url);
}

function Panel({
  title,
  empty,
  children,
  testId,
}: {
  title: string;
  empty: boolean;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title} className="fx-panel" data-testid={testId}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} /> : children}
    </Card>
  );
}

/** One item as a few lines of text: sentiment, title, an excerpt, and who published it when. */
export function ItemLines({ item }: { item: Item }) {
  const { t } = useI18n();
  const head = item.title ?? item.content.slice(0, 40);
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
      <Space size={4} wrap>
        {item.sentiment && (
          <Tag color={SENTIMENT_COLORS[item.sentiment]}>{t(`sentiment.${item.sentiment}`)}</Tag>
        )}
        <Typography.Text strong>{head}</Typography.Text>
        {isWebLink(item.url) && (
          <a href={item.url} target="_blank" rel="noopener noreferrer nofollow">
            {t('events.original')}
          </a>
        )}
      </Space>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
        {item.content}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[item.author, item.platform, shortTime(item.publishedAt)].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Space>
  );
}

/** Volume (line) and sentiment (stacked bars) per bucket. */
export function TimelinePanel({ timeline }: { timeline: EventTimeline | null }) {
  const { t } = useI18n();
  const buckets = timeline?.buckets ?? [];
  const label = (iso: string): string =>
    timeline?.bucket === 'day' ? new Date(iso).toLocaleDateString() : shortTime(iso);
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 24, bottom: 48 },
    color: ['#f5222d', '#bfbfbf', '#52c41a', '#1677ff'],
    xAxis: { type: 'category', data: buckets.map((bucket) => label(bucket.at)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...(['negative', 'neutral', 'positive'] as const).map((key) => ({
        name: t(`sentiment.${key}`),
        type: 'bar',
        stack: 'sentiment',
        barMaxWidth: 32,
        data: buckets.map((bucket) => bucket.sentiment[key]),
      })),
      { name: t('events.items'), type: 'line', smooth: true, data: buckets.map((bucket) => bucket.items) },
    ],
  };
  return (
    <Panel title={t('events.timeline')} empty={buckets.length === 0} testId="event-timeline">
      <Chart option={option} height={300} />
    </Panel>
  );
}

/** The earliest item of the event (首发). */
export function FirstPublisherPanel({ item }: { item: Item | null }) {
  const { t } = useI18n();
  return (
    <Panel title={t('events.firstPublisher')} empty={item === null} testId="event-first">
      {item && <ItemLines item={item} />}
    </Panel>
  );
}

/** The most central and most engaged items. */
export function RepresentativePanel({ items }: { items: Item[] }) {
  const { t } = useI18n();
  return (
    <Panel title={t('events.representative')} empty={items.length === 0} testId="event-representative">
      <List
        size="small"
        dataSource={items}
        renderItem={(item) => (
          <List.Item key={item.id}>
            <ItemLines item={item} />
          </List.Item>
        )}
      />
    </Panel>
  );
}

function treeData(
  nodes: SpreadNode[],
  unknown: string,
): { key: string; title: string; children: ReturnType<typeof treeData> }[] {
  return nodes.map((node) => ({
    key: node.key,
    title: node.item
      ? `${node.item.author ?? unknown} · ${(node.item.title ?? node.item.content).slice(0, 40)}`
      : node.key,
    children: treeData(node.children, unknown),
  }));
}

/** The repost tree and the mix of platforms. */
export function SpreadPanel({ tree, items }: { tree: SpreadNode[]; items: Item[] }) {
  const { t } = useI18n();
  const platforms = platformCounts(items, t('dash.unknownPlatform'));
  return (
    <Panel title={t('events.spread')} empty={items.length === 0} testId="event-spread">
      <Typography.Text strong>{t('events.repostTree')}</Typography.Text>
      {tree.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
      ) : (
        <Tree
          treeData={treeData(tree, '—')}
          defaultExpandAll
          selectable={false}
          style={{ margin: '8px 0' }}
        />
      )}
      <Typography.Text strong>{t('events.sourceList')}</Typography.Text>
      <Table
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={platforms}
        style={{ marginTop: 8 }}
        columns={[
          { title: t('dash.platforms'), dataIndex: 'name' },
          { title: t('events.items'), dataIndex: 'value', width: 90 },
        ]}
      />
    </Panel>
  );
}

/** The regions the event concerns, and its keywords. */
export function RegionsPanel({ event }: { event: EventRecord }) {
  const { t } = useI18n();
  const regions = [...new Set(event.regions.map(regionLabel).filter((label) => label !== ''))];
  return (
    <Panel
      title={t('events.regions')}
      empty={regions.length === 0 && event.keywords.length === 0}
      testId="event-regions"
    >
      <Space orientation="vertical" size={8}>
        <Space size={[4, 4]} wrap>
          {regions.map((region) => (
            <Tag key={region} color="geekblue">
              {region}
            </Tag>
          ))}
        </Space>
        {event.keywords.length > 0 && (
          <Space size={[4, 4]} wrap>
            <Typography.Text type="secondary">{t('events.keywords')}</Typography.Text>
            {event.keywords.map((word) => (
              <Tag key={word}>{word}</Tag>
            ))}
          </Space>
        )}
      </Space>
    </Panel>
  );
}
