/** The duty routes (issue 6 §8): on duty now, hand-over notes, key-period 24-hour duty and its gaps. */
import * as c from '../../contract/index.js';
import { defineRoute, type ApiRoute } from '../route.js';
import * as duty from './duty.js';

const p = (path: string): string => `/api/v1${path}`;

/** Duty routes. Reading duty needs alerts:read (like the roster); writing needs duty:write. */
export const DUTY_ROUTES: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/duty/now'),
    access: 'alerts:read',
    tag: 'duty',
    summary: 'Who is on duty now (or at a given time), with names',
    querystring: c.onDutyQuery,
    response: c.onDutyList,
    handler: (ctx) => duty.listOnDuty(ctx, ctx.query),
  }),
  defineRoute({
    method: 'GET',
    url: p('/duty-handovers'),
    access: 'alerts:read',
    tag: 'duty',
    summary: 'Shift hand-over notes (交接班记录), newest first',
    querystring: c.dutyHandoverQuery,
    response: c.dutyHandoverPage,
    handler: (ctx) => duty.listHandovers(ctx, ctx.query),
  }),
  defineRoute({
    method: 'POST',
    url: p('/duty-handovers'),
    access: 'duty:write',
    tag: 'duty',
    summary: 'Record a shift hand-over with notes and open matters',
    status: 201,
    body: c.createDutyHandoverBody,
    response: c.dutyHandover,
    handler: (ctx) => duty.createHandover(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: p('/duty-handovers/:id'),
    access: 'alerts:read',
    tag: 'duty',
    summary: 'One hand-over note',
    params: c.idParams,
    response: c.dutyHandover,
    handler: (ctx) => duty.getHandover(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'GET',
    url: p('/key-periods/:id/duty'),
    access: 'alerts:read',
    tag: 'duty',
    summary: 'The duty a key period requires and the hours its roster leaves uncovered, per unit',
    params: c.idParams,
    querystring: c.keyPeriodDutyQuery,
    response: c.keyPeriodDutyReport,
    handler: (ctx) => duty.getKeyPeriodDuty(ctx, ctx.params.id, ctx.query.unitId),
  }),
  defineRoute({
    method: 'PUT',
    url: p('/key-periods/:id/duty'),
    access: 'duty:write',
    tag: 'duty',
    summary: 'Require 24-hour duty (and how many people at once) during a key period',
    params: c.idParams,
    body: c.putKeyPeriodDutyBody,
    response: c.keyPeriodDutyReport,
    handler: (ctx) => duty.putKeyPeriodDuty(ctx, ctx.params.id, ctx.body),
  }),
];
