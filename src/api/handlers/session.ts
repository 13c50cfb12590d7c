/** POST, GET and DELETE /api/v1/session: console login, the current session, logout. */
import type { z } from 'zod';
import type { Principal } from '../../auth/index.js';
import type { loginBody, sessionResponse } from '../../contract/index.js';
import { permissionsOf } from '../../domain/index.js';
import { SESSION_COOKIE } from '../authenticate.js';
import { presentTime, presentUser } from '../presenters.js';
import type { RequestContext } from '../route.js';

type SessionView = z.output<typeof sessionResponse>;

function viewOf(principal: Principal): SessionView {
  const session = principal.via.kind === 'session' ? principal.via.session : null;
  return {
    user: presentUser(principal.user),
    permissions: [...principal.permissions],
    csrfToken: session?.csrfToken ?? null,
    expiresAt: presentTime(session?.expiresAt ?? null),
  };
}

/** Checks the password, sets the session cookie and answers with the user and the CSRF token. */
export async function login(ctx: RequestContext, body: z.output<typeof loginBody>): Promise<SessionView> {
  const { deps, request, reply } = ctx;
  const result = await deps.auth.login({
    username: body.username,
    password: body.password,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });
  void reply.setCookie(SESSION_COOKIE, result.secret, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: deps.options.cookieSecure,
  });
  const user = result.user;
  return {
    user: presentUser(user),
    permissions: [...permissionsOf(user.roles)],
    csrfToken: result.session.csrfToken,
    expiresAt: presentTime(result.session.expiresAt),
  };
}

/** The caller's session (or token) and user. */
export async function current(ctx: RequestContext): Promise<SessionView> {
  return viewOf(ctx.principal);
}

/** Revokes the session and clears the cookie. */
export async function logout(ctx: RequestContext): Promise<{ ok: true }> {
  await ctx.deps.auth.logout(ctx.principal, ctx.request.ip);
  void ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
  return { ok: true };
}
