/** The search of the 信息 page as a hook: the current results, paging, and a syntax error kept in place. */
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../../api/client.js';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { type ItemView, useItemsApi } from './api.js';
import type { SyntaxProblem } from './query-box.js';
import { expressionOf, type ItemFilterState } from './query.js';

/** What {@link useItemSearch} gives. */
export interface ItemSearchState {
  items: ItemView[];
  cursor: string | null;
  loading: boolean;
  problem: SyntaxProblem | null;
  loadMore(): void;
  /** Replaces one item in the results (after a correction). */
  replace(item: ItemView): void;
}

function problemOf(error: unknown, expression: string, language: 'zh' | 'en'): SyntaxProblem | null {
  if (!isApiError(error) || error.code !== 'EXPRESSION_SYNTAX') return null;
  const position = error.details['position'];
  return {
    message: error.text(language),
    expression,
    position:
      typeof position === 'number' && position >= 0 && position <= expression.length ? position : null,
  };
}

/** Runs the search for `state` whenever it changes. */
export function useItemSearch(state: ItemFilterState): ItemSearchState {
  const api = useItemsApi();
  const { language } = useI18n();
  const showError = useShowError();
  const [items, setItems] = useState<ItemView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<SyntaxProblem | null>(null);
  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      try {
        const page = await api.search(state, after);
        setItems((current) => (after === null ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
        setProblem(null);
      } catch (error) {
        const found = problemOf(error, expressionOf(state), language);
        if (found) {
          setProblem(found);
          setItems([]);
          setCursor(null);
        } else showError(error);
      } finally {
        setLoading(false);
      }
    },
    [api, state, language, showError],
  );
  useEffect(() => {
    void load(null);
  }, [load]);
  return {
    items,
    cursor,
    loading,
    problem,
    loadMore: () => {
      if (cursor !== null) void load(cursor);
    },
    replace: (next) => setItems((current) => current.map((item) => (item.id === next.id ? next : item))),
  };
}
