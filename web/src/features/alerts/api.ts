/** The alert calls of the 预警 page, typed by the server's contract (types only). */
import { useMemo } from 'react';
import type { z } from 'zod';
import type * as c from '../../../../src/contract/index.js';
import { type HttpClient, queryString } from '../../api/client.js';
import { useSession } from '../../session/context.js';

/** An alert. */
export type AlertView = z.output<typeof c.alert>;
/** An alert with its history. */
export type AlertDetailView = z.output<typeof c.alertDetail>;
/** A page of alerts. */
export type AlertPageView = z.output<typeof c.alertPage>;
/** A level of an alert (红/橙/黄/蓝). */
export type AlertLevel = AlertView['level'];
/** A status of an alert. */
export type AlertStatus = AlertView['status'];
/** An incident as the API answers when one is opened. */
export type OpenedIncident = z.output<typeof c.incident>;

/** Filters of the inbox. */
export interface AlertQuery {
  level?: AlertLevel[];
  status?: AlertStatus[];
  limit: number;
  cursor?: string;
}

const path = (id: string, what = ''): string => `/api/v1/alerts/${encodeURIComponent(id)}${what}`;

/** The alert calls bound to one client. */
export function createAlertsApi(http: HttpClient) {
  return {
    list: (query: AlertQuery) =>
      http.request<AlertPageView>('GET', `/api/v1/alerts${queryString({ ...query })}`),
    get: (id: string) => http.request<AlertDetailView>('GET', path(id)),
    acknowledge: (id: string, note?: string) =>
      http.request<AlertView>('POST', path(id, '/acknowledge'), note ? { note } : {}),
    close: (id: string, note?: string) =>
      http.request<AlertView>('POST', path(id, '/close'), note ? { note } : {}),
    /** Opens an incident from the alert (立案处置); the server moves the alert to handling. */
    openIncident: (alertId: string) => http.request<OpenedIncident>('POST', '/api/v1/incidents', { alertId }),
  };
}

/** The alert calls. */
export type AlertsApi = ReturnType<typeof createAlertsApi>;

/** The alert calls of the signed-in session. */
export function useAlertsApi(): AlertsApi {
  const { api } = useSession();
  return useMemo(() => createAlertsApi(api.http), [api]);
}
