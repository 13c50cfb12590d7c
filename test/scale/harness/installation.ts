/**
 * A server-mode installation for the scale and fault tests: a PostgreSQL database and a Redis prefix of its
 * own, the schema migrated, a first administrator and an API token made with the CLI, then — through the
 * HTTP API, as an operator would — two monitoring schemes with an alert rule each, a webhook channel, and the
 * replay sources. Processes are started as `fengxiang serve --roles api` (or, before the API-only role
 * exists, a `serve` that runs only the report role) and `fengxiang worker --roles collect,analyse,deliver`.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startCli, waitForHealth, type CliProcess } from './cli-process.js';
import { MARKERS, replaySourceConfig, type ReplaySource } from './replay-source.js';
import { freePort } from '../../helpers/ports.js';

const ROOT = join(import.meta.dirname, '../../..');

/** Where the installation's data lives and how its processes are configured. */
export interface InstallationSettings {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** The replay server's `host:port` (collectors may reach it although it is on loopback). */
  replayHost: string;
  /** Extra environment for every process. */
  env?: Record<string, string>;
}

/** A prepared installation: environment, API address and token. */
export interface Installation {
  env: NodeJS.ProcessEnv;
  port: number;
  origin: string;
  token: string;
  dir: string;
  /** The `serve` arguments of the API process. */
  apiArgs: string[];
  remove(): void;
}

/** True once the API-only role (`serve --roles api`, with leader election) exists in this tree. */
export function hasApiRole(): boolean {
  return existsSync(join(ROOT, 'src/jobs/leader'));
}

/**
 * Migrates, creates the administrator and a token. Short intervals everywhere a scale test would
 * otherwise wait: the collect and alert ticks, the delivery lease, and no per-host spacing (all replay
 * sources share one loopback host).
 */
export async function prepareInstallation(settings: InstallationSettings): Promise<Installation> {
  const dir = mkdtempSync(join(tmpdir(), 'fx-scale-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    QUEUE_PREFIX: settings.queuePrefix,
    DATA_DIR: dir,
    JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    FETCH_ALLOW_PRIVATE_HOSTS: settings.replayHost,
    FETCH_PER_HOST_INTERVAL_MS: '0',
    FETCH_PER_HOST_CONCURRENCY: '16',
    COLLECT_TICK_SECONDS: '1',
    COLLECT_PER_HOST_PER_TICK: '50',
    ALERT_TICK_SECONDS: '5',
    ALERT_DELIVERY_LEASE_SECONDS: '20',
    ALERT_SEND_TIMEOUT_MS: '5000',
    RATE_LIMIT_PER_MINUTE: '100000',
    LEADER_TTL_SECONDS: '5',
    ...settings.env,
  };
  const fail = (step: string, result: { code: number | null; stderr: string }): never => {
    throw new Error(`${step} failed (${String(result.code)}): ${result.stderr}`);
  };
  const migrate = runCli(['migrate'], env);
  if (migrate.code !== 0) fail('migrate', migrate);
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, 'scale-test-password-0123\n');
  const admin = runCli(
    ['admin', 'create', '--username', 'admin', '--unit', '规模测试网信办', '--password-file', passwordFile],
    env,
  );
  if (admin.code !== 0) fail('admin create', admin);
  const token = runCli(['token', 'create', '--user', 'admin', '--name', 'scale'], env);
  if (token.code !== 0) fail('token create', token);
  return {
    env,
    port,
    origin: `http://127.0.0.1:${port}`,
    token: token.stdout.trim(),
    dir,
    apiArgs: hasApiRole() ? ['serve', '--roles', 'api'] : ['serve', '--roles', 'report'],
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Starts the API process and waits for /healthz. */
export async function startApi(installation: Installation): Promise<CliProcess> {
  const api = startCli('api', installation.apiArgs, installation.env);
  await waitForHealth(installation.origin, api);
  return api;
}

/** Starts worker number `n` (collect, analyse and deliver roles). */
export function startWorker(installation: Installation, n: number): CliProcess {
  return startCli(`worker-${n}`, ['worker', '--roles', 'collect,analyse,deliver'], installation.env);
}

/** Calls the API with the installation's token; throws on a non-2xx answer. */
export async function api<T>(
  installation: Installation,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${installation.origin}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${installation.token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text === '' ? null : JSON.parse(text)) as T;
}

/** What the monitoring setup created. */
export interface MonitoringSetup {
  schemeIds: Record<string, string>;
  ruleIds: string[];
  channelId: string;
}

/**
 * One scheme per marker phrase, each watched by a scheme-hit rule whose merge window spans the whole test
 * (so each scheme must raise exactly one alert, whose count is the number of its matching items), and one
 * webhook channel that every alert goes to.
 */
export async function createMonitoring(
  installation: Installation,
  webhookUrl: string,
): Promise<MonitoringSetup> {
  const channel = await api<{ id: string }>(installation, 'POST', '/channels', {
    kind: 'webhook',
    name: '规模测试接收端',
    config: { url: webhookUrl },
  });
  const schemeIds: Record<string, string> = {};
  const ruleIds: string[] = [];
  for (const marker of MARKERS) {
    const scheme = await api<{ id: string }>(installation, 'POST', '/schemes', {
      name: `监测 ${marker.phrase}`,
      expression: marker.phrase,
    });
    schemeIds[marker.phrase] = scheme.id;
    const rule = await api<{ id: string }>(installation, 'POST', '/alert-rules', {
      name: `预警 ${marker.phrase}`,
      trigger: { kind: 'scheme_hit', schemeIds: [scheme.id] },
      mergeWindowMinutes: 7 * 24 * 60,
    });
    ruleIds.push(rule.id);
  }
  return { schemeIds, ruleIds, channelId: channel.id };
}

/** Creates `count` json sources reading the replay feeds; returns their ids in feed order. */
export async function createReplaySources(
  installation: Installation,
  replay: ReplaySource,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const source = await api<{ id: string }>(installation, 'POST', '/sources', {
      name: `回放源 ${n}`,
      kind: 'json',
      url: replay.feedUrl(n),
      intervalSeconds: 60,
      config: replaySourceConfig(replay.feedUrl(n)),
    });
    ids.push(source.id);
  }
  return ids;
}
