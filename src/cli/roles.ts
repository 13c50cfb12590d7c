/**
 * The roles of a process (issue 9): `api` (HTTP API and console, `serve` only) and the worker roles of the
 * queue catalogue. Every process also contends for the scheduler leader whatever its roles.
 */
import { WORKER_ROLES, type WorkerRole } from '../jobs/catalogue.js';
import { AppError } from '../platform/errors.js';

/** The role that serves the HTTP API and the console. */
export const API_ROLE = 'api';

/** What one process runs. */
export interface ProcessRoles {
  api: boolean;
  workers: WorkerRole[];
}

/**
 * Parses `--roles a,b` (or, when absent, `api` plus the configured worker roles for `serve`, the configured
 * worker roles for `worker`). Throws VALIDATION_FAILED naming the valid roles for an unknown or misplaced one.
 */
export function parseRoles(
  command: 'serve' | 'worker',
  flag: string | undefined,
  configured: readonly string[],
): ProcessRoles {
  const named =
    flag === undefined
      ? [...(command === 'serve' ? [API_ROLE] : []), ...configured]
      : flag
          .split(',')
          .map((role) => role.trim())
          .filter(Boolean);
  const valid: readonly string[] = command === 'serve' ? [API_ROLE, ...WORKER_ROLES] : WORKER_ROLES;
  const unknown = named.filter((role) => !valid.includes(role));
  if (unknown.length > 0) {
    const misplaced = command === 'worker' && unknown.includes(API_ROLE);
    throw new AppError(
      'VALIDATION_FAILED',
      `${misplaced ? 'role "api" runs only in fengxiang serve; ' : ''}unknown ${command} role ${unknown
        .map((role) => `"${role}"`)
        .join(', ')}; valid roles: ${valid.join(', ')}`,
      { roles: unknown, valid },
    );
  }
  if (named.length === 0) {
    throw new AppError('VALIDATION_FAILED', `--roles is empty; valid roles: ${valid.join(', ')}`, { valid });
  }
  if (command === 'serve' && !named.includes(API_ROLE)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `fengxiang serve needs the "api" role; run background roles alone with fengxiang worker --roles ${named.join(',')}`,
      { roles: named },
    );
  }
  return {
    api: named.includes(API_ROLE),
    workers: WORKER_ROLES.filter((role) => named.includes(role)),
  };
}
