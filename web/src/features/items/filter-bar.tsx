/** The filters of the search: time, source, platform, sentiment, category, region, scheme, copies, order. */
import { Button, Checkbox, DatePicker, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { SchemeView, SourceView } from './api.js';
import { CATEGORY_KEYS, COMMON_PLATFORMS, PROVINCES } from './options.js';
import { type DuplicateFilter, EMPTY_FILTERS, type ItemFilterState, SENTIMENT_LABELS } from './query.js';

/** The time range as the picker holds it. */
export type PickedRange = [Dayjs | null, Dayjs | null] | null;

const DUPLICATES: DuplicateFilter[] = ['all', 'distinct', 'copies'];

/** The filter controls; every change is passed up whole, with the picked range kept beside it. */
export function FilterBar({
  state,
  range,
  onChange,
  sources,
  schemes,
}: {
  state: ItemFilterState;
  range: PickedRange;
  onChange: (next: ItemFilterState, range: PickedRange) => void;
  sources: SourceView[];
  schemes: SchemeView[];
}) {
  const { t } = useI18n();
  const set = (patch: Partial<ItemFilterState>): void => onChange({ ...state, ...patch }, range);
  const options = (values: readonly string[], prefix?: string) =>
    values.map((value) => ({ value, label: prefix ? t(`${prefix}${value}` as MessageKey) : value }));
  return (
    <div className="fx-filters" data-testid="items-filters">
      <DatePicker.RangePicker
        showTime
        allowEmpty={[true, true]}
        value={range}
        onChange={(values) =>
          onChange(
            {
              ...state,
              from: values?.[0]?.toISOString() ?? null,
              to: values?.[1]?.toISOString() ?? null,
            },
            values,
          )
        }
        placeholder={[t('items.filter.time'), t('items.filter.time')]}
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('items.filter.sentiment')}
        value={state.sentiments}
        onChange={(sentiments) => set({ sentiments })}
        options={options(SENTIMENT_LABELS, 'sentiment.')}
        data-testid="items-filter-sentiment"
      />
      <Select
        mode="tags"
        allowClear
        placeholder={t('items.filter.platform')}
        value={state.platforms}
        onChange={(platforms) => set({ platforms })}
        options={options(COMMON_PLATFORMS)}
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('items.filter.category')}
        value={state.categories}
        onChange={(categories) => set({ categories })}
        options={options(CATEGORY_KEYS, 'items.category.')}
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('items.filter.region')}
        value={state.provinces}
        onChange={(provinces) => set({ provinces })}
        options={options(PROVINCES)}
      />
      {sources.length > 0 && (
        <Select
          mode="multiple"
          allowClear
          placeholder={t('items.filter.source')}
          value={state.sources}
          onChange={(ids) => set({ sources: ids })}
          options={sources.map((source) => ({ value: source.id, label: source.name }))}
          optionFilterProp="label"
        />
      )}
      {schemes.length > 0 && (
        <Select
          allowClear
          placeholder={t('items.filter.scheme')}
          value={state.schemeId ?? undefined}
          onChange={(id: string | undefined) =>
            set({
              schemeId: id ?? null,
              schemeExpression: schemes.find((scheme) => scheme.id === id)?.expression ?? '',
            })
          }
          options={schemes.map((scheme) => ({ value: scheme.id, label: scheme.name }))}
          optionFilterProp="label"
        />
      )}
      <Segmented<DuplicateFilter>
        value={state.duplicates}
        onChange={(duplicates) => set({ duplicates })}
        options={DUPLICATES.map((value) => ({ value, label: t(`items.filter.duplicates.${value}`) }))}
      />
      <Checkbox
        checked={state.originalsOnly}
        onChange={(event) => set({ originalsOnly: event.target.checked })}
      >
        {t('items.filter.originals')}
      </Checkbox>
      <Segmented<'time' | 'relevance'>
        value={state.sort}
        onChange={(sort) => set({ sort })}
        options={[
          { value: 'time', label: t('items.filter.sort.time') },
          { value: 'relevance', label: t('items.filter.sort.relevance') },
        ]}
      />
      <Button onClick={() => onChange({ ...EMPTY_FILTERS, q: state.q }, null)}>
        {t('items.filter.reset')}
      </Button>
    </div>
  );
}
