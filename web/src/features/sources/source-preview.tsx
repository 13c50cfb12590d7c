/** What a test fetch found: the outcome, the items (as text: they are untrusted), hot-list entries, rejections. */
import { Alert, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/context.js';
import type { SourcePreview } from './api.js';
import { when } from './shared.js';

function Outcome({ preview }: { preview: SourcePreview }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} bordered>
      <Descriptions.Item label={t('sources.preview.outcome')}>
        <Tag color={preview.ok ? 'success' : 'error'}>
          {t(preview.ok ? 'sources.preview.ok' : 'sources.preview.failed')}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('sources.preview.found')}>{preview.found}</Descriptions.Item>
      <Descriptions.Item label={t('sources.preview.httpStatus')}>
        {preview.httpStatus ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('sources.preview.duration')}>
        {Math.round(preview.durationMs)} ms
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The result of a test fetch. */
export function PreviewResult({ preview }: { preview: SourcePreview }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="source-preview">
      <Outcome preview={preview} />
      {preview.error && (
        <Alert type="error" showIcon title={preview.error.code} description={preview.error.message} />
      )}
      {preview.items.length > 0 && (
        <List
          size="small"
          bordered
          header={t('sources.preview.items', { count: preview.items.length })}
          dataSource={preview.items}
          data-testid="preview-items"
          renderItem={(item, index) => (
            <List.Item key={`${item.externalId ?? item.url ?? ''}-${index}`}>
              <List.Item.Meta
                title={<span>{item.title ?? t('sources.preview.untitled')}</span>}
                description={
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {when(item.publishedAt)}
                      {item.timeGuessed ? ` (${t('sources.preview.timeGuessed')})` : ''}
                      {item.author ? ` · ${item.author}` : ''}
                    </Typography.Text>
                    {item.url && (
                      <Typography.Text style={{ fontSize: 12 }} ellipsis copyable>
                        {item.url}
                      </Typography.Text>
                    )}
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                      {item.excerpt}
                    </Typography.Paragraph>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {preview.hotEntries.length > 0 && (
        <List
          size="small"
          bordered
          header={t('sources.preview.hot', { count: preview.hotEntries.length })}
          dataSource={preview.hotEntries}
          renderItem={(entry) => (
            <List.Item key={`${entry.rank}-${entry.title}`}>
              <Space>
                <Tag>{entry.rank}</Tag>
                <span>{entry.title}</span>
                {entry.heat !== null && <Typography.Text type="secondary">{entry.heat}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {preview.rejected.length > 0 && (
        <Alert
          type="warning"
          title={t('sources.preview.rejected', { count: preview.rejected.length })}
          description={preview.rejected.slice(0, 10).map((entry, index) => (
            <div key={index}>
              {entry.where}: {entry.reason}
            </div>
          ))}
        />
      )}
    </Space>
  );
}
