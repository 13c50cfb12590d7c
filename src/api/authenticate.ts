/**
 * Finding the caller of a request: a Bearer token (API clients) or the session cookie (the console).
 * Cookie-authenticated writes must echo the session's CSRF token in `x-csrf-token`; Bearer requests are
 * exempt because browsers never attach them on their own.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AuthService, Principal } from '../auth/index.js';
import { AppError } from '../platform/errors.js';
import { unauthenticated } from './route.js';

/** The name of the session cookie. */
export const SESSION_COOKIE = 'fx_session';

/** The header that carries the CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new AppError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"', {});
  return match[1];
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function requireCsrf(request: FastifyRequest, principal: Principal): void {
  if (principal.via.kind !== 'session' || SAFE_METHODS.has(request.method)) return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sameSecret(sent, principal.via.session.csrfToken)) {
    throw new AppError('CSRF_FAILED', `send the session's CSRF token in the ${CSRF_HEADER} header`, {});
  }
}

/** The caller, or null when the request carries no credentials. Bad credentials are UNAUTHENTICATED. */
export async function findCaller(auth: AuthService, request: FastifyRequest): Promise<Principal | null> {
  const bearer = bearerOf(request);
  if (bearer !== null) {
    const principal = await auth.authenticateToken(bearer);
    if (!principal) throw new AppError('UNAUTHENTICATED', 'the API token is unknown, expired or revoked', {});
    return principal;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const principal = await auth.authenticateSession(cookie);
  if (!principal) throw new AppError('UNAUTHENTICATED', 'the session has ended, sign in again', {});
  requireCsrf(request, principal);
  return principal;
}

/** The caller of a route that needs one; UNAUTHENTICATED without credentials. */
export async function requireCaller(auth: AuthService, request: FastifyRequest): Promise<Principal> {
  const principal = await findCaller(auth, request);
  if (!principal) throw unauthenticated();
  return principal;
}
