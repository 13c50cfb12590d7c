/**
 * The route table: every endpoint of the HTTP API in one place, with the permission it needs, its
 * request and response schemas (src/contract) and its handler (handlers/<resource>.ts).
 */
import * as c from '../contract/index.js';
import * as audit from './handlers/audit.js';
import * as collection from './handlers/collection.js';
import * as ingest from './handlers/ingest.js';
import * as keyPeriods from './handlers/key-periods.js';
import { keyAccountRoutes } from './handlers/key-accounts-routes.js';
import { CHANNEL_ROUTES } from './handlers/channels-routes.js';
import { eventRoutes } from './handlers/events-routes.js';
import { ALERT_ROUTES } from './handlers/alerts-routes.js';
import { EVIDENCE_ROUTES } from './handlers/evidence-routes.js';
import { PLAN_ROUTES } from './handlers/plans-routes.js';
import { DUTY_ROUTES } from './handlers/duty-routes.js';
import { WORK_CALENDAR_ROUTES } from './handlers/work-calendars-routes.js';
import { INCIDENT_ROUTES } from './handlers/incidents-routes.js';
import { CLUE_ROUTES } from './handlers/clues-routes.js';
import { APPEAL_ROUTES } from './handlers/appeals-routes.js';
import { PUBLICATION_ROUTES } from './handlers/publications-routes.js';
import { BULLETIN_ROUTES } from './handlers/bulletins-routes.js';
import { REPORT_ROUTES } from './handlers/reports-routes.js';
import { OVERVIEW_ROUTES } from './handlers/overview-routes.js';
import { SCHEME_PREVIEW_ROUTES } from './handlers/scheme-preview-routes.js';
import * as items from './handlers/items.js';
import { ITEM_EXTRA_ROUTES } from './handlers/items-extra-routes.js';
import * as schemes from './handlers/schemes.js';
import * as session from './handlers/session.js';
import * as sources from './handlers/sources.js';
import * as tokens from './handlers/tokens.js';
import * as units from './handlers/units.js';
import * as users from './handlers/users.js';
import { defineRoute, type ApiRoute } from './route.js';

/** The prefix of every resource route. */
export const API_PREFIX = '/api/v1';

const p = (path: string): string => `${API_PREFIX}${path}`;

const sessionRoutes: ApiRoute[] = [
  defineRoute({
    method: 'POST',
    url: p('/session'),
    access: 'public',
    tag: 'session',
    summary: 'Log in (sets the session cookie)',
    body: c.loginBody,
    response: c.sessionResponse,
    handler: (ctx) => session.login(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: p('/session'),
    access: 'authenticated',
    tag: 'session',
    summary: 'The current user and CSRF token',
    response: c.sessionResponse,
    handler: (ctx) => session.current(ctx),
  }),
  defineRoute({
    method: 'DELETE',
    url: p('/session'),
    access: 'authenticated',
    tag: 'session',
    summary: 'Log out',
    response: c.okResponse,
    handler: (ctx) => session.logout(ctx),
  }),
];

const unitRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/units'),
    access: 'units:read',
    tag: 'units',
    summary: 'Units in scope',
    response: c.unitList,
    handler: (ctx) => units.listUnits(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: p('/units'),
    access: 'units:write',
    tag: 'units',
    summary: 'Create a unit',
    status: 201,
    body: c.createUnitBody,
    response: c.unit,
    handler: (ctx) => units.createUnit(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: p('/units/:id'),
    access: 'units:read',
    tag: 'units',
    summary: 'One unit',
    params: c.idParams,
    response: c.unit,
    handler: (ctx) => units.getUnit(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: p('/units/:id'),
    access: 'units:write',
    tag: 'units',
    summary: 'Rename or move a unit',
    params: c.idParams,
    body: c.updateUnitBody,
    response: c.unit,
    handler: (ctx) => units.updateUnit(ctx, ctx.params.id, ctx.body),
  }),
  defineRoute({
    method: 'DELETE',
    url: p('/units/:id'),
    access: 'units:write',
    tag: 'units',
    summary: 'Delete an empty unit',
    params: c.idParams,
    response: c.okResponse,
    handler: (ctx) => units.deleteUnit(ctx, ctx.params.id),
  }),
];

const userRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/users'),
    access: 'users:read',
    tag: 'users',
    summary: 'Users in scope',
    querystring: c.userListQuery,
    response: c.userPage,
    handler: (ctx) => users.listUsers(ctx, ctx.query),
  }),
  defineRoute({
    method: 'POST',
    url: p('/users'),
    access: 'users:write',
    tag: 'users',
    summary: 'Create a user',
    status: 201,
    body: c.createUserBody,
    response: c.user,
    handler: (ctx) => users.createUserHandler(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: p('/users/:id'),
    access: 'users:read',
    tag: 'users',
    summary: 'One user',
    params: c.idParams,
    response: c.user,
    handler: (ctx) => users.getUser(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: p('/users/:id'),
    access: 'users:write',
    tag: 'users',
    summary: 'Change a user',
    params: c.idParams,
    body: c.updateUserBody,
    response: c.user,
    handler: (ctx) => users.updateUser(ctx, ctx.params.id, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    url: p('/users/:id/password'),
    access: 'authenticated',
    tag: 'users',
    summary: "Set a password (own with the current one, others' with users:write)",
    params: c.idParams,
    body: c.setPasswordBody,
    response: c.okResponse,
    handler: (ctx) => users.setPassword(ctx, ctx.params.id, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    url: p('/users/:id/sessions/revoke'),
    access: 'authenticated',
    tag: 'users',
    summary: "End all of a user's sessions (own, or others' with users:write)",
    params: c.idParams,
    response: c.revokeSessionsResponse,
    handler: (ctx) => users.revokeSessions(ctx, ctx.params.id),
  }),
];

const tokenRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/tokens'),
    access: 'authenticated',
    tag: 'tokens',
    summary: "Own API tokens, or a user's with users:write",
    querystring: c.tokenListQuery,
    response: c.tokenList,
    handler: (ctx) => tokens.listTokens(ctx, ctx.query.userId),
  }),
  defineRoute({
    method: 'POST',
    url: p('/tokens'),
    access: 'tokens:write',
    tag: 'tokens',
    status: 201,
    summary: 'Create an API token (the secret is shown once)',
    body: c.createTokenBody,
    response: c.createdToken,
    handler: (ctx) => tokens.createTokenHandler(ctx, ctx.body),
  }),
  defineRoute({
    method: 'DELETE',
    url: p('/tokens/:id'),
    access: 'authenticated',
    tag: 'tokens',
    summary: 'Revoke a token',
    params: c.idParams,
    response: c.okResponse,
    handler: (ctx) => tokens.deleteToken(ctx, ctx.params.id),
  }),
];

const sourceRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/sources'),
    access: 'sources:read',
    tag: 'sources',
    summary: 'Sources in scope',
    querystring: c.sourceListQuery,
    response: c.sourcePage,
    handler: (ctx) => sources.listSources(ctx, ctx.query),
  }),
  defineRoute({
    method: 'POST',
    url: p('/sources'),
    access: 'sources:write',
    tag: 'sources',
    summary: 'Create a source',
    status: 201,
    body: c.createSourceBody,
    response: c.source,
    handler: (ctx) => sources.createSource(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: p('/sources/:id'),
    access: 'sources:read',
    tag: 'sources',
    summary: 'One source',
    params: c.idParams,
    response: c.source,
    handler: (ctx) => sources.getSource(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: p('/sources/:id'),
    access: 'sources:write',
    tag: 'sources',
    summary: 'Change a source',
    params: c.idParams,
    body: c.updateSourceBody,
    response: c.source,
    handler: (ctx) => sources.updateSource(ctx, ctx.params.id, ctx.body),
  }),
  defineRoute({
    method: 'DELETE',
    url: p('/sources/:id'),
    access: 'sources:write',
    tag: 'sources',
    summary: 'Delete a source',
    params: c.idParams,
    response: c.okResponse,
    handler: (ctx) => sources.deleteSource(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'POST',
    url: p('/sources/test'),
    access: 'sources:write',
    tag: 'sources',
    summary: 'Fetch a source definition once and show what it would collect (nothing is saved)',
    body: c.testSourceBody,
    response: c.sourcePreview,
    handler: (ctx) => sources.testNewSource(ctx, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    url: p('/sources/:id/test'),
    access: 'sources:write',
    tag: 'sources',
    summary: 'Fetch a saved source once and show what it would collect (nothing is stored)',
    params: c.idParams,
    response: c.sourcePreview,
    handler: (ctx) => sources.testSource(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'POST',
    url: p('/sources/:id/fetch'),
    access: 'sources:write',
    tag: 'sources',
    summary: 'Queue a fetch of the source now',
    params: c.idParams,
    response: c.fetchQueued,
    handler: (ctx) => sources.fetchSourceNow(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'POST',
    url: p('/sources/:id/pause'),
    access: 'sources:write',
    tag: 'sources',
    summary: 'Pause a source',
    params: c.idParams,
    response: c.source,
    handler: (ctx) => sources.setSourceEnabled(ctx, ctx.params.id, false),
  }),
  defineRoute({
    method: 'POST',
    url: p('/sources/:id/resume'),
    access: 'sources:write',
    tag: 'sources',
    summary: 'Resume a paused source (it is due at once)',
    params: c.idParams,
    response: c.source,
    handler: (ctx) => sources.setSourceEnabled(ctx, ctx.params.id, true),
  }),
  defineRoute({
    method: 'GET',
    url: p('/sources/:id/runs'),
    access: 'sources:read',
    tag: 'sources',
    summary: 'Fetch history of a source, newest first',
    params: c.idParams,
    querystring: c.pageQuery,
    response: c.fetchRunPage,
    handler: (ctx) => sources.listFetchRuns(ctx, ctx.params.id, ctx.query),
  }),
  defineRoute({
    method: 'POST',
    url: p('/sources/:id/ingest-token'),
    access: 'sources:write',
    tag: 'sources',
    summary: 'Create or replace the push token of a push source (shown once)',
    status: 201,
    params: c.idParams,
    response: c.ingestTokenResponse,
    handler: (ctx) => sources.createIngestToken(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'DELETE',
    url: p('/sources/:id/ingest-token'),
    access: 'sources:write',
    tag: 'sources',
    summary: 'Revoke the push token of a source',
    params: c.idParams,
    response: c.okResponse,
    handler: (ctx) => sources.revokeIngestToken(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'GET',
    url: p('/source-health-events'),
    access: 'sources:read',
    tag: 'sources',
    summary: 'Source health events (failing, silent, recovered), newest first',
    querystring: c.healthEventQuery,
    response: c.sourceHealthEventPage,
    handler: (ctx) => collection.listHealthEvents(ctx, ctx.query),
  }),
];

const collectionRoutes: ApiRoute[] = [
  defineRoute({
    method: 'POST',
    url: p('/ingest'),
    access: 'public',
    tag: 'ingest',
    summary: 'Push items (JSON array, {items: [...]} or NDJSON) with a push source token; answers per item',
    response: c.ingestResponse,
    handler: (ctx) => ingest.ingest(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: p('/hot-topics'),
    access: 'sources:read',
    tag: 'hot-topics',
    summary: 'Hot-list topics, most recently seen first',
    querystring: c.hotTopicQuery,
    response: c.hotTopicPage,
    handler: (ctx) => collection.listHotTopics(ctx, ctx.query),
  }),
  defineRoute({
    method: 'GET',
    url: p('/hot-topics/:id'),
    access: 'sources:read',
    tag: 'hot-topics',
    summary: 'A hot topic with its rank over time',
    params: c.idParams,
    response: c.hotTopicHistory,
    handler: (ctx) => collection.getHotTopicHistory(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'GET',
    url: p('/key-periods'),
    access: 'sources:read',
    tag: 'key-periods',
    summary: 'Key periods (重要时段)',
    querystring: c.pageQuery,
    response: c.keyPeriodPage,
    handler: (ctx) => keyPeriods.listKeyPeriods(ctx, ctx.query),
  }),
  defineRoute({
    method: 'POST',
    url: p('/key-periods'),
    access: 'sources:write',
    tag: 'key-periods',
    summary: 'Create a key period',
    status: 201,
    body: c.createKeyPeriodBody,
    response: c.keyPeriod,
    handler: (ctx) => keyPeriods.createKeyPeriod(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: p('/key-periods/:id'),
    access: 'sources:read',
    tag: 'key-periods',
    summary: 'One key period',
    params: c.idParams,
    response: c.keyPeriod,
    handler: (ctx) => keyPeriods.getKeyPeriod(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: p('/key-periods/:id'),
    access: 'sources:write',
    tag: 'key-periods',
    summary: 'Change a key period',
    params: c.idParams,
    body: c.updateKeyPeriodBody,
    response: c.keyPeriod,
    handler: (ctx) => keyPeriods.updateKeyPeriod(ctx, ctx.params.id, ctx.body),
  }),
  defineRoute({
    method: 'DELETE',
    url: p('/key-periods/:id'),
    access: 'sources:write',
    tag: 'key-periods',
    summary: 'Delete a key period',
    params: c.idParams,
    response: c.okResponse,
    handler: (ctx) => keyPeriods.deleteKeyPeriod(ctx, ctx.params.id),
  }),
];

const itemRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/items'),
    access: 'items:read',
    tag: 'items',
    summary: 'Search items with an expression',
    querystring: c.itemSearchQuery,
    response: c.itemPage,
    handler: (ctx) => items.searchItems(ctx, ctx.query),
  }),
  defineRoute({
    method: 'GET',
    url: p('/items/:id'),
    access: 'items:read',
    tag: 'items',
    summary: 'One item',
    params: c.idParams,
    response: c.item,
    handler: (ctx) => items.getItem(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'POST',
    url: p('/items/:id/sentiment'),
    access: 'items:annotate',
    tag: 'items',
    summary: 'Correct the sentiment of an item (kept as training data for the next model)',
    params: c.idParams,
    body: c.sentimentCorrectionBody,
    response: c.item,
    handler: (ctx) => items.correctSentiment(ctx, ctx.params.id, ctx.body),
  }),
];

const schemeRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/schemes'),
    access: 'schemes:read',
    tag: 'schemes',
    summary: 'Schemes in scope',
    querystring: c.schemeListQuery,
    response: c.schemePage,
    handler: (ctx) => schemes.listSchemes(ctx, ctx.query),
  }),
  defineRoute({
    method: 'POST',
    url: p('/schemes'),
    access: 'schemes:write',
    tag: 'schemes',
    summary: 'Create a scheme',
    status: 201,
    body: c.createSchemeBody,
    response: c.scheme,
    handler: (ctx) => schemes.createScheme(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: p('/schemes/:id'),
    access: 'schemes:read',
    tag: 'schemes',
    summary: 'One scheme',
    params: c.idParams,
    response: c.scheme,
    handler: (ctx) => schemes.getScheme(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: p('/schemes/:id'),
    access: 'schemes:write',
    tag: 'schemes',
    summary: 'Change a scheme',
    params: c.idParams,
    body: c.updateSchemeBody,
    response: c.scheme,
    handler: (ctx) => schemes.updateScheme(ctx, ctx.params.id, ctx.body),
  }),
  defineRoute({
    method: 'DELETE',
    url: p('/schemes/:id'),
    access: 'schemes:write',
    tag: 'schemes',
    summary: 'Delete a scheme',
    params: c.idParams,
    response: c.okResponse,
    handler: (ctx) => schemes.deleteScheme(ctx, ctx.params.id),
  }),
];

const auditRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/audit'),
    access: 'audit:read',
    tag: 'audit',
    summary: 'Audit log of units in scope',
    querystring: c.auditQuery,
    response: c.auditPage,
    handler: (ctx) => audit.listAudit(ctx, ctx.query),
  }),
];

/** Every resource route of the API. Health, readiness and the OpenAPI document are registered by the app. */
export const ROUTES: readonly ApiRoute[] = [
  ...sessionRoutes,
  ...unitRoutes,
  ...userRoutes,
  ...tokenRoutes,
  ...sourceRoutes,
  ...collectionRoutes,
  ...itemRoutes,
  ...ITEM_EXTRA_ROUTES,
  ...schemeRoutes,
  ...SCHEME_PREVIEW_ROUTES,
  ...auditRoutes,
  ...keyAccountRoutes,
  ...CHANNEL_ROUTES,
  ...eventRoutes,
  ...ALERT_ROUTES,
  ...EVIDENCE_ROUTES,
  ...PLAN_ROUTES,
  ...DUTY_ROUTES,
  ...WORK_CALENDAR_ROUTES,
  ...INCIDENT_ROUTES,
  ...CLUE_ROUTES,
  ...APPEAL_ROUTES,
  ...PUBLICATION_ROUTES,
  ...BULLETIN_ROUTES,
  ...REPORT_ROUTES,
  ...OVERVIEW_ROUTES,
];
