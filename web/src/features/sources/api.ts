/** The API calls of the 信息源 pages (sources, fetch runs, test fetch, key periods, key accounts, tiers). */
import type { z } from 'zod';
import type * as c from '../../../../src/contract/index.js';
import { useMemo } from 'react';
import { type HttpClient, queryString } from '../../api/client.js';
import { useSignedIn } from '../../session/context.js';

/** A source. */
export type Source = z.output<typeof c.source>;
/** POST /sources (and /sources/test). */
export type SourceBody = z.input<typeof c.createSourceBody>;
/** PATCH /sources/:id. */
export type SourcePatch = z.input<typeof c.updateSourceBody>;
/** What a test fetch would collect. */
export type SourcePreview = z.output<typeof c.sourcePreview>;
/** One fetch of a source. */
export type FetchRun = z.output<typeof c.fetchRun>;
/** A source health event. */
export type HealthEvent = z.output<typeof c.sourceHealthEvent>;
/** A key period (重点时段). */
export type KeyPeriod = z.output<typeof c.keyPeriod>;
/** POST /key-periods. */
export type KeyPeriodBody = z.input<typeof c.createKeyPeriodBody>;
/** A key account (重点账号). */
export type KeyAccount = z.output<typeof c.keyAccount>;
/** POST /key-accounts. */
export type KeyAccountBody = z.input<typeof c.createKeyAccountBody>;
/** GET /media-tiers. */
export type MediaTierList = z.output<typeof c.mediaTierList>;

const id = (value: string): string => encodeURIComponent(value);

/** The calls, bound to the session's HTTP client. */
export function sourcesApi(http: HttpClient) {
  const get = <T>(path: string) => http.request<T>('GET', path);
  const post = <T>(path: string, body: unknown = {}) => http.request<T>('POST', path, body);
  const patch = <T>(path: string, body: unknown) => http.request<T>('PATCH', path, body);
  const remove = (path: string) => http.request<{ ok: true }>('DELETE', path);
  return {
    sources: (cursor?: string) =>
      get<z.output<typeof c.sourcePage>>(`/api/v1/sources${queryString({ limit: 200, cursor })}`),
    createSource: (body: SourceBody) => post<Source>('/api/v1/sources', body),
    updateSource: (sourceId: string, body: SourcePatch) =>
      patch<Source>(`/api/v1/sources/${id(sourceId)}`, body),
    deleteSource: (sourceId: string) => remove(`/api/v1/sources/${id(sourceId)}`),
    testDefinition: (body: SourceBody) => post<SourcePreview>('/api/v1/sources/test', body),
    testSource: (sourceId: string) => post<SourcePreview>(`/api/v1/sources/${id(sourceId)}/test`),
    fetchNow: (sourceId: string) =>
      post<z.output<typeof c.fetchQueued>>(`/api/v1/sources/${id(sourceId)}/fetch`),
    pause: (sourceId: string) => post<Source>(`/api/v1/sources/${id(sourceId)}/pause`),
    resume: (sourceId: string) => post<Source>(`/api/v1/sources/${id(sourceId)}/resume`),
    runs: (sourceId: string) =>
      get<z.output<typeof c.fetchRunPage>>(`/api/v1/sources/${id(sourceId)}/runs?limit=50`),
    healthEvents: (sourceId: string) =>
      get<z.output<typeof c.sourceHealthEventPage>>(
        `/api/v1/source-health-events${queryString({ sourceId, limit: 20 })}`,
      ),
    keyPeriods: () => get<z.output<typeof c.keyPeriodPage>>('/api/v1/key-periods?limit=200'),
    createKeyPeriod: (body: KeyPeriodBody) => post<KeyPeriod>('/api/v1/key-periods', body),
    updateKeyPeriod: (periodId: string, body: Partial<KeyPeriodBody>) =>
      patch<KeyPeriod>(`/api/v1/key-periods/${id(periodId)}`, body),
    deleteKeyPeriod: (periodId: string) => remove(`/api/v1/key-periods/${id(periodId)}`),
    keyAccounts: (q?: string) =>
      get<z.output<typeof c.keyAccountPage>>(`/api/v1/key-accounts${queryString({ limit: 200, q })}`),
    createKeyAccount: (body: KeyAccountBody) => post<KeyAccount>('/api/v1/key-accounts', body),
    updateKeyAccount: (accountId: string, body: Partial<KeyAccountBody>) =>
      patch<KeyAccount>(`/api/v1/key-accounts/${id(accountId)}`, body),
    deleteKeyAccount: (accountId: string) => remove(`/api/v1/key-accounts/${id(accountId)}`),
    mediaTiers: () => get<MediaTierList>('/api/v1/media-tiers'),
  };
}

/** The 信息源 API. */
export type SourcesApi = ReturnType<typeof sourcesApi>;

/** The 信息源 API of the signed-in session. */
export function useSourcesApi(): SourcesApi {
  const { api } = useSignedIn();
  return useMemo(() => sourcesApi(api.http), [api]);
}
