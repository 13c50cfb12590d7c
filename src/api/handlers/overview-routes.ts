/** The routes of the dashboard overview and of the big screen's display tokens (issue 8). */
import * as c from '../../contract/index.js';
import { defineRoute, type ApiRoute } from '../route.js';
import * as display from './display-tokens.js';
import * as overview from './overview.js';

const p = (path: string): string => `/api/v1${path}`;

/** GET /stats/overview, POST /display-tokens and GET /display/overview. */
export const OVERVIEW_ROUTES: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/stats/overview'),
    access: 'items:read',
    tag: 'stats',
    summary:
      'The dashboard in one answer: figures, volume, platforms, provinces, keywords, events, alerts, cases',
    querystring: c.overviewQuery,
    response: c.overview,
    handler: (ctx) => overview.getOverview(ctx, ctx.query),
  }),
  defineRoute({
    method: 'POST',
    url: p('/display-tokens'),
    access: 'users:write',
    tag: 'tokens',
    status: 201,
    summary:
      'Create a read-only display token for the big screen (shown once; revoke with DELETE /tokens/:id)',
    body: c.createDisplayTokenBody,
    response: c.createdDisplayToken,
    handler: (ctx) => display.createDisplayToken(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: p('/display/overview'),
    access: 'public',
    tag: 'stats',
    summary: 'The overview for a display token (Authorization: Bearer fxd_…); nothing else accepts one',
    querystring: c.overviewQuery,
    response: c.overview,
    handler: (ctx) => display.displayOverview(ctx, ctx.query),
  }),
];
