import { describe, expect, it } from 'vitest';
import { nextAttemptAt, type RetryPolicy } from './backoff.js';

const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 10_000, maxAttempts: 5 };

describe('nextAttemptAt', () => {
  it.each([
    // attempts, random, expected delay
    [1, 0, 500],
    [1, 0.999999, 1000],
    [2, 0, 1000],
    [2, 0.5, 1500],
    [3, 1, 4000],
    [4, 0, 4000],
    [4, 0.5, 6000],
  ])('after %i failed attempts with random %f waits %i ms', (attempts, random, delay) => {
    expect(nextAttemptAt(attempts, 100_000, policy, () => random)).toBe(100_000 + delay);
  });

  it('caps the delay at maxDelayMs', () => {
    const wide: RetryPolicy = { ...policy, maxAttempts: 50 };
    expect(nextAttemptAt(30, 0, wide, () => 1)).toBe(10_000);
    expect(nextAttemptAt(30, 0, wide, () => 0)).toBe(5_000);
  });

  it.each([5, 6, 100])('gives up after %i attempts', (attempts) => {
    expect(nextAttemptAt(attempts, 0, policy, () => 0.5)).toBeNull();
  });
});
