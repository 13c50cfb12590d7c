/** The routes of key accounts (重点账号) and media tiers: read with events:read, change with accounts:write. */
import * as c from '../../contract/index.js';
import { defineRoute, type ApiRoute } from '../route.js';
import * as keyAccounts from './key-accounts.js';

const url = (path: string): string => `/api/v1${path}`;

/** Every key-account and media-tier route. */
export const keyAccountRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: url('/key-accounts'),
    access: 'events:read',
    tag: 'key-accounts',
    summary: 'Key accounts (重点账号) in scope',
    querystring: c.keyAccountListQuery,
    response: c.keyAccountPage,
    handler: (ctx) => keyAccounts.listKeyAccounts(ctx, ctx.query),
  }),
  defineRoute({
    method: 'POST',
    url: url('/key-accounts'),
    access: 'accounts:write',
    tag: 'key-accounts',
    summary: 'Add a key account',
    status: 201,
    body: c.createKeyAccountBody,
    response: c.keyAccount,
    handler: (ctx) => keyAccounts.createKeyAccount(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: url('/key-accounts/:id'),
    access: 'events:read',
    tag: 'key-accounts',
    summary: 'One key account',
    params: c.idParams,
    response: c.keyAccount,
    handler: (ctx) => keyAccounts.getKeyAccount(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: url('/key-accounts/:id'),
    access: 'accounts:write',
    tag: 'key-accounts',
    summary: 'Change a key account',
    params: c.idParams,
    body: c.updateKeyAccountBody,
    response: c.keyAccount,
    handler: (ctx) => keyAccounts.updateKeyAccount(ctx, ctx.params.id, ctx.body),
  }),
  defineRoute({
    method: 'DELETE',
    url: url('/key-accounts/:id'),
    access: 'accounts:write',
    tag: 'key-accounts',
    summary: 'Remove a key account',
    params: c.idParams,
    response: c.okResponse,
    handler: (ctx) => keyAccounts.deleteKeyAccount(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'GET',
    url: url('/media-tiers'),
    access: 'events:read',
    tag: 'key-accounts',
    summary: 'Media tiers with their Chinese names and authority weights',
    response: c.mediaTierList,
    handler: () => keyAccounts.listMediaTiers(),
  }),
];
