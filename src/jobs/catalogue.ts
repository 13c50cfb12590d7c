/**
 * The catalogue of background queues (DESIGN.md §2, §4): which queues exist, how each is run by default, and
 * which worker role processes it. Both queue implementations read their defaults from here, and
 * `fengxiang worker --roles …` uses it to pick the queues a process serves.
 */
import { AppError } from '../platform/errors.js';

/** The worker roles of `fengxiang worker --roles a,b` (DESIGN.md §6). */
export const WORKER_ROLES = ['collect', 'analyse', 'deliver', 'report'] as const;

/** One of {@link WORKER_ROLES}. */
export type WorkerRole = (typeof WORKER_ROLES)[number];

/** Every queue, in pipeline order. */
export const QUEUE_NAMES = [
  'collect',
  'analyse',
  'cluster',
  'evaluate',
  'deliver',
  'report',
  'maintenance',
] as const;

/** One of {@link QUEUE_NAMES}. */
export type QueueName = (typeof QUEUE_NAMES)[number];

/** How one queue runs unless the caller overrides it. */
export interface QueueSpec {
  /** The worker role whose processes run this queue. */
  role: WorkerRole;
  /** Handlers running at once per process. */
  concurrency: number;
  /** Attempts before a job becomes a dead letter (the first run counts as one). */
  maxAttempts: number;
  /** Delay before the first retry; retry n waits `backoffBaseMs * 2^(n-1)`. */
  backoffBaseMs: number;
  /**
   * How long a claim on a running job lasts without a heartbeat. A worker renews it while the handler runs;
   * when the process dies, the job runs again somewhere else after at most this long.
   */
  leaseMs: number;
  /** Longest a handler may run; after that the attempt fails (and the handler's signal is aborted). */
  timeoutMs: number;
}

/** Specs of every queue. */
export type QueueCatalogue = Readonly<Record<QueueName, Readonly<QueueSpec>>>;

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * The built-in catalogue. Analysis stages (analyse, cluster, evaluate) belong to the analyse role because they
 * share its CPU budget and its data. Maintenance (purges, rollups) belongs to the report role: both are
 * low-volume, long-running housekeeping that must not delay collection or alert delivery. Clustering runs
 * one job at a time per process so that two jobs do not race to create the same event.
 */
export const QUEUE_CATALOGUE: QueueCatalogue = {
  collect: {
    role: 'collect',
    concurrency: 4,
    maxAttempts: 3,
    backoffBaseMs: 30 * SECOND,
    leaseMs: 30 * SECOND,
    timeoutMs: 2 * MINUTE,
  },
  analyse: {
    role: 'analyse',
    concurrency: 2,
    maxAttempts: 5,
    backoffBaseMs: 5 * SECOND,
    leaseMs: 30 * SECOND,
    timeoutMs: MINUTE,
  },
  cluster: {
    role: 'analyse',
    concurrency: 1,
    maxAttempts: 5,
    backoffBaseMs: 5 * SECOND,
    leaseMs: 30 * SECOND,
    timeoutMs: MINUTE,
  },
  evaluate: {
    role: 'analyse',
    // Evaluation clusters items into events: one job at a time per process, like the cluster queue.
    concurrency: 1,
    maxAttempts: 5,
    backoffBaseMs: 5 * SECOND,
    leaseMs: 30 * SECOND,
    timeoutMs: MINUTE,
  },
  deliver: {
    role: 'deliver',
    concurrency: 4,
    maxAttempts: 8,
    backoffBaseMs: 10 * SECOND,
    leaseMs: 30 * SECOND,
    timeoutMs: MINUTE,
  },
  report: {
    role: 'report',
    concurrency: 1,
    maxAttempts: 3,
    backoffBaseMs: MINUTE,
    leaseMs: MINUTE,
    timeoutMs: 10 * MINUTE,
  },
  maintenance: {
    role: 'report',
    concurrency: 1,
    maxAttempts: 3,
    backoffBaseMs: MINUTE,
    leaseMs: MINUTE,
    timeoutMs: 30 * MINUTE,
  },
};

/**
 * The catalogue with `overrides` applied to every queue (e.g. short leases in tests, or an operator's
 * tuning). The role of a queue cannot be overridden.
 */
export function tuneCatalogue(
  overrides: Partial<Omit<QueueSpec, 'role'>>,
  catalogue: QueueCatalogue = QUEUE_CATALOGUE,
): QueueCatalogue {
  const entries = QUEUE_NAMES.map((name) => [name, { ...catalogue[name], ...overrides }] as const);
  return Object.fromEntries(entries) as Record<QueueName, QueueSpec>;
}

/** True when `value` names a catalogue queue. */
export function isQueueName(value: string): value is QueueName {
  return (QUEUE_NAMES as readonly string[]).includes(value);
}

/** True when `value` names a worker role. */
export function isWorkerRole(value: string): value is WorkerRole {
  return (WORKER_ROLES as readonly string[]).includes(value);
}

/**
 * The queues processed by a worker with `roles`, in catalogue order. Throws VALIDATION_FAILED naming the
 * valid roles when one is unknown, so that a typo in `--roles` stops the process instead of idling it.
 */
export function queuesForRoles(
  roles: readonly string[],
  catalogue: QueueCatalogue = QUEUE_CATALOGUE,
): QueueName[] {
  const unknown = roles.filter((role) => !isWorkerRole(role));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `unknown worker role ${unknown.map((r) => `"${r}"`).join(', ')}; valid roles: ${WORKER_ROLES.join(', ')}`,
      { unknownRoles: unknown, validRoles: [...WORKER_ROLES] },
    );
  }
  return QUEUE_NAMES.filter((queue) => roles.includes(catalogue[queue].role));
}

/** The delay before the retry that follows failed attempt number `attempt` (1-based): exponential. */
export function backoffDelayMs(spec: Pick<QueueSpec, 'backoffBaseMs'>, attempt: number): number {
  return spec.backoffBaseMs * 2 ** Math.max(0, attempt - 1);
}
