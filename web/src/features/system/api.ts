/** The API calls of the 系统 page: units, users, channels, alert rules, work calendars, duty, audit. */
import { useMemo } from 'react';
import type { z } from 'zod';
import type * as c from '../../../../src/contract/index.js';
import { type HttpClient, queryString } from '../../api/client.js';
import { useSignedIn } from '../../session/context.js';

/** A unit. */
export type Unit = z.output<typeof c.unit>;
/** A user. */
export type User = z.output<typeof c.user>;
/** A role. */
export type Role = User['roles'][number];
/** POST /users. */
export type CreateUserBody = z.input<typeof c.createUserBody>;
/** PATCH /users/:id. */
export type UpdateUserBody = z.input<typeof c.updateUserBody>;
/** An alert channel (secrets masked). */
export type Channel = z.output<typeof c.channel>;
/** POST /channels. */
export type CreateChannelBody = z.input<typeof c.createChannelBody>;
/** The outcome of a test send. */
export type ChannelTestResult = z.output<typeof c.channelTestResult>;
/** An alert rule. */
export type AlertRule = z.output<typeof c.alertRule>;
/** A working-day calendar. */
export type WorkCalendar = z.output<typeof c.workCalendar>;
/** PUT /work-calendars/:unitId. */
export type WorkCalendarBody = z.input<typeof c.putWorkCalendarBody>;
/** A duty shift. */
export type DutyShift = z.output<typeof c.dutyShift>;
/** POST /duty-shifts. */
export type CreateDutyShiftBody = z.input<typeof c.createDutyShiftBody>;
/** One audit entry. */
export type AuditEntry = z.output<typeof c.auditEntry>;
/** The filters of the audit log. */
export interface AuditFilters {
  actor?: string;
  action?: string;
  targetType?: string;
  from?: string;
  to?: string;
}

const id = (value: string): string => encodeURIComponent(value);

/** The calls, bound to the session's HTTP client. */
export function systemApi(http: HttpClient) {
  const get = <T>(path: string) => http.request<T>('GET', path);
  const post = <T>(path: string, body: unknown = {}) => http.request<T>('POST', path, body);
  const patch = <T>(path: string, body: unknown) => http.request<T>('PATCH', path, body);
  const remove = (path: string) => http.request<{ ok: true }>('DELETE', path);
  return {
    units: () => get<z.output<typeof c.unitList>>('/api/v1/units'),
    createUnit: (body: z.input<typeof c.createUnitBody>) => post<Unit>('/api/v1/units', body),
    updateUnit: (unitId: string, body: z.input<typeof c.updateUnitBody>) =>
      patch<Unit>(`/api/v1/units/${id(unitId)}`, body),
    deleteUnit: (unitId: string) => remove(`/api/v1/units/${id(unitId)}`),
    users: () => get<z.output<typeof c.userPage>>('/api/v1/users?limit=200'),
    createUser: (body: CreateUserBody) => post<User>('/api/v1/users', body),
    updateUser: (userId: string, body: UpdateUserBody) => patch<User>(`/api/v1/users/${id(userId)}`, body),
    setPassword: (userId: string, password: string) =>
      post<{ ok: true }>(`/api/v1/users/${id(userId)}/password`, { password }),
    channels: () => get<z.output<typeof c.channelList>>('/api/v1/channels'),
    createChannel: (body: CreateChannelBody) => post<Channel>('/api/v1/channels', body),
    updateChannel: (channelId: string, body: z.input<typeof c.updateChannelBody>) =>
      patch<Channel>(`/api/v1/channels/${id(channelId)}`, body),
    deleteChannel: (channelId: string) => remove(`/api/v1/channels/${id(channelId)}`),
    testChannel: (channelId: string) => post<ChannelTestResult>(`/api/v1/channels/${id(channelId)}/test`),
    alertRules: () => get<z.output<typeof c.alertRulePage>>('/api/v1/alert-rules?limit=200'),
    createAlertRule: (body: Record<string, unknown>) => post<AlertRule>('/api/v1/alert-rules', body),
    updateAlertRule: (ruleId: string, body: Record<string, unknown>) =>
      patch<AlertRule>(`/api/v1/alert-rules/${id(ruleId)}`, body),
    deleteAlertRule: (ruleId: string) => remove(`/api/v1/alert-rules/${id(ruleId)}`),
    workCalendar: (unitId: string) => get<WorkCalendar>(`/api/v1/work-calendars/${id(unitId)}`),
    putWorkCalendar: (unitId: string, body: WorkCalendarBody) =>
      http.request<WorkCalendar>('PUT', `/api/v1/work-calendars/${id(unitId)}`, body),
    resetWorkCalendar: (unitId: string) => remove(`/api/v1/work-calendars/${id(unitId)}`),
    dutyShifts: (from: string, to: string) =>
      get<z.output<typeof c.dutyShiftList>>(`/api/v1/duty-shifts${queryString({ from, to })}`),
    createDutyShift: (body: CreateDutyShiftBody) => post<DutyShift>('/api/v1/duty-shifts', body),
    deleteDutyShift: (shiftId: string) => remove(`/api/v1/duty-shifts/${id(shiftId)}`),
    audit: (filters: AuditFilters, cursor?: string) =>
      get<z.output<typeof c.auditPage>>(`/api/v1/audit${queryString({ ...filters, limit: 50, cursor })}`),
  };
}

/** The 系统 API. */
export type SystemApi = ReturnType<typeof systemApi>;

/** The 系统 API of the signed-in session. */
export function useSystemApi(): SystemApi {
  const { api } = useSignedIn();
  return useMemo(() => systemApi(api.http), [api]);
}
