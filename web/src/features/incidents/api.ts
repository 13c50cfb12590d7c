/**
 * The calls of the 处置 pages — incidents, their statements (口径), plan activations and tasks, evidence —
 * typed by the server's contract (types only). Every state change goes through the API's state-machine
 * actions; the console never sets a state itself.
 */
import { useMemo } from 'react';
import type { z } from 'zod';
import type * as c from '../../../../src/contract/index.js';
import { type HttpClient, queryString } from '../../api/client.js';
import { useSession } from '../../session/context.js';

/** An incident. */
export type IncidentView = z.output<typeof c.incident>;
/** An incident with everything its page shows. */
export type IncidentDetailView = z.output<typeof c.incidentDetail>;
/** A state of an incident. */
export type IncidentState = IncidentView['state'];
/** An action on an incident. */
export type IncidentAction = IncidentView['allowedActions'][number];
/** Counts per state. */
export type IncidentCountsView = z.output<typeof c.incidentCounts>;
/** A statement (口径). */
export type ResponseView = z.output<typeof c.incidentResponse>;
/** A review action on a statement. */
export type ResponseAction = ResponseView['allowedActions'][number];
/** A verification result. */
export type VerificationResult = z.output<typeof c.incidentVerifyBody>['result'];
/** A deadline. */
export type DeadlineView = z.output<typeof c.incidentDeadline>;
/** A timeline entry. */
export type TimelineEntryView = z.output<typeof c.incidentTimelineEntry>;
/** A plan. */
export type PlanView = z.output<typeof c.plan>;
/** A plan activation with its tasks. */
export type ActivationView = z.output<typeof c.planActivationDetail>;
/** A plan task. */
export type PlanTaskView = z.output<typeof c.planTask>;
/** An evidence capture. */
export type EvidenceView = z.output<typeof c.evidence>;
/** POST /incidents/:id/close. */
export type CloseBody = z.input<typeof c.incidentCloseBody>;
/** POST /incidents/:id/responses. */
export type NewResponseBody = z.input<typeof c.createIncidentResponseBody>;
/** POST .../publish. */
export type PublishBody = z.input<typeof c.incidentResponsePublishBody>;

const enc = encodeURIComponent;
const one = (id: string, what = ''): string => `/api/v1/incidents/${enc(id)}${what}`;
const statement = (id: string, responseId: string, what = ''): string =>
  one(id, `/responses/${enc(responseId)}${what}`);

/** The incident calls bound to one client. */
export function createIncidentsApi(http: HttpClient) {
  const get = <T>(path: string) => http.request<T>('GET', path);
  const post = <T>(path: string, body: unknown = {}) => http.request<T>('POST', path, body);
  return {
    list: (query: { state: IncidentState[]; limit: number; unitId?: string }) =>
      get<z.output<typeof c.incidentPage>>(`/api/v1/incidents${queryString(query)}`),
    counts: (query: { unitId?: string }) =>
      get<IncidentCountsView>(`/api/v1/incidents/counts${queryString(query)}`),
    get: (id: string) => get<IncidentDetailView>(one(id)),
    transition: (id: string, action: 'start_verification' | 'start_response' | 'follow_up', note?: string) =>
      post<IncidentView>(one(id, '/transition'), { action, ...(note && { note }) }),
    verify: (id: string, body: { result: VerificationResult; facts: string; evidenceIds: string[] }) =>
      post<IncidentView>(one(id, '/verification'), body),
    close: (id: string, body: CloseBody) => post<IncidentView>(one(id, '/close'), body),
    reopen: (id: string, body: { to: 'responding' | 'verifying'; reason: string }) =>
      post<IncidentView>(one(id, '/reopen'), body),
    progress: (id: string, text: string) => post<{ ok: true }>(one(id, '/progress'), { text }),
    draftResponse: (id: string, body: NewResponseBody) => post<ResponseView>(one(id, '/responses'), body),
    submitResponse: (id: string, responseId: string) =>
      post<ResponseView>(statement(id, responseId, '/submit')),
    approveResponse: (id: string, responseId: string) =>
      post<ResponseView>(statement(id, responseId, '/approve')),
    rejectResponse: (id: string, responseId: string, reason: string) =>
      post<ResponseView>(statement(id, responseId, '/reject'), { reason }),
    publishResponse: (id: string, responseId: string, body: PublishBody) =>
      post<ResponseView>(statement(id, responseId, '/publish'), body),
    plans: () => get<z.output<typeof c.planPage>>('/api/v1/plans?status=active&limit=200'),
    activatePlan: (planId: string, incidentId: string) =>
      post<ActivationView>(`/api/v1/plans/${enc(planId)}/activate`, {
        recordType: 'incident',
        recordId: incidentId,
      }),
    activations: (incidentId: string) =>
      get<z.output<typeof c.planActivationPage>>(
        `/api/v1/plan-activations${queryString({ recordType: 'incident', recordId: incidentId, limit: 20 })}`,
      ),
    activation: (id: string) => get<ActivationView>(`/api/v1/plan-activations/${enc(id)}`),
    taskAction: (taskId: string, action: 'complete' | 'skip' | 'reopen', text?: string) =>
      post<PlanTaskView>(
        `/api/v1/plan-tasks/${enc(taskId)}/${action}`,
        action === 'skip' ? { reason: text ?? '' } : text ? { note: text } : {},
      ),
    evidence: (incidentId: string) =>
      get<z.output<typeof c.evidencePage>>(
        `/api/v1/evidence${queryString({ recordType: 'incident', recordId: incidentId, limit: 100 })}`,
      ),
    captureEvidence: (incidentId: string, itemId: string) =>
      post<EvidenceView>('/api/v1/evidence', { itemId, recordType: 'incident', recordId: incidentId }),
  };
}

/** The incident calls. */
export type IncidentsApi = ReturnType<typeof createIncidentsApi>;

/** The incident calls of the signed-in session. */
export function useIncidentsApi(): IncidentsApi {
  const { api } = useSession();
  return useMemo(() => createIncidentsApi(api.http), [api]);
}
