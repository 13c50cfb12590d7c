/**
 * A real API server for tests: a fresh database of the given target opened with openStorage, the auth
 * service on a manual clock, and buildApi listening on 127.0.0.1 at a free port. Requests go through
 * real fetch; {@link ApiClient} keeps a session cookie and CSRF token or a Bearer token.
 */
import type { SearchNode } from '../../src/analysis/expression/search-tree.js';
import { buildApi, type ApiOptions } from '../../src/api/app.js';
import type { ApiDeps } from '../../src/api/deps.js';
import { createAuthService, type AuthService } from '../../src/auth/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { AppError } from '../../src/platform/errors.js';
import { createLogger } from '../../src/platform/logger.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import type { z } from 'zod';
import type { ErrorResponse, sessionResponse } from '../../src/contract/index.js';
import type { DatabaseTarget } from '../helpers/databases.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import { openJobQueue } from '../../src/jobs/open.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import { createCollectionOperations } from '../../src/pipeline/collect/service.js';
import { createHttpClient } from '../../src/sources/http/index.js';
import { builtInKinds } from '../../src/sources/registry.js';

let sharedSegmenter: Segmenter | null = null;

/** One segmenter for every test server of a file (loading the dictionary takes a moment). */
function segmenter(): Segmenter {
  sharedSegmenter ??= new Segmenter();
  return sharedSegmenter;
}

/** The session TTL of test servers. */
export const TEST_SESSION_TTL_MS = 60 * 60 * 1000;

/** The body of a session answer. */
export type SessionView = z.output<typeof sessionResponse>;

/** A running test server. */
export interface TestServer {
  baseUrl: string;
  storage: Storage;
  clock: ManualClock;
  auth: AuthService;
  /** The embedded job queue the server enqueues into (collect jobs of "fetch now"). */
  queue: JobQueue;
  close(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface ServerOptions {
  api?: Partial<ApiOptions>;
  isReady?: () => Promise<boolean>;
  parseSearchQuery?: (query: string) => SearchNode;
  /** Optional services (alert delivery, …) given to the API as they are. */
  extraDeps?: Partial<ApiDeps>;
  /** Optional services built on the server's own storage and clock (reports, …). */
  depsOn?: (parts: { storage: Storage; clock: ManualClock }) => Partial<ApiDeps>;
}

/**
 * A tiny stand-in parser for tests that only need a syntax check: whitespace-separated words joined by
 * AND; an unbalanced parenthesis is EXPRESSION_SYNTAX with its position.
 */
export function simpleParse(query: string): SearchNode {
  const open = query.indexOf('(');
  if (open >= 0 && !query.includes(')')) {
    throw new AppError('EXPRESSION_SYNTAX', `unclosed parenthesis at ${open}`, { position: open });
  }
  const words = query.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  return { type: 'and', children: words.map((word) => ({ type: 'term', tokens: [word.toLowerCase()] })) };
}

/** Starts a server on a fresh database of `target`. */
export async function startServer(target: DatabaseTarget, options: ServerOptions = {}): Promise<TestServer> {
  const database = await target.create();
  const clock = new ManualClock(Date.UTC(2024, 4, 3, 4, 0, 0));
  const storage = await openStorage(database.url, { clock });
  const auth = createAuthService(storage, clock, {
    sessionTtlMs: TEST_SESSION_TTL_MS,
    login: { maxFailuresPerUsername: 5, maxFailuresPerIp: 20, windowMs: 15 * 60 * 1000 },
  });
  const logger = createLogger('silent');
  const queueDir = mkdtempSync(join(tmpdir(), 'fx-api-jobs-'));
  const queue = openJobQueue({
    redisUrl: '',
    queuePrefix: 'test',
    jobsSqlitePath: join(queueDir, 'jobs.sqlite'),
  });
  const http = createHttpClient({ allowPrivate: true, perHostMinIntervalMs: 0, retries: 0, clock });
  const collection = createCollectionOperations(
    {
      storage,
      http,
      kinds: builtInKinds(),
      segmenter: segmenter(),
      analysers: null,
      clock,
      logger,
      random: () => 0.5,
      settings: { defaultTimeZone: 'Asia/Shanghai', failingAfter: 3, author: { mode: 'plain', key: '' } },
    },
    queue,
    100,
  );
  const app = await buildApi({
    storage,
    collection,
    auth,
    clock,
    logger,
    parseSearchQuery: options.parseSearchQuery ?? simpleParse,
    ...options.extraDeps,
    ...options.depsOn?.({ storage, clock }),
    isReady: options.isReady ?? (() => storage.ping()),
    options: {
      cookieSecure: false,
      bodyLimitBytes: 64 * 1024,
      rateLimitPerMinute: 10_000,
      trustProxy: false,
      ...options.api,
    },
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    baseUrl: address,
    storage,
    clock,
    auth,
    queue,
    close: async () => {
      await app.close();
      await queue.close();
      await http.close();
      rmSync(queueDir, { recursive: true, force: true });
      await storage.close();
      await database.drop();
    },
  };
}

/** A parsed answer; `T` is the body the test expects (the error body unless told). */
export interface ApiResponse<T = ErrorResponse> {
  status: number;
  headers: Headers;
  body: T;
}

/** A client of a test server with a session cookie or a Bearer token. */
export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(
    private readonly baseUrl: string,
    public token: string | null = null,
  ) {}

  /** Logs in with a password and keeps the cookie and CSRF token. */
  async login(username: string, password: string): Promise<ApiResponse<SessionView & ErrorResponse>> {
    const response = await this.request<SessionView & ErrorResponse>('POST', '/api/v1/session', {
      username,
      password,
    });
    const setCookie = response.headers.get('set-cookie');
    if (response.status === 200 && setCookie) {
      this.cookie = setCookie.split(';')[0] ?? null;
      this.csrfToken = response.body.csrfToken;
    }
    return response;
  }

  /** Sends a request; objects are sent as JSON. The CSRF header is sent unless `csrf` is false. */
  async request<T = ErrorResponse>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined && typeof body !== 'string') headers['content-type'] = 'application/json';
    if (typeof body === 'string') headers['content-type'] ??= 'application/json';
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (this.cookie) headers['cookie'] = this.cookie;
    if (this.csrfToken && options.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : null) as T,
    };
  }

  get<T = ErrorResponse>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = ErrorResponse>(path: string, body: unknown = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body);
  }

  patch<T = ErrorResponse>(path: string, body: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('PATCH', path, body);
  }

  delete<T = ErrorResponse>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('DELETE', path);
  }
}
