/** The parts of an item's drawer: its analysis, the sentiment correction, and the items around it. */
import { App, Button, Descriptions, Empty, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { type ItemView, type RelatedItems, useItemsApi } from './api.js';
import { timeText } from './format.js';
import { CATEGORY_KEYS } from './options.js';
import { SENTIMENT_LABELS, type SentimentLabel } from './query.js';
import { SENTIMENT_COLORS } from './result-list.js';

function regionName(region: ItemView['regions'][number]): string {
  return [region.province, region.city, region.county].filter(Boolean).join(' ');
}

/** The analysis of `item` as a description list. */
export function Analysis({ item, mobile }: { item: ItemView; mobile: boolean }) {
  const { t } = useI18n();
  const none = '—';
  return (
    <Descriptions size="small" column={mobile ? 1 : 2} bordered data-testid="items-analysis">
      <Descriptions.Item label={t('items.detail.sentiment')}>
        {item.sentiment ? (
          <Tag color={SENTIMENT_COLORS[item.sentiment]} data-testid="items-detail-sentiment">
            {t(`sentiment.${item.sentiment}`)}
            {item.sentimentScore !== null && ` ${item.sentimentScore.toFixed(2)}`}
          </Tag>
        ) : (
          t('items.detail.notAnalysed')
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('items.detail.emotion')}>
        {item.emotion ? t(`items.emotion.${item.emotion}`) : none}
      </Descriptions.Item>
      <Descriptions.Item label={t('items.detail.categories')}>
        {item.categories.length === 0
          ? none
          : item.categories.map((key) => <Tag key={key}>{categoryLabel(t, key)}</Tag>)}
      </Descriptions.Item>
      <Descriptions.Item label={t('items.detail.regions')}>
        {item.regions.length === 0 ? none : item.regions.map(regionName).join('；')}
      </Descriptions.Item>
      <Descriptions.Item label={t('items.detail.appeal')}>
        {item.appeal === null ? none : item.appeal ? t('common.yes') : t('common.no')}
        {item.appealDepartment && ` · ${t('items.detail.appealDepartment')}: ${item.appealDepartment}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('items.detail.keywords')}>
        {item.keywords.length === 0 ? none : item.keywords.map((word) => <Tag key={word}>{word}</Tag>)}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The name of a built-in category; an office's own category shows its key. */
function categoryLabel(t: ReturnType<typeof useI18n>['t'], key: string): string {
  const builtIn = CATEGORY_KEYS.find((known) => known === key);
  return builtIn ? t(`items.category.${builtIn}`) : key;
}

/** Choosing another sentiment label and saving it as a correction. */
export function SentimentCorrection({
  item,
  onChange,
}: {
  item: ItemView;
  onChange: (next: ItemView) => void;
}) {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const api = useItemsApi();
  const showError = useShowError();
  const { message } = App.useApp();
  const [label, setLabel] = useState<SentimentLabel>(item.sentiment ?? 'neutral');
  const [busy, setBusy] = useState(false);
  if (!can('items:annotate')) return null;
  const save = async (): Promise<void> => {
    setBusy(true);
    try {
      const next = await api.correctSentiment(item.id, label);
      onChange(next);
      void message.success(t('items.detail.corrected', { label: t(`sentiment.${label}`) }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap data-testid="items-correct">
      <Segmented<SentimentLabel>
        value={label}
        onChange={setLabel}
        options={SENTIMENT_LABELS.map((value) => ({ value, label: t(`sentiment.${value}`) }))}
      />
      <Button onClick={() => void save()} loading={busy} disabled={label === item.sentiment}>
        {t('items.detail.correct')}
      </Button>
    </Space>
  );
}

function RelatedLine({ item, onOpen }: { item: ItemView; onOpen: (id: string) => void }) {
  const { language } = useI18n();
  return (
    <div className="fx-related-line">
      <Button type="link" size="small" onClick={() => onOpen(item.id)} className="fx-related-link">
        {item.title ?? item.content.slice(0, 80)}
      </Button>
      <Typography.Text type="secondary">
        {[item.author, timeText(item.publishedAt, language)].filter(Boolean).join(' · ')}
      </Typography.Text>
    </div>
  );
}

/** The copies (reposts, near-duplicates) of an original, each opening in the drawer. */
function Copies({ related, onOpen }: { related: RelatedItems; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <div data-testid="items-copies" style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('items.detail.copies', { count: related.copies.length })}</Typography.Text>
      {related.copies.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('items.detail.noCopies')} />
      ) : (
        <div className="fx-comment-tree" data-testid="items-copies-list">
          {related.copies.map((copy) => (
            <div key={copy.id} data-testid="items-copy" data-id={copy.id}>
              <RelatedLine item={copy} onOpen={onOpen} />
            </div>
          ))}
        </div>
      )}
      {related.moreCopies && (
        <Typography.Text type="secondary">
          {t('items.detail.moreCopies', { count: related.copies.length })}
        </Typography.Text>
      )}
    </div>
  );
}

/** A copy's way back to its original, shown above the item's text. */
export function CopyOf({ original, onOpen }: { original: ItemView; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="fx-copy-of" data-testid="items-copy-of">
      <Typography.Text type="secondary">{t('items.detail.isCopy')}</Typography.Text>
      <RelatedLine item={original} onOpen={onOpen} />
    </div>
  );
}

/** The post an item belongs to, the original it copies, its comments and reposts, and its copies. */
export function Spread({ related, onOpen }: { related: RelatedItems; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <div data-testid="items-spread">
      {related.parent && (
        <>
          <Typography.Text strong>{t('items.detail.parent')}</Typography.Text>
          <RelatedLine item={related.parent} onOpen={onOpen} />
        </>
      )}
      {related.original && (
        <>
          <Typography.Text strong>{t('items.detail.originalOf')}</Typography.Text>
          <RelatedLine item={related.original} onOpen={onOpen} />
        </>
      )}
      <Typography.Text strong>
        {t('items.detail.comments', { count: related.comments.length })}
      </Typography.Text>
      {related.comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('items.detail.noComments')} />
      ) : (
        <ul className="fx-comment-tree">
          {related.comments.map((comment) => (
            <li key={comment.id}>
              <Typography.Text type="secondary">{comment.author ?? '—'}：</Typography.Text>
              <span>{comment.content}</span>
            </li>
          ))}
        </ul>
      )}
      {related.moreComments && (
        <Typography.Text type="secondary">
          {t('items.detail.moreComments', { count: related.comments.length })}
        </Typography.Text>
      )}
      <Copies related={related} onOpen={onOpen} />
    </div>
  );
}
