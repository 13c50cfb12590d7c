import { describe, expect, it } from 'vitest';
import type { AlertStatus } from '../domain/index.js';
import { isAppError } from '../platform/errors.js';
import { transition, type AlertAction } from './lifecycle.js';

const AT = Date.UTC(2024, 4, 6, 2);

describe('alert life cycle', () => {
  it.each<[AlertStatus, AlertAction, string | null, Record<string, unknown> | 'invalid']>([
    ['new', 'acknowledge', null, { status: 'acknowledged', acknowledgedBy: 'u1', acknowledgedAt: AT }],
    [
      'new',
      'handle',
      null,
      { status: 'handling', acknowledgedBy: 'u1', acknowledgedAt: AT, incidentId: 'inc-1' },
    ],
    ['acknowledged', 'handle', 'u0', { status: 'handling', incidentId: 'inc-1' }],
    ['new', 'close', null, { status: 'closed', closedBy: 'u1', closedAt: AT }],
    ['acknowledged', 'close', 'u0', { status: 'closed', closedBy: 'u1', closedAt: AT }],
    ['handling', 'close', 'u0', { status: 'closed', closedBy: 'u1', closedAt: AT }],
    ['acknowledged', 'acknowledge', 'u0', 'invalid'],
    ['handling', 'acknowledge', 'u0', 'invalid'],
    ['handling', 'handle', 'u0', 'invalid'],
    ['closed', 'acknowledge', 'u0', 'invalid'],
    ['closed', 'handle', 'u0', 'invalid'],
    ['closed', 'close', 'u0', 'invalid'],
  ])('%s + %s', (status, action, acknowledgedBy, expected) => {
    const run = () =>
      transition({ id: 'a1', status, acknowledgedBy }, { action, by: 'u1', at: AT, incidentId: 'inc-1' });
    if (expected === 'invalid') {
      let caught: unknown;
      try {
        run();
      } catch (error) {
        caught = error;
      }
      expect(isAppError(caught, 'ALERT_TRANSITION_INVALID')).toBe(true);
      if (isAppError(caught)) expect(caught.status).toBe(409);
    } else {
      expect(run()).toEqual(expected);
    }
  });
});
