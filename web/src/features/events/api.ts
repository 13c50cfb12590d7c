/** The API calls of the 事件 (events) pages, typed by the server's contract. */
import type { z } from 'zod';
import type * as c from '../../../../src/contract/index.js';
import { queryString } from '../../api/client.js';
import type { Api } from '../../api/endpoints.js';

/** An event. */
export type EventRecord = z.output<typeof c.event>;
/** One event with its history and repost tree. */
export type EventDetail = z.output<typeof c.eventDetail>;
/** An event's timeline. */
export type EventTimeline = z.output<typeof c.eventTimeline>;
/** An item. */
export type Item = z.output<typeof c.item>;
/** A generated report. */
export type ReportDetail = z.output<typeof c.reportDetail>;
/** A stage of an event. */
export type EventStage = EventRecord['stage'];

/** The filters of the event list. */
export interface EventQuery {
  limit: number;
  cursor?: string;
  q?: string;
  stage?: EventStage[];
  sort: 'heat' | 'time';
}

const path = (id: string): string => `/api/v1/events/${encodeURIComponent(id)}`;

/** The event calls bound to the session's client. */
export function eventApi(api: Api) {
  const get = <T>(url: string) => api.http.request<T>('GET', url);
  return {
    list: (query: EventQuery) =>
      get<z.output<typeof c.eventPage>>(`/api/v1/events${queryString({ ...query })}`),
    get: (id: string) => get<EventDetail>(path(id)),
    timeline: (id: string, bucket: 'hour' | 'day') =>
      get<EventTimeline>(`${path(id)}/timeline${queryString({ bucket })}`),
    items: (id: string, limit: number) =>
      get<z.output<typeof c.eventItemPage>>(`${path(id)}/items${queryString({ limit })}`),
    item: (id: string) => get<Item>(`/api/v1/items/${encodeURIComponent(id)}`),
    specialReport: (event: EventRecord) =>
      api.http.request<ReportDetail>('POST', '/api/v1/reports', {
        type: 'special',
        eventId: event.id,
        unitId: event.unitId,
      } satisfies z.input<typeof c.generateReportBody>),
    reportFileUrl: (id: string, format: 'docx' | 'pdf') =>
      api.http.url(`/api/v1/reports/${encodeURIComponent(id)}/file${queryString({ format })}`),
  };
}

/** The bucket that shows an event's course best: hours for a short event, days for a long one. */
export function bucketOf(event: EventRecord): 'hour' | 'day' {
  const span = Date.parse(event.lastPublishedAt) - Date.parse(event.firstPublishedAt);
  return span > 3 * 24 * 3_600_000 ? 'day' : 'hour';
}
