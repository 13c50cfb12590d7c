/** The clue (问题线索) calls of the console, typed by the server's contract. Every read is audited there. */
import type { z } from 'zod';
import type * as c from '../../../../src/contract/index.js';
import { type HttpClient, queryString } from '../../api/client.js';

/** A clue with the actions its state allows. */
export type Clue = z.output<typeof c.clue>;
/** A clue with its timeline. */
export type ClueDetail = z.output<typeof c.clueDetail>;
/** A page of clues. */
export type CluePage = z.output<typeof c.cluePage>;
/** Clues per state. */
export type ClueCounts = z.output<typeof c.clueCounts>;
/** 成案率 of one unit. */
export type ClueFilingStats = z.output<typeof c.clueFilingStats>;
/** One of the four criteria. */
export type ClueCriterion = keyof Clue['checklist'];
/** A clue state. */
export type ClueState = Clue['state'];
/** A clue outcome. */
export type ClueOutcome = NonNullable<Clue['outcome']>;
/** PATCH /clues/:id. */
export type UpdateClueBody = z.input<typeof c.updateClueBody>;
/** POST /clues/:id/transfer. */
export type ClueTransferBody = z.input<typeof c.clueTransferBody>;

/** The criteria in checklist order. */
export const CRITERIA: readonly ClueCriterion[] = [
  'facts_evident',
  'plot_clear',
  'details_complete',
  'verifiable',
];

/** Every state, in workflow order. */
export const CLUE_STATE_LIST: readonly ClueState[] = [
  'draft',
  'ready',
  'transferred',
  'in_progress',
  'filed',
  'closed_after_check',
  'not_filed',
];

const path = (id: string, rest = '') => `/api/v1/clues/${encodeURIComponent(id)}${rest}`;

/** The clue calls bound to `http`. */
export function clueApi(http: HttpClient) {
  return {
    list: (query: { state?: string[]; origin?: string[]; limit: number; cursor?: string }) =>
      http.request<CluePage>('GET', `/api/v1/clues${queryString(query)}`),
    counts: () => http.request<ClueCounts>('GET', '/api/v1/clues/counts'),
    stats: (period: { from: string; to: string }) =>
      http.request<{ items: ClueFilingStats[] }>('GET', `/api/v1/clues/stats${queryString(period)}`),
    get: (id: string) => http.request<ClueDetail>('GET', path(id)),
    update: (id: string, body: UpdateClueBody) => http.request<Clue>('PATCH', path(id), body),
    ready: (id: string) => http.request<Clue>('POST', path(id, '/ready'), {}),
    reopen: (id: string) => http.request<Clue>('POST', path(id, '/reopen'), {}),
    transfer: (id: string, body: ClueTransferBody) => http.request<Clue>('POST', path(id, '/transfer'), body),
    outcome: (id: string, outcome: ClueOutcome, note?: string) =>
      http.request<Clue>('POST', path(id, '/outcome'), { outcome, ...(note ? { note } : {}) }),
  };
}
