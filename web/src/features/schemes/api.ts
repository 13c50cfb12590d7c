/** The API calls of the 监测方案 (schemes) pages, typed by the server's contract. */
import type { z } from 'zod';
import type * as c from '../../../../src/contract/index.js';
import { queryString } from '../../api/client.js';
import type { Api } from '../../api/endpoints.js';

/** A scheme. */
export type Scheme = z.output<typeof c.scheme>;
/** The structured words of a scheme. */
export type SchemeWords = z.output<typeof c.schemeWords>;
/** Where a scheme matches. */
export type SchemeTarget = Scheme['target'];
/** POST /schemes. */
export type CreateSchemeBody = z.input<typeof c.createSchemeBody>;
/** PATCH /schemes/:id. */
export type UpdateSchemeBody = z.input<typeof c.updateSchemeBody>;
/** POST /schemes/preview. */
export type PreviewBody = z.input<typeof c.schemePreviewBody>;
/** The answer of a preview. */
export type SchemePreview = z.output<typeof c.schemePreview>;
/** One matching item of a preview. */
export type PreviewItem = z.output<typeof c.schemePreviewItem>;

const path = (id: string): string => `/api/v1/schemes/${encodeURIComponent(id)}`;

/** The scheme calls bound to the session's client. */
export function schemeApi(api: Api) {
  const { http } = api;
  return {
    list: (query: { limit: number; cursor?: string }) =>
      http.request<z.output<typeof c.schemePage>>('GET', `/api/v1/schemes${queryString(query)}`),
    get: (id: string) => http.request<Scheme>('GET', path(id)),
    create: (body: CreateSchemeBody) => http.request<Scheme>('POST', '/api/v1/schemes', body),
    update: (id: string, body: UpdateSchemeBody) => http.request<Scheme>('PATCH', path(id), body),
    remove: (id: string) => http.request<{ ok: true }>('DELETE', path(id)),
    preview: (body: PreviewBody) => http.request<SchemePreview>('POST', '/api/v1/schemes/preview', body),
  };
}
