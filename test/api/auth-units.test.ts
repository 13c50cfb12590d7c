/** The pure parts of auth: the login limiter's window arithmetic and the password policy. */
import { describe, expect, it } from 'vitest';
import {
  checkPasswordPolicy,
  hashPassword,
  InMemoryLoginLimiter,
  verifyPassword,
} from '../../src/auth/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { AppError } from '../../src/platform/errors.js';

const MINUTE = 60_000;

function limiter(clock: ManualClock): InMemoryLoginLimiter {
  return new InMemoryLoginLimiter(clock, {
    maxFailuresPerUsername: 3,
    maxFailuresPerIp: 5,
    windowMs: 10 * MINUTE,
  });
}

async function retryAfterOf(promise: Promise<void>): Promise<number | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('LOGIN_RATE_LIMITED');
    return (error as AppError).details['retryAfterSeconds'] as number;
  }
}

describe('InMemoryLoginLimiter', () => {
  it('locks a user name at the limit until the oldest counted failure leaves the window', async () => {
    const clock = new ManualClock(1_000_000);
    const limits = limiter(clock);
    await limits.recordFailure('Root', '10.0.0.1');
    clock.advance(2 * MINUTE);
    await limits.recordFailure('root', '10.0.0.2');
    await limits.recordFailure('root', '10.0.0.3');
    expect(await retryAfterOf(limits.assertAllowed('ROOT', '10.0.0.9'))).toBe(8 * 60);
    clock.advance(8 * MINUTE);
    expect(await retryAfterOf(limits.assertAllowed('root', '10.0.0.9'))).toBeNull();
  });

  it('locks an address across user names and keeps other addresses free', async () => {
    const clock = new ManualClock(0);
    const limits = limiter(clock);
    for (let i = 0; i < 5; i++) await limits.recordFailure(`user${i}`, '10.0.0.1');
    expect(await retryAfterOf(limits.assertAllowed('fresh', '10.0.0.1'))).toBe(10 * 60);
    expect(await retryAfterOf(limits.assertAllowed('fresh', '10.0.0.2'))).toBeNull();
  });

  it('forgets a user name’s failures after a successful login', async () => {
    const clock = new ManualClock(0);
    const limits = limiter(clock);
    for (let i = 0; i < 2; i++) await limits.recordFailure('root', null);
    await limits.recordSuccess('root');
    await limits.recordFailure('root', null);
    expect(await retryAfterOf(limits.assertAllowed('root', null))).toBeNull();
  });
});

describe('passwords', () => {
  it('rejects passwords under 10 characters, counting Chinese characters as one each', () => {
    expect(() => checkPasswordPolicy('short')).toThrow(/at least 10 characters/);
    expect(() => checkPasswordPolicy('          ')).toThrow(/only spaces/);
    expect(() => checkPasswordPolicy('风向舆情监测平台密码九')).not.toThrow();
    expect(() => checkPasswordPolicy('风向舆情监测平台')).toThrow(AppError);
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('a long enough password');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'a long enough password')).toBe(true);
    expect(await verifyPassword(hash, 'another password')).toBe(false);
    expect(await verifyPassword('not a hash', 'a long enough password')).toBe(false);
  });
});
