/**
 * The search of the 信息 page as data: the filter state, its query string for GET /items and
 * GET /items/export (the same parameters, so an export holds exactly what the list shows), and the terms
 * of an expression to highlight in results. DOM-free.
 */
import { queryString } from '../../api/client.js';

/** Sentiment labels as the API names them. */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
/** One of {@link SENTIMENT_LABELS}. */
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** Which copies a search shows: all items, only distinct voices, or only the copies. */
export type DuplicateFilter = 'all' | 'distinct' | 'copies';

/** Everything the search box and the filters hold. */
export interface ItemFilterState {
  q: string;
  /** The chosen monitoring scheme and its expression, ANDed with `q`; null and empty when none. */
  schemeId: string | null;
  schemeExpression: string;
  /** [from, to) as ISO 8601 times; null for open ends. */
  from: string | null;
  to: string | null;
  sources: string[];
  platforms: string[];
  sentiments: SentimentLabel[];
  categories: string[];
  provinces: string[];
  originalsOnly: boolean;
  duplicates: DuplicateFilter;
  sort: 'time' | 'relevance';
}

/** The state of a fresh page: no expression, no filters, newest first. */
export const EMPTY_FILTERS: ItemFilterState = {
  q: '',
  schemeId: null,
  schemeExpression: '',
  from: null,
  to: null,
  sources: [],
  platforms: [],
  sentiments: [],
  categories: [],
  provinces: [],
  originalsOnly: false,
  duplicates: 'all',
  sort: 'time',
};

/** The expression sent to the server: the box's text, ANDed with the scheme's expression when chosen. */
export function expressionOf(state: ItemFilterState): string {
  const q = state.q.trim();
  const scheme = state.schemeExpression.trim();
  if (scheme === '') return q;
  return q === '' ? `(${scheme})` : `(${scheme})+(${q})`;
}

/**
 * The query parameters of the search (without paging), as GET /items and /items/export take them;
 * `unitId` is the unit chosen in the shell's unit switcher (null: every unit in scope).
 */
export function searchParams(
  state: ItemFilterState,
  unitId: string | null = null,
): Record<string, string | string[] | undefined> {
  return {
    unitId: unitId ?? undefined,
    q: expressionOf(state),
    from: state.from ?? undefined,
    to: state.to ?? undefined,
    source: state.sources,
    platform: state.platforms,
    sentiment: state.sentiments,
    category: state.categories,
    province: state.provinces,
    originalsOnly: state.originalsOnly ? 'true' : undefined,
    distinctOnly: state.duplicates === 'all' ? undefined : String(state.duplicates === 'distinct'),
    sort: state.sort,
  };
}

/** The path of one page of the search. */
export function searchPath(
  state: ItemFilterState,
  limit: number,
  cursor: string | null,
  unitId: string | null = null,
): string {
  const params = { ...searchParams(state, unitId), limit, cursor: cursor ?? undefined };
  return `/api/v1/items${queryString(params)}`;
}

/** The path of the export of the whole search. */
export function exportPath(
  state: ItemFilterState,
  format: 'csv' | 'xlsx',
  unitId: string | null = null,
): string {
  return `/api/v1/items/export${queryString({ ...searchParams(state, unitId), format })}`;
}

/**
 * The words and phrases of an expression worth highlighting: quoted phrases whole, bare words split at
 * operators, `NEAR/n` dropped, and exceptions (`-word`, `-(…)`) left out. Longest first.
 */
export function highlightTerms(expression: string): string[] {
  const terms: string[] = [];
  let negateNext = false;
  let negatedDepth: number | null = null;
  let depth = 0;
  for (const match of expression.matchAll(/"([^"]*)"?|NEAR\/\d+|[+|(),-]|[^\s+|(),"-]+/giu)) {
    const token = match[0];
    if (token === '-') negateNext = true;
    else if (token === '(') {
      depth += 1;
      if (negateNext && negatedDepth === null) negatedDepth = depth;
      negateNext = false;
    } else if (token === ')') {
      if (negatedDepth === depth) negatedDepth = null;
      depth -= 1;
    } else if (/^NEAR\/\d+$/i.test(token)) continue;
    else if ('+|,'.includes(token)) negateNext = false;
    else {
      const term = (match[1] ?? token).trim();
      if (term && !negateNext && negatedDepth === null) terms.push(term);
      negateNext = false;
    }
  }
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

/** Pieces of `text`, each marked when it is one of `terms` (case-insensitive, longest term first). */
export function splitByTerms(text: string, terms: readonly string[]): { text: string; hit: boolean }[] {
  const usable = terms.filter((term) => term.length > 0);
  if (usable.length === 0) return [{ text, hit: false }];
  const escaped = usable.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // With one capturing group, split puts the matches at the odd indices.
  return text
    .split(new RegExp(`(${escaped.join('|')})`, 'iu'))
    .map((piece, index) => ({ text: piece, hit: index % 2 === 1 }))
    .filter((piece) => piece.text !== '');
}
