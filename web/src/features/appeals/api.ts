/** The appeal (网络诉求) calls of the console, typed by the server's contract. */
import type { z } from 'zod';
import type * as c from '../../../../src/contract/index.js';
import { type HttpClient, queryString } from '../../api/client.js';

/** An appeal with the actions its state allows. */
export type Appeal = z.output<typeof c.appeal>;
/** An appeal with its timeline, deadlines and merged duplicates. */
export type AppealDetail = z.output<typeof c.appealDetail>;
/** A page of appeals. */
export type AppealPage = z.output<typeof c.appealPage>;
/** A department appeals go to. */
export type AppealDepartment = z.output<typeof c.appealDepartment>;
/** Figures of one group of appeals. */
export type AppealStats = z.output<typeof c.appealStats>;
/** An appeal state. */
export type AppealState = Appeal['state'];
/** A citizen's verdict. */
export type AppealSatisfaction = NonNullable<Appeal['satisfaction']>;

/** Every state, in workflow order. */
export const APPEAL_STATE_LIST: readonly AppealState[] = [
  'new',
  'accepted',
  'dispatched',
  'returned',
  'replied',
  'closed',
  'merged',
  'rejected',
];

/** The citizen's verdicts. */
export const SATISFACTIONS: readonly AppealSatisfaction[] = [
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
];

const path = (id: string, rest = '') => `/api/v1/appeals/${encodeURIComponent(id)}${rest}`;

/** The appeal calls bound to `http`. */
export function appealApi(http: HttpClient) {
  const act = (id: string, action: string, body: unknown = {}) =>
    http.request<Appeal>('POST', path(id, `/${action}`), body);
  return {
    list: (query: { state?: string[]; overdue?: boolean; limit: number; cursor?: string }) =>
      http.request<AppealPage>('GET', `/api/v1/appeals${queryString(query)}`),
    counts: () => http.request<{ byState: Record<AppealState, number> }>('GET', '/api/v1/appeals/counts'),
    stats: (query: { from: string; to: string; groupBy: 'unit' | 'department' | 'category' }) =>
      http.request<{ items: AppealStats[] }>('GET', `/api/v1/appeals/stats${queryString(query)}`),
    departments: () => http.request<{ items: AppealDepartment[] }>('GET', '/api/v1/appeal-departments'),
    get: (id: string) => http.request<AppealDetail>('GET', path(id)),
    accept: (id: string) => act(id, 'accept'),
    reject: (id: string, reason: string) => act(id, 'reject', { reason }),
    dispatch: (id: string, departmentId: string, days?: number) =>
      act(id, 'dispatch', { departmentId, ...(days !== undefined && { days }) }),
    extend: (id: string, days: number, reason: string) => act(id, 'extend', { days, reason }),
    return: (id: string, reason: string) => act(id, 'return', { reason }),
    reply: (id: string, text: string) => act(id, 'reply', { text }),
    publish: (id: string) => http.request<Appeal>('POST', path(id, '/publish')),
    rate: (id: string, satisfaction: AppealSatisfaction) => act(id, 'rate', { satisfaction }),
    close: (id: string) => act(id, 'close'),
  };
}
