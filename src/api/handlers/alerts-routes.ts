/** The routes of alerts, their life cycle, the SSE stream and alert rules (issue 5 §4–5, §7). */
import { z } from 'zod';
import * as c from '../../contract/index.js';
import { defineRoute, type ApiRoute } from '../route.js';
import * as rules from './alert-rules.js';
import * as alerts from './alerts.js';
import { streamAlerts } from './alerts-stream.js';

const p = (path: string): string => `/api/v1${path}`;

const ruleRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/alert-rules'),
    access: 'alerts:read',
    tag: 'alert-rules',
    summary: 'Alert rules of units in scope',
    querystring: c.alertRuleListQuery,
    response: c.alertRulePage,
    handler: (ctx) => rules.listAlertRules(ctx, ctx.query),
  }),
  defineRoute({
    method: 'POST',
    url: p('/alert-rules'),
    access: 'alerts:admin',
    tag: 'alert-rules',
    summary: 'Create an alert rule (RULE_INVALID names the bad field)',
    status: 201,
    body: c.createAlertRuleBody,
    response: c.alertRule,
    handler: (ctx) => rules.createAlertRule(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: p('/alert-rules/:id'),
    access: 'alerts:read',
    tag: 'alert-rules',
    summary: 'One alert rule',
    params: c.idParams,
    response: c.alertRule,
    handler: (ctx) => rules.getAlertRule(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: p('/alert-rules/:id'),
    access: 'alerts:admin',
    tag: 'alert-rules',
    summary: 'Change fields of an alert rule (a new version)',
    params: c.idParams,
    body: c.updateAlertRuleBody,
    response: c.alertRule,
    handler: (ctx) => rules.updateAlertRule(ctx, ctx.params.id, ctx.body),
  }),
  defineRoute({
    method: 'DELETE',
    url: p('/alert-rules/:id'),
    access: 'alerts:admin',
    tag: 'alert-rules',
    summary: 'Delete an alert rule',
    params: c.idParams,
    response: c.okResponse,
    handler: (ctx) => rules.deleteAlertRule(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'GET',
    url: p('/alert-rules/:id/versions'),
    access: 'alerts:read',
    tag: 'alert-rules',
    summary: 'Every version of an alert rule, newest first',
    params: c.idParams,
    response: c.alertRuleVersionList,
    handler: (ctx) => rules.listAlertRuleVersions(ctx, ctx.params.id),
  }),
];

const alertRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/alerts'),
    access: 'alerts:read',
    tag: 'alerts',
    summary: 'Alerts of units in scope, newest first, with filters',
    querystring: c.alertListQuery,
    response: c.alertPage,
    handler: (ctx) => alerts.listAlerts(ctx, ctx.query),
  }),
  defineRoute({
    method: 'GET',
    url: p('/alerts/stream'),
    access: 'alerts:read',
    tag: 'alerts',
    summary: 'Server-Sent Events (text/event-stream) of new alerts for the caller’s units',
    response: z.unknown().describe('text/event-stream: `event: alert` frames with an Alert as data'),
    handler: (ctx) => streamAlerts(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: p('/alerts/:id'),
    access: 'alerts:read',
    tag: 'alerts',
    summary: 'One alert with its history',
    params: c.idParams,
    response: c.alertDetail,
    handler: (ctx) => alerts.getAlert(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'POST',
    url: p('/alerts/:id/acknowledge'),
    access: 'alerts:handle',
    tag: 'alerts',
    summary: 'Acknowledge a new alert',
    params: c.idParams,
    body: c.alertTransitionBody,
    response: c.alert,
    handler: (ctx) => alerts.acknowledgeAlert(ctx, ctx.params.id, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    url: p('/alerts/:id/handle'),
    access: 'alerts:handle',
    tag: 'alerts',
    summary: 'Start handling an alert (optionally linked to an incident)',
    params: c.idParams,
    body: c.alertHandleBody,
    response: c.alert,
    handler: (ctx) => alerts.handleAlert(ctx, ctx.params.id, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    url: p('/alerts/:id/close'),
    access: 'alerts:handle',
    tag: 'alerts',
    summary: 'Close an alert',
    params: c.idParams,
    body: c.alertTransitionBody,
    response: c.alert,
    handler: (ctx) => alerts.closeAlert(ctx, ctx.params.id, ctx.body),
  }),
];

/** Alert and alert-rule routes. */
export const ALERT_ROUTES: ApiRoute[] = [...ruleRoutes, ...alertRoutes];
