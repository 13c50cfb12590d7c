/**
 * 证据: the captures kept for an incident — the item as captured, where its page came from, the HTTP status
 * (a 404 shows a deleted post), and the SHA-256 of what was stored. Captured text is shown as text.
 */
import { Empty, List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/context.js';
import { safeHref, when } from '../alerts/display.js';
import type { EvidenceView } from './api.js';

/** The evidence list. */
export function EvidenceTab({ evidence }: { evidence: EvidenceView[] }) {
  const { t, language } = useI18n();
  if (evidence.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.evidence.none')} />;
  return (
    <List
      size="small"
      dataSource={evidence}
      data-testid="evidence-list"
      renderItem={(capture) => {
        const href = safeHref(capture.finalUrl ?? capture.sourceUrl);
        return (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  <Typography.Text strong>
                    {capture.item.title ?? capture.itemText.slice(0, 60)}
                  </Typography.Text>
                  {capture.httpStatus !== null && (
                    <Tag color={capture.httpStatus < 400 ? 'green' : 'red'}>
                      {`${t('incidents.evidence.status')} ${capture.httpStatus}`}
                    </Tag>
                  )}
                </Space>
              }
              description={
                <Space orientation="vertical" size={2}>
                  <Typography.Text type="secondary">
                    {[
                      `${t('incidents.evidence.capturedAt')} ${when(capture.capturedAt, language)}`,
                      capture.item.platform,
                      capture.item.author,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                  {href && (
                    <Typography.Link href={href} target="_blank" rel="noopener noreferrer nofollow">
                      {href}
                    </Typography.Link>
                  )}
                  {capture.pageError && (
                    <Typography.Text type="warning">
                      {t('incidents.evidence.noPage', { reason: capture.pageError })}
                    </Typography.Text>
                  )}
                  <Typography.Text code copyable className="fx-incident-text">
                    {`${t('incidents.evidence.hash')} ${capture.rawSha256 ?? capture.itemTextSha256}`}
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
