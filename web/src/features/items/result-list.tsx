/** The results: one card per item with its hits marked, a check box for the case actions, and an open link. */
import { Button, Checkbox, Empty, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/context.js';
import type { ItemView } from './api.js';
import { timeText } from './format.js';
import { Highlight } from './highlight.js';

/** The colour of a sentiment tag. */
export const SENTIMENT_COLORS: Record<NonNullable<ItemView['sentiment']>, string> = {
  negative: 'red',
  neutral: 'default',
  positive: 'green',
};

/** How long a text excerpt in the list may be. */
const EXCERPT = 220;

function excerpt(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
}

function ResultRow({
  item,
  terms,
  checked,
  onCheck,
  onOpen,
}: {
  item: ItemView;
  terms: readonly string[];
  checked: boolean;
  onCheck: (checked: boolean) => void;
  onOpen: () => void;
}) {
  const { t, language } = useI18n();
  return (
    <div className="fx-result" data-testid="items-row" data-id={item.id}>
      <Checkbox checked={checked} onChange={(event) => onCheck(event.target.checked)} aria-label={item.id} />
      <div className="fx-result-body">
        <button type="button" className="fx-result-title" onClick={onOpen} data-testid="items-open">
          <Highlight text={item.title ?? excerpt(item.content)} terms={terms} />
        </button>
        {item.title !== null && (
          <div className="fx-result-text">
            <Highlight text={excerpt(item.content)} terms={terms} />
          </div>
        )}
        <div className="fx-result-meta">
          {item.sentiment && (
            <Tag color={SENTIMENT_COLORS[item.sentiment]} data-testid="items-sentiment">
              {t(`sentiment.${item.sentiment}`)}
            </Tag>
          )}
          {item.dupOf !== null && <Tag>{t('items.copy')}</Tag>}
          <Typography.Text type="secondary">
            {[item.platform, t(`items.kind.${item.kind}`), item.author, timeText(item.publishedAt, language)]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('items.engagement', {
              likes: item.engagement.likes,
              comments: item.engagement.comments,
              reposts: item.engagement.reposts,
            })}
          </Typography.Text>
          <Button type="link" size="small" onClick={onOpen}>
            {t('items.open')}
          </Button>
        </div>
      </div>
    </div>
  );
}

/** The list of `items`; `selected` holds the checked ids. */
export function ResultList({
  items,
  terms,
  selected,
  onSelect,
  onOpen,
}: {
  items: ItemView[];
  terms: readonly string[];
  selected: ReadonlySet<string>;
  onSelect: (id: string, checked: boolean) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  if (items.length === 0) return <Empty description={t('items.results.empty')} />;
  return (
    <div className="fx-results" data-testid="items-results">
      {items.map((item) => (
        <ResultRow
          key={item.id}
          item={item}
          terms={terms}
          checked={selected.has(item.id)}
          onCheck={(checked) => onSelect(item.id, checked)}
          onOpen={() => onOpen(item.id)}
        />
      ))}
    </div>
  );
}
