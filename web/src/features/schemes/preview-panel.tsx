/** The preview of a scheme: how many recent items match, the newest hits and a random sample. */
import { Card, Empty, List, Space, Tabs, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/context.js';
import type { PreviewItem, SchemePreview } from './api.js';
import { Highlighted, isWebLink } from './highlight.js';

const SENTIMENT_COLORS = { positive: 'green', neutral: 'default', negative: 'red' } as const;

function when(iso: string): string {
  return new Date(iso).toLocaleString();
}

function HitList({ hits, testId }: { hits: PreviewItem[]; testId: string }) {
  const { t } = useI18n();
  return (
    <List
      className="fx-hit-list"
      size="small"
      dataSource={hits}
      data-testid={testId}
      locale={{ emptyText: t('common.empty') }}
      renderItem={({ item, words }) => (
        <List.Item key={item.id}>
          <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
            <Space size={4} wrap>
              {item.sentiment && (
                <Tag color={SENTIMENT_COLORS[item.sentiment]}>{t(`sentiment.${item.sentiment}`)}</Tag>
              )}
              <Typography.Text strong>
                {isWebLink(item.url) ? (
                  <a href={item.url} target="_blank" rel="noopener noreferrer nofollow">
                    <Highlighted text={item.title ?? item.content.slice(0, 40)} words={words} />
                  </a>
                ) : (
                  <Highlighted text={item.title ?? item.content.slice(0, 40)} words={words} />
                )}
              </Typography.Text>
            </Space>
            <span className="fx-hit-text">
              <Highlighted text={item.content.slice(0, 200)} words={words} />
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[item.platform, item.author, when(item.publishedAt)].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The preview card; `preview` null shows the idle hint. */
export function PreviewPanel({
  title,
  preview,
  loading,
}: {
  title: string;
  preview: SchemePreview | null;
  loading: boolean;
}) {
  const { t } = useI18n();
  const summary = preview && (
    <Typography.Text type="secondary" data-testid="preview-summary">
      {t('schemes.preview.summary', { scanned: preview.scanned, total: preview.total })}
      {!preview.complete && t('schemes.preview.partial')}
    </Typography.Text>
  );
  return (
    <Card
      size="small"
      title={title}
      extra={summary}
      loading={loading && !preview}
      data-testid="scheme-preview"
    >
      {preview ? (
        <Tabs
          size="small"
          items={[
            {
              key: 'hits',
              label: `${t('schemes.preview.hits')} (${preview.hits.length})`,
              children: <HitList hits={preview.hits} testId="preview-hits" />,
            },
            {
              key: 'sample',
              label: `${t('schemes.preview.sample')} (${preview.sample.length})`,
              children: <HitList hits={preview.sample} testId="preview-sample" />,
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schemes.preview.idle')} />
      )}
    </Card>
  );
}
