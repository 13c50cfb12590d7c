import { describe, expect, it } from 'vitest';
import {
  QUEUE_CATALOGUE,
  QUEUE_NAMES,
  WORKER_ROLES,
  backoffDelayMs,
  queuesForRoles,
  tuneCatalogue,
} from '../../src/jobs/catalogue.js';
import { AppError } from '../../src/platform/errors.js';

describe('queue catalogue', () => {
  it('gives every queue a role and positive limits', () => {
    for (const name of QUEUE_NAMES) {
      const spec = QUEUE_CATALOGUE[name];
      expect(WORKER_ROLES).toContain(spec.role);
      expect(spec.concurrency).toBeGreaterThan(0);
      expect(spec.maxAttempts).toBeGreaterThan(0);
      expect(spec.backoffBaseMs).toBeGreaterThan(0);
      expect(spec.leaseMs).toBeGreaterThan(0);
      expect(spec.timeoutMs).toBeGreaterThanOrEqual(spec.leaseMs);
    }
  });

  it('maps roles to their queues: analysis stages to analyse, maintenance to report', () => {
    expect(queuesForRoles(['collect'])).toEqual(['collect']);
    expect(queuesForRoles(['analyse'])).toEqual(['analyse', 'cluster', 'evaluate']);
    expect(queuesForRoles(['deliver'])).toEqual(['deliver']);
    expect(queuesForRoles(['report'])).toEqual(['report', 'maintenance']);
    expect(queuesForRoles(['report', 'collect'])).toEqual(['collect', 'report', 'maintenance']);
    expect(queuesForRoles([...WORKER_ROLES])).toEqual([...QUEUE_NAMES]);
    expect(queuesForRoles([])).toEqual([]);
  });

  it('refuses an unknown role and lists the valid ones', () => {
    let caught: unknown;
    try {
      queuesForRoles(['collect', 'analyze']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe(
      'unknown worker role "analyze"; valid roles: collect, analyse, deliver, report',
    );
    expect(error.details).toEqual({ unknownRoles: ['analyze'], validRoles: [...WORKER_ROLES] });
  });

  it('doubles the backoff with each failed attempt', () => {
    const spec = { backoffBaseMs: 1000 };
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(spec, attempt))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('tunes every queue without changing roles', () => {
    const tuned = tuneCatalogue({ leaseMs: 500, backoffBaseMs: 10 });
    for (const name of QUEUE_NAMES) {
      expect(tuned[name]).toEqual({ ...QUEUE_CATALOGUE[name], leaseMs: 500, backoffBaseMs: 10 });
    }
  });
});
