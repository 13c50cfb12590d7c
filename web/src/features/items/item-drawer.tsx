/**
 * One item in a drawer: its text (as text), the original link (http/https only, opened without an opener
 * or referrer), the way back to the original when it is a copy, the analysis, the sentiment correction and
 * the spread (post, original, comments, copies).
 */
import { LinkOutlined } from '@ant-design/icons';
import { Descriptions, Drawer, Grid, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { type ItemView, type RelatedItems, useItemsApi } from './api.js';
import { timeText } from './format.js';
import { Highlight } from './highlight.js';
import { Analysis, CopyOf, SentimentCorrection, Spread } from './item-detail.js';

/** True for a link that is safe to open: http or https only (never `javascript:` and the like). */
export function isWebLink(url: string | null): url is string {
  return url !== null && /^https?:\/\//i.test(url);
}

function Head({ item, mobile }: { item: ItemView; mobile: boolean }) {
  const { t, language } = useI18n();
  return (
    <Descriptions size="small" column={mobile ? 1 : 3} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('items.detail.platform')}>{item.platform ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('items.detail.kind')}>{t(`items.kind.${item.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('items.detail.author')}>{item.author ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('items.detail.published')}>
        {timeText(item.publishedAt, language)}
      </Descriptions.Item>
      <Descriptions.Item label={t('items.detail.engagement')}>
        {t('items.engagement', {
          likes: item.engagement.likes,
          comments: item.engagement.comments,
          reposts: item.engagement.reposts,
        })}
      </Descriptions.Item>
      <Descriptions.Item label={t('items.detail.original')}>
        {isWebLink(item.url) ? (
          <a href={item.url} target="_blank" rel="noopener noreferrer" data-testid="items-original-link">
            <LinkOutlined /> {t('items.detail.original')}
          </a>
        ) : (
          t('items.detail.noLink')
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The drawer of item `id` (closed when null); `onChange` hears of a corrected item. */
export function ItemDrawer({
  id,
  terms,
  onClose,
  onOpen,
  onChange,
}: {
  id: string | null;
  terms: readonly string[];
  onClose: () => void;
  onOpen: (id: string) => void;
  onChange: (item: ItemView) => void;
}) {
  const { t } = useI18n();
  const api = useItemsApi();
  const showError = useShowError();
  const mobile = Grid.useBreakpoint().md === false;
  const [item, setItem] = useState<ItemView | null>(null);
  const [related, setRelated] = useState<RelatedItems | null>(null);
  useEffect(() => {
    setItem(null);
    setRelated(null);
    if (id === null) return;
    api.item(id).then(setItem, showError);
    api.related(id).then(setRelated, showError);
  }, [api, id, showError]);
  const changed = (next: ItemView): void => {
    setItem(next);
    onChange(next);
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={mobile ? '100%' : 760}
      title={item ? (item.title ?? item.content.slice(0, 40)) : t('common.loading')}
      destroyOnHidden
      data-testid="items-drawer"
    >
      {item === null ? (
        <Spin className="fx-center" />
      ) : (
        <div data-testid="items-detail">
          <Head item={item} mobile={mobile} />
          {related?.original && <CopyOf original={related.original} onOpen={onOpen} />}
          <Typography.Paragraph className="fx-item-content" data-testid="items-detail-content">
            <Highlight text={item.content} terms={terms} />
          </Typography.Paragraph>
          <Tabs
            items={[
              {
                key: 'analysis',
                label: t('items.detail.analysis'),
                children: (
                  <>
                    <Analysis item={item} mobile={mobile} />
                    <div style={{ marginTop: 12 }}>
                      <SentimentCorrection key={item.sentiment} item={item} onChange={changed} />
                    </div>
                  </>
                ),
              },
              {
                key: 'spread',
                label: t('items.detail.spread'),
                children: related ? <Spread related={related} onOpen={onOpen} /> : <Spin />,
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
