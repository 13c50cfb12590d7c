/** The routes of events (事件): read with events:read, merge with events:write. */
import * as c from '../../contract/index.js';
import { defineRoute, type ApiRoute } from '../route.js';
import * as events from './events.js';

const p = (path: string): string => `/api/v1${path}`;

/** Event routes, spread into ROUTES by src/api/routes.ts. */
export const eventRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/events'),
    access: 'events:read',
    tag: 'events',
    summary: 'Events in scope, hottest (or latest) first',
    querystring: c.eventListQuery,
    response: c.eventPage,
    handler: (ctx) => events.listEvents(ctx, ctx.query),
  }),
  defineRoute({
    method: 'GET',
    url: p('/events/:id'),
    access: 'events:read',
    tag: 'events',
    summary: 'One event with its history and repost tree',
    params: c.idParams,
    response: c.eventDetail,
    handler: (ctx) => events.getEvent(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'GET',
    url: p('/events/:id/timeline'),
    access: 'events:read',
    tag: 'events',
    summary: 'Items of an event per hour or day with their sentiment mix',
    params: c.idParams,
    querystring: c.eventTimelineQuery,
    response: c.eventTimeline,
    handler: (ctx) => events.getEventTimeline(ctx, ctx.params.id, ctx.query),
  }),
  defineRoute({
    method: 'GET',
    url: p('/events/:id/items'),
    access: 'events:read',
    tag: 'events',
    summary: 'Items of an event, newest first',
    params: c.idParams,
    querystring: c.pageQuery,
    response: c.eventItemPage,
    handler: (ctx) => events.listEventItems(ctx, ctx.params.id, ctx.query),
  }),
  defineRoute({
    method: 'POST',
    url: p('/events/:id/merge'),
    access: 'events:write',
    tag: 'events',
    summary: 'Merge this event into another of the same unit (the other keeps its id)',
    params: c.idParams,
    body: c.mergeEventBody,
    response: c.mergeEventResponse,
    handler: (ctx) => events.mergeEvent(ctx, ctx.params.id, ctx.body),
  }),
];
