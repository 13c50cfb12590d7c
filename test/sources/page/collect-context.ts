/**
 * The parts a source kind's collect step needs in tests: the real polite HTTP client (allowed to reach the
 * fixture server on 127.0.0.1, with no spacing between requests) and a source record.
 */
import type { Source, SourceKind } from '../../../src/domain/entities.js';
import { createHttpClient, type HttpClient } from '../../../src/sources/http/index.js';
import type { CollectContext } from '../../../src/sources/types.js';
import { neverFetched } from '../../helpers/source-record.js';

/** 2024-05-03 12:00 in Asia/Shanghai. */
export const NOW = Date.parse('2024-05-03T12:00:00+08:00');

/** A real HTTP client for fixture servers. */
export function testHttpClient(): HttpClient {
  return createHttpClient({ allowPrivate: true, perHostMinIntervalMs: 0, retries: 0, timeoutMs: 5_000 });
}

/** A collect context over `http`, at `now` in Asia/Shanghai. */
export function collectContext(http: HttpClient, now = NOW): CollectContext {
  return {
    http,
    now,
    timeZone: 'Asia/Shanghai',
    fetchDefaults: { allowPrivate: true },
    log: () => undefined,
  };
}

/** A source record of `kind`. */
export function testSource(
  kind: SourceKind,
  url: string | null,
  config: Record<string, unknown> = {},
): Source {
  return {
    id: `src-${kind}`,
    unitId: 'unit-1',
    name: `测试${kind}源`,
    kind,
    url,
    platform: null,
    tier: null,
    region: null,
    intervalSeconds: 600,
    enabled: true,
    config,
    createdAt: NOW,
    updatedAt: NOW,
    ...neverFetched(),
  };
}
