/**
 * 信息: the expression search over collected items with filters, highlighted results, the item drawer,
 * the case actions on checked items and the export of the whole search.
 */
import { FilterOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Checkbox, Grid, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { type SchemeView, type SourceView, useItemsApi } from './api.js';
import { CaseActions } from './case-actions.js';
import { ExportButtons } from './export-buttons.js';
import { FilterBar, type PickedRange } from './filter-bar.js';
import { ItemDrawer } from './item-drawer.js';
import './items.css';
import { QueryBox } from './query-box.js';
import { EMPTY_FILTERS, expressionOf, highlightTerms, type ItemFilterState } from './query.js';
import { ResultList } from './result-list.js';
import { type ItemSearchState, useItemSearch } from './use-search.js';

/** Sources and schemes for the filters, when the caller may read them. */
function useChoices(): { sources: SourceView[]; schemes: SchemeView[] } {
  const api = useItemsApi();
  const { can } = useSignedIn();
  const [sources, setSources] = useState<SourceView[]>([]);
  const [schemes, setSchemes] = useState<SchemeView[]>([]);
  const readSources = can('sources:read');
  const readSchemes = can('schemes:read');
  useEffect(() => {
    if (readSources)
      api.sources().then(
        (page) => setSources(page.items),
        () => setSources([]),
      );
    if (readSchemes)
      api.schemes().then(
        (page) => setSchemes(page.items),
        () => setSchemes([]),
      );
  }, [api, readSources, readSchemes]);
  return { sources, schemes };
}

/** One page at a time on a phone: previous and next by keyset cursor, and where the reader is. */
function PhonePager({ search }: { search: ItemSearchState }) {
  const { t } = useI18n();
  const go = (move: () => void): void => {
    move();
    window.scrollTo({ top: 0 });
  };
  return (
    <div className="fx-pager" data-testid="items-pager">
      <Button
        icon={<LeftOutlined />}
        disabled={search.page < 2 || search.loading}
        onClick={() => go(search.previous)}
        data-testid="items-previous"
      >
        {t('items.results.previous')}
      </Button>
      <Typography.Text type="secondary" data-testid="items-count">
        {t('items.results.page', { page: search.page, count: search.items.length })}
      </Typography.Text>
      <Button
        disabled={search.cursor === null || search.loading}
        onClick={() => go(search.loadMore)}
        data-testid="items-next"
      >
        {t('items.results.next')} <RightOutlined />
      </Button>
    </div>
  );
}

/** The items page. */
export function ItemsPage() {
  const { t } = useI18n();
  const mobile = Grid.useBreakpoint().md === false;
  const [state, setState] = useState<ItemFilterState>(EMPTY_FILTERS);
  const [range, setRange] = useState<PickedRange>(null);
  const [draft, setDraft] = useState('');
  const [showFilters, setShowFilters] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const search = useItemSearch(state, mobile ? 'paged' : 'append');
  const choices = useChoices();
  const terms = useMemo(() => highlightTerms(expressionOf(state)), [state]);
  const selectedItems = search.items.filter((item) => selected.has(item.id));
  const select = (id: string, checked: boolean): void =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  const allChecked = search.items.length > 0 && search.items.every((item) => selected.has(item.id));
  return (
    <div className="fx-page" data-testid="items">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('nav.items')}
      </Typography.Title>
      <QueryBox
        value={draft}
        onChange={setDraft}
        onSearch={() => setState((current) => ({ ...current, q: draft.trim() }))}
        problem={search.problem}
        loading={search.loading}
      />
      {mobile && (
        <Button
          icon={<FilterOutlined />}
          onClick={() => setShowFilters(!showFilters)}
          style={{ marginBottom: 8 }}
        >
          {t('items.filter.toggle')}
        </Button>
      )}
      {(!mobile || showFilters) && (
        <FilterBar
          state={state}
          range={range}
          onChange={(next, picked) => {
            setState(next);
            setRange(picked);
          }}
          sources={choices.sources}
          schemes={choices.schemes}
        />
      )}
      <div className="fx-toolbar">
        <Checkbox
          checked={allChecked}
          indeterminate={selectedItems.length > 0 && !allChecked}
          onChange={(event) =>
            setSelected(event.target.checked ? new Set(search.items.map((item) => item.id)) : new Set())
          }
        >
          {selectedItems.length > 0
            ? t('items.selected', { count: selectedItems.length })
            : t('items.results.selectPage')}
        </Checkbox>
        <CaseActions items={selectedItems} onDone={() => setSelected(new Set())} />
        <ExportButtons state={state} />
      </div>
      <ResultList items={search.items} terms={terms} selected={selected} onSelect={select} onOpen={setOpen} />
      {mobile ? (
        <PhonePager search={search} />
      ) : (
        <div className="fx-toolbar" style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" data-testid="items-count">
            {t('items.results.count', { count: search.items.length })}
          </Typography.Text>
          {search.cursor !== null && (
            <Button onClick={search.loadMore} loading={search.loading} data-testid="items-more">
              {t('items.results.more')}
            </Button>
          )}
        </div>
      )}
      <ItemDrawer
        id={open}
        terms={terms}
        onClose={() => setOpen(null)}
        onOpen={setOpen}
        onChange={search.replace}
      />
    </div>
  );
}
