/** The bulletin (信息报送) calls of the console, typed by the server's contract. */
import type { z } from 'zod';
import type * as c from '../../../../src/contract/index.js';
import { type HttpClient, queryString } from '../../api/client.js';

/** A bulletin with the actions its state allows. */
export type Bulletin = z.output<typeof c.bulletin>;
/** A bulletin with its adoptions, instructions and score. */
export type BulletinDetail = z.output<typeof c.bulletinDetail>;
/** A page of bulletins with counts per state. */
export type BulletinPage = z.output<typeof c.bulletinPage>;
/** A unit's higher bodies and scoring scheme. */
export type BulletinSettings = z.output<typeof c.bulletinSettings>;
/** Bulletin figures of a period. */
export type BulletinStats = z.output<typeof c.bulletinStats>;
/** One timeline entry. */
export type BulletinTimelineEntry = z.output<typeof c.publicationTimelineEntry>;
/** A bulletin state. */
export type BulletinState = Bulletin['state'];
/** A bulletin kind. */
export type BulletinKind = Bulletin['kind'];
/** An administrative level. */
export type BulletinLevel = BulletinDetail['adoptions'][number]['level'];
/** POST /bulletins. */
export type CreateBulletinBody = z.input<typeof c.createBulletinBody>;
/** POST /bulletins/:id/adoptions. */
export type AdoptionBody = z.input<typeof c.createAdoptionBody>;
/** POST /bulletins/:id/instructions. */
export type InstructionBody = z.input<typeof c.createInstructionBody>;

/** Every state. */
export const BULLETIN_STATE_LIST: readonly BulletinState[] = ['draft', 'submitted', 'cancelled'];
/** Every kind. */
export const BULLETIN_KIND_LIST: readonly BulletinKind[] = ['opinion_info', 'special_report'];
/** Every level, highest first. */
export const BULLETIN_LEVEL_LIST: readonly BulletinLevel[] = [
  'national',
  'provincial',
  'municipal',
  'county',
];

const path = (id: string, rest = '') => `/api/v1/bulletins/${encodeURIComponent(id)}${rest}`;

/** The bulletin calls bound to `http`. */
export function bulletinApi(http: HttpClient) {
  return {
    list: (query: { state?: string[]; kind?: string[]; q?: string; limit: number; cursor?: string }) =>
      http.request<BulletinPage>('GET', `/api/v1/bulletins${queryString(query)}`),
    stats: (query: { from: string; to: string; unitId?: string }) =>
      http.request<BulletinStats>('GET', `/api/v1/bulletins/stats${queryString(query)}`),
    settings: (unitId?: string) =>
      http.request<BulletinSettings>('GET', `/api/v1/bulletin-settings${queryString({ unitId })}`),
    create: (body: CreateBulletinBody) => http.request<BulletinDetail>('POST', '/api/v1/bulletins', body),
    get: (id: string) => http.request<BulletinDetail>('GET', path(id)),
    timeline: (id: string) => http.request<{ items: BulletinTimelineEntry[] }>('GET', path(id, '/timeline')),
    submit: (id: string, recipients: string[]) =>
      http.request<BulletinDetail>('POST', path(id, '/submit'), { recipients }),
    recall: (id: string) => http.request<BulletinDetail>('POST', path(id, '/recall'), {}),
    cancel: (id: string) => http.request<BulletinDetail>('POST', path(id, '/cancel'), {}),
    adopt: (id: string, body: AdoptionBody) => http.request<unknown>('POST', path(id, '/adoptions'), body),
    instruct: (id: string, body: InstructionBody) =>
      http.request<unknown>('POST', path(id, '/instructions'), body),
    feedback: (id: string, instructionId: string, text: string) =>
      http.request<unknown>('POST', path(id, `/instructions/${encodeURIComponent(instructionId)}/feedback`), {
        text,
      }),
  };
}
