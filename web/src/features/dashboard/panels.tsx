/** The panels of the dashboard; every collected text is rendered as text (React escapes it). */
import { Card, Empty, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { platformLabel } from '../../../../src/contract/platforms.js';
import type { Alert, Item } from '../../api/types.js';
import { useI18n } from '../../i18n/context.js';

/** The antd tag colour of each alert level. */
export const LEVEL_COLORS: Record<Alert['level'], string> = {
  red: 'red',
  orange: 'orange',
  yellow: 'gold',
  blue: 'blue',
};
/** The antd tag colour of each sentiment. */
export const SENTIMENT_COLORS = { positive: 'green', neutral: 'default', negative: 'red' } as const;

/** A short local time: `M-D HH:mm`. */
export function time(iso: string): string {
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

/** The newest items: title and an excerpt, as text. */
export function LatestItemsPanel({ items }: { items: Item[] }) {
  const { t, language } = useI18n();
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
                    {[
                      item.platform && platformLabel(item.platform, language),
                      item.author,
                      time(item.publishedAt),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
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
