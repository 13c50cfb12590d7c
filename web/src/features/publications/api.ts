/** The publication (信息发布) calls of the console, typed by the server's contract. */
import type { z } from 'zod';
import type * as c from '../../../../src/contract/index.js';
import { type HttpClient, queryString } from '../../api/client.js';

/** A publication with the actions its state allows. */
export type Publication = z.output<typeof c.publication>;
/** A page of publications with counts per state. */
export type PublicationPage = z.output<typeof c.publicationPage>;
/** One version of the text. */
export type PublicationVersion = z.output<typeof c.publicationVersion>;
/** The difference between two versions. */
export type PublicationDiff = z.output<typeof c.publicationDiff>;
/** The confidentiality check of the current text. */
export type ConfidentialityReport = z.output<typeof c.confidentialityReport>;
/** One timeline entry. */
export type PublicationTimelineEntry = z.output<typeof c.publicationTimelineEntry>;
/** A publication state. */
export type PublicationState = Publication['state'];
/** An action on a publication. */
export type PublicationAction = Publication['actions'][number];
/** POST /publications. */
export type CreatePublicationBody = z.input<typeof c.createPublicationBody>;
/** PATCH /publications/:id. */
export type UpdatePublicationBody = z.input<typeof c.updatePublicationBody>;

/** Every state, in workflow order. */
export const PUBLICATION_STATE_LIST: readonly PublicationState[] = [
  'idea',
  'draft',
  'in_review',
  'signed_off',
  'published',
  'withdrawn',
];

/** The path segment of each transition. */
export const TRANSITION_PATHS = {
  start_draft: 'start-draft',
  submit: 'submit',
  reject: 'reject',
  sign_off: 'sign-off',
  publish: 'publish',
  withdraw: 'withdraw',
} as const satisfies Partial<Record<PublicationAction, string>>;

/** An action that is a transition (every action but `edit`). */
export type PublicationTransition = keyof typeof TRANSITION_PATHS;

const path = (id: string, rest = '') => `/api/v1/publications/${encodeURIComponent(id)}${rest}`;

/** The publication calls bound to `http`. */
export function publicationApi(http: HttpClient) {
  return {
    list: (query: { state?: string[]; q?: string; limit: number; cursor?: string }) =>
      http.request<PublicationPage>('GET', `/api/v1/publications${queryString(query)}`),
    create: (body: CreatePublicationBody) => http.request<Publication>('POST', '/api/v1/publications', body),
    get: (id: string) => http.request<Publication>('GET', path(id)),
    update: (id: string, body: UpdatePublicationBody) => http.request<Publication>('PATCH', path(id), body),
    versions: (id: string) => http.request<{ items: PublicationVersion[] }>('GET', path(id, '/versions')),
    diff: (id: string, from: number, to: number) =>
      http.request<PublicationDiff>('GET', path(id, `/diff${queryString({ from, to })}`)),
    check: (id: string) => http.request<ConfidentialityReport>('GET', path(id, '/check')),
    timeline: (id: string) =>
      http.request<{ items: PublicationTimelineEntry[] }>('GET', path(id, '/timeline')),
    transition: (id: string, action: PublicationTransition, body: Record<string, string> = {}) =>
      http.request<Publication>('POST', path(id, `/${TRANSITION_PATHS[action]}`), body),
  };
}
