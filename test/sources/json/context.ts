/** A collect context over the real polite HTTP client, allowed to reach the 127.0.0.1 test server. */
import type { Source, SourceKind } from '../../../src/domain/entities.js';
import { createHttpClient, type HttpClient } from '../../../src/sources/http/index.js';
import type { CollectContext } from '../../../src/sources/types.js';
import { neverFetched } from '../../helpers/source-record.js';

/** The collect time of the tests: 2024-05-03 14:00 in Shanghai. */
export const NOW = Date.UTC(2024, 4, 3, 6, 0);

/** A context and the client to close afterwards. */
export function testContext(): { context: CollectContext; client: HttpClient; logs: string[] } {
  const client = createHttpClient({ allowPrivate: true, perHostMinIntervalMs: 0, retries: 0 });
  const logs: string[] = [];
  const context: CollectContext = {
    http: client,
    now: NOW,
    timeZone: 'Asia/Shanghai',
    fetchDefaults: { allowPrivate: true, ignoreRobots: true },
    log: (message) => logs.push(message),
  };
  return { context, client, logs };
}

/** A source record of `kind` for `url`. */
export function testSource(kind: SourceKind, url: string, platform: string | null = null): Source {
  return {
    id: 'src-1',
    unitId: 'unit-1',
    name: '测试信息源',
    kind,
    url,
    platform,
    tier: 'local',
    region: '江苏省苏州市',
    intervalSeconds: 600,
    enabled: true,
    config: {},
    createdAt: NOW,
    updatedAt: NOW,
    ...neverFetched(),
  };
}
