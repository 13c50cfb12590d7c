/**
 * Following redirects by hand, so that the guard and robots.txt see every hop. Pure functions over the
 * request of one hop.
 */
import { AppError } from '../../platform/errors.js';

/** One request as it goes out on one hop. */
export interface HopRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Headers that must not follow a redirect to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** Headers that describe a request body, dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-type', 'content-length'];

/**
 * The URL a redirect answer points to (relative Locations resolved against `current`), or null when the
 * answer is not a redirect or carries no Location.
 */
export function redirectTarget(current: URL, status: number, location: string | undefined): URL | null {
  if (!REDIRECT_STATUSES.has(status) || location === undefined || location.trim() === '') return null;
  try {
    const target = new URL(location.trim(), current);
    target.hash = '';
    return target;
  } catch {
    throw new AppError('FETCH_FAILED', `${current.href}: redirect to an invalid Location "${location}"`, {
      url: current.href,
      location,
    });
  }
}

/**
 * The request of the next hop: 303 (and 301/302 after a POST) become a body-less GET as browsers do;
 * 307/308 keep method and body. Credentials are dropped when the origin changes.
 */
export function nextHop(previous: HopRequest, status: number, target: URL): HopRequest {
  const becomesGet = status === 303 || ((status === 301 || status === 302) && previous.method === 'POST');
  const dropped = [
    ...(target.origin === previous.url.origin ? [] : CREDENTIAL_HEADERS),
    ...(becomesGet ? BODY_HEADERS : []),
  ];
  const headers = Object.fromEntries(
    Object.entries(previous.headers).filter(([name]) => !dropped.includes(name)),
  );
  if (becomesGet) return { url: target, method: 'GET', headers };
  return previous.body === undefined
    ? { url: target, method: previous.method, headers }
    : { url: target, method: previous.method, headers, body: previous.body };
}
