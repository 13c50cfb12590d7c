/** The API calls of the 信息 page, on the session's HTTP client, typed by the server's contract. */
import { useMemo } from 'react';
import type { z } from 'zod';
import type * as c from '../../../../src/contract/index.js';
import type { HttpClient } from '../../api/client.js';
import { useSignedIn } from '../../session/context.js';
import { exportPath, type ItemFilterState, searchPath, type SentimentLabel } from './query.js';

/** An item with its analysis. */
export type ItemView = z.output<typeof c.item>;
/** A page of items. */
export type ItemPageView = z.output<typeof c.itemPage>;
/** The items around one item. */
export type RelatedItems = z.output<typeof c.itemRelated>;
/** A source (for the source filter). */
export type SourceView = z.output<typeof c.source>;
/** A monitoring scheme (for the scheme filter). */
export type SchemeView = z.output<typeof c.scheme>;
/** POST /incidents. */
export type NewIncident = z.input<typeof c.createIncidentBody>;
/** POST /clues. */
export type NewClue = z.input<typeof c.createClueBody>;
/** POST /bulletins. */
export type NewBulletin = z.input<typeof c.createBulletinBody>;

/** Results per page of the list. */
export const PAGE_SIZE = 50;

/** Results per page on a phone, where the list shows one page at a time. */
export const PHONE_PAGE_SIZE = 20;

const itemPath = (id: string): string => `/api/v1/items/${encodeURIComponent(id)}`;

function itemsApi(http: HttpClient, unitId: string | null) {
  return {
    search: (state: ItemFilterState, cursor: string | null, limit = PAGE_SIZE) =>
      http.request<ItemPageView>('GET', searchPath(state, limit, cursor, unitId)),
    item: (id: string) => http.request<ItemView>('GET', itemPath(id)),
    related: (id: string) => http.request<RelatedItems>('GET', `${itemPath(id)}/related`),
    correctSentiment: (id: string, label: SentimentLabel) =>
      http.request<ItemView>('POST', `${itemPath(id)}/sentiment`, { label }),
    sources: () => http.request<z.output<typeof c.sourcePage>>('GET', '/api/v1/sources?limit=200'),
    schemes: () => http.request<z.output<typeof c.schemePage>>('GET', '/api/v1/schemes?limit=200'),
    createIncident: (body: NewIncident) =>
      http.request<z.output<typeof c.incident>>('POST', '/api/v1/incidents', body),
    createClue: (body: NewClue) => http.request<z.output<typeof c.clue>>('POST', '/api/v1/clues', body),
    createBulletin: (body: NewBulletin) =>
      http.request<z.output<typeof c.bulletinDetail>>('POST', '/api/v1/bulletins', body),
    exportUrl: (state: ItemFilterState, format: 'csv' | 'xlsx') =>
      http.url(exportPath(state, format, unitId)),
  };
}

/** The calls of the 信息 page. */
export type ItemsApi = ReturnType<typeof itemsApi>;

/** The calls of the 信息 page, bound to the signed-in session and the unit chosen in the shell. */
export function useItemsApi(): ItemsApi {
  const { api, unitId } = useSignedIn();
  return useMemo(() => itemsApi(api.http, unitId), [api, unitId]);
}
