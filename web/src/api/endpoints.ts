/** One function per API call the console makes, typed by the server's contract. */
import { type HttpClient, queryString } from './client.js';
import type * as t from './types.js';

/** The API calls, bound to one {@link HttpClient}. */
export function createApi(http: HttpClient) {
  const get = <T>(path: string) => http.request<T>('GET', path);
  const post = <T>(path: string, body: unknown = {}) => http.request<T>('POST', path, body);
  return {
    http,
    login: (username: string, password: string) => post<t.Session>('/api/v1/session', { username, password }),
    session: () => get<t.Session>('/api/v1/session'),
    logout: () => http.request<{ ok: true }>('DELETE', '/api/v1/session'),
    units: () => get<{ items: t.Unit[] }>('/api/v1/units'),
    users: () => get<{ items: t.User[] }>('/api/v1/users?limit=200'),
    items: (query: { from: string; to: string; limit: number; cursor?: string }) =>
      get<t.ItemPage>(`/api/v1/items${queryString({ ...query, sort: 'time' })}`),
    events: (query: { from: string; limit: number }) =>
      get<t.EventPage>(`/api/v1/events${queryString({ ...query, sort: 'heat' })}`),
    alerts: (query: { from?: string; limit: number; status?: string[] }) =>
      get<t.AlertPage>(`/api/v1/alerts${queryString(query)}`),
    incidents: (query: { state: string[]; unitId?: string; limit: number }) =>
      get<t.IncidentPage>(`/api/v1/incidents${queryString(query)}`),
    appeals: (query: { state: string[]; limit: number }) =>
      get<t.AppealPage>(`/api/v1/appeals${queryString(query)}`),
    reports: (query: { limit: number; cursor?: string }) =>
      get<t.ReportPage>(`/api/v1/reports${queryString(query)}`),
    report: (id: string) => get<t.ReportDetail>(`/api/v1/reports/${encodeURIComponent(id)}`),
    generateReport: (body: t.GenerateReportBody) => post<t.ReportDetail>('/api/v1/reports', body),
    editReport: (id: string, body: t.EditReportBody) =>
      http.request<t.ReportDetail>('PATCH', `/api/v1/reports/${encodeURIComponent(id)}`, body),
    submitReport: (id: string, reviewerId: string) =>
      post<t.ReportDetail>(`/api/v1/reports/${encodeURIComponent(id)}/submit`, { reviewerId }),
    approveReport: (id: string, note?: string) =>
      post<t.ReportDetail>(`/api/v1/reports/${encodeURIComponent(id)}/approve`, note ? { note } : {}),
    returnReport: (id: string, note: string) =>
      post<t.ReportDetail>(`/api/v1/reports/${encodeURIComponent(id)}/return`, { note }),
    issueReport: (id: string) => post<t.ReportDetail>(`/api/v1/reports/${encodeURIComponent(id)}/issue`),
    reportFileUrl: (id: string, format: t.ReportFormat) =>
      http.url(`/api/v1/reports/${encodeURIComponent(id)}/file?format=${format}`),
    reportHtml: (id: string) => http.text(`/api/v1/reports/${encodeURIComponent(id)}/file?format=html`),
    schedules: () => get<{ items: t.ReportSchedule[] }>('/api/v1/report-schedules'),
    createSchedule: (body: t.CreateScheduleBody) => post<t.ReportSchedule>('/api/v1/report-schedules', body),
    updateSchedule: (id: string, body: t.UpdateScheduleBody) =>
      http.request<t.ReportSchedule>('PATCH', `/api/v1/report-schedules/${encodeURIComponent(id)}`, body),
    deleteSchedule: (id: string) =>
      http.request<{ ok: true }>('DELETE', `/api/v1/report-schedules/${encodeURIComponent(id)}`),
  };
}

/** The console's API. */
export type Api = ReturnType<typeof createApi>;
