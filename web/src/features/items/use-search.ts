/**
 * The search of the 信息 page as a hook: the current results, paging, and a syntax error kept in place.
 * On a wide screen pages are appended ("load more"); on a phone the list holds one page at a time and moves
 * by keyset cursor (next / previous), so the number of rendered rows stays bounded however many match.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client.js';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { type ItemView, PAGE_SIZE, PHONE_PAGE_SIZE, useItemsApi } from './api.js';
import type { SyntaxProblem } from './query-box.js';
import { expressionOf, type ItemFilterState } from './query.js';

/** How results are paged: appended below each other, or one page at a time. */
export type PagingMode = 'append' | 'paged';

/** What {@link useItemSearch} gives. */
export interface ItemSearchState {
  items: ItemView[];
  /** The cursor of the next page; null on the last one. */
  cursor: string | null;
  loading: boolean;
  problem: SyntaxProblem | null;
  /** The number of the page shown (1 for the first), in paged mode. */
  page: number;
  /** Appends the next page (append mode) or moves to it (paged mode). */
  loadMore(): void;
  /** Moves back one page (paged mode). */
  previous(): void;
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

/** Runs the search for `state` whenever it (or the paging mode) changes. */
export function useItemSearch(state: ItemFilterState, mode: PagingMode = 'append'): ItemSearchState {
  const api = useItemsApi();
  const { language } = useI18n();
  const showError = useShowError();
  const [items, setItems] = useState<ItemView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<SyntaxProblem | null>(null);
  /** In paged mode, the cursor each shown page started from (null for the first). */
  const [starts, setStarts] = useState<(string | null)[]>([null]);
  /** The number of the newest request: an answer to an older one (a search overtaken) is dropped. */
  const latest = useRef(0);
  const load = useCallback(
    async (after: string | null, replace: boolean) => {
      const request = ++latest.current;
      setLoading(true);
      try {
        const page = await api.search(state, after, mode === 'paged' ? PHONE_PAGE_SIZE : PAGE_SIZE);
        if (request !== latest.current) return;
        setItems((current) => (replace ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
        setProblem(null);
      } catch (error) {
        if (request !== latest.current) return;
        const found = problemOf(error, expressionOf(state), language);
        if (found) {
          setProblem(found);
          setItems([]);
          setCursor(null);
        } else showError(error);
      } finally {
        if (request === latest.current) setLoading(false);
      }
    },
    [api, state, mode, language, showError],
  );
  useEffect(() => {
    setStarts([null]);
    void load(null, true);
  }, [load]);
  return {
    items,
    cursor,
    loading,
    problem,
    page: starts.length,
    loadMore: () => {
      if (cursor === null) return;
      if (mode === 'paged') setStarts((current) => [...current, cursor]);
      void load(cursor, mode === 'paged');
    },
    previous: () => {
      if (starts.length < 2) return;
      const back = starts.slice(0, -1);
      setStarts(back);
      void load(back[back.length - 1] ?? null, true);
    },
    replace: (next) => setItems((current) => current.map((item) => (item.id === next.id ? next : item))),
  };
}
