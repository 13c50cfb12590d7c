/** The routes of office calendars (issue 6 §1): read by anyone signed in, changed with calendar:write. */
import * as c from '../../contract/index.js';
import { defineRoute, type ApiRoute } from '../route.js';
import * as calendars from './work-calendars.js';

const p = (path: string): string => `/api/v1${path}`;

/** Work-calendar routes. */
export const WORK_CALENDAR_ROUTES: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/work-calendars/:unitId'),
    access: 'authenticated',
    tag: 'calendar',
    summary: 'The working-day calendar that applies to a unit (own, inherited, default or built in)',
    params: c.workCalendarParams,
    response: c.workCalendar,
    handler: (ctx) => calendars.getWorkCalendar(ctx, ctx.params.unitId),
  }),
  defineRoute({
    method: 'PUT',
    url: p('/work-calendars/:unitId'),
    access: 'calendar:write',
    tag: 'calendar',
    summary:
      "Set a unit's calendar (time zone, holidays, make-up workdays); `default` sets the installation's",
    params: c.workCalendarParams,
    body: c.putWorkCalendarBody,
    response: c.workCalendar,
    handler: (ctx) => calendars.setWorkCalendar(ctx, ctx.params.unitId, ctx.body),
  }),
  defineRoute({
    method: 'DELETE',
    url: p('/work-calendars/:unitId'),
    access: 'calendar:write',
    tag: 'calendar',
    summary: "Remove a unit's own calendar (it uses the one above again)",
    params: c.workCalendarParams,
    response: c.okResponse,
    handler: (ctx) => calendars.deleteWorkCalendar(ctx, ctx.params.unitId),
  }),
];
