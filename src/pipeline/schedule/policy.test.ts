import { describe, expect, it } from 'vitest';
import type { KeyPeriod, SourceHealthState } from '../../domain/collection.js';
import {
  adaptInterval,
  healthEvent,
  intervalBounds,
  keyPeriodMultiplier,
  nextFetchDelayMs,
  sourceHealth,
  type DelayInput,
  type FetchSummary,
  type HealthInput,
  type PollingSettings,
} from './policy.js';

const fixed: PollingSettings = { intervalSeconds: 600, minIntervalSeconds: null, maxIntervalSeconds: null };
const adaptive: PollingSettings = { intervalSeconds: 600, minIntervalSeconds: 120, maxIntervalSeconds: 3600 };
const found: FetchSummary = { ok: true, newItems: 3, notModified: false, retryAfterMs: null };
const nothing: FetchSummary = { ok: true, newItems: 0, notModified: true, retryAfterMs: null };
const failed: FetchSummary = { ok: false, newItems: 0, notModified: false, retryAfterMs: null };

describe('intervalBounds', () => {
  it.each<[string, PollingSettings, { min: number; max: number }]>([
    ['fixed', fixed, { min: 600, max: 600 }],
    ['adaptive', adaptive, { min: 120, max: 3600 }],
    ['only a floor', { ...fixed, minIntervalSeconds: 60 }, { min: 60, max: 600 }],
    ['only a ceiling', { ...fixed, maxIntervalSeconds: 7200 }, { min: 600, max: 7200 }],
    ['floor below the global minimum', { ...fixed, minIntervalSeconds: 5 }, { min: 30, max: 600 }],
  ])('%s', (_name, settings, bounds) => {
    expect(intervalBounds(settings)).toEqual(bounds);
  });
});

describe('adaptInterval', () => {
  it.each<[string, PollingSettings, number | null, FetchSummary, number]>([
    ['fixed stays fixed when busy', fixed, null, found, 600],
    ['fixed stays fixed when quiet', fixed, null, nothing, 600],
    ['busy shortens by a quarter', adaptive, 600, found, 450],
    ['quiet lengthens by a quarter', adaptive, 600, nothing, 750],
    ['never below the floor', adaptive, 130, found, 120],
    ['never above the ceiling', adaptive, 3500, nothing, 3600],
    ['starts from the admin interval', adaptive, null, found, 450],
    ['failure keeps the interval', adaptive, 900, failed, 900],
  ])('%s', (_name, settings, current, fetch, expected) => {
    expect(adaptInterval(settings, current, fetch)).toBe(expected);
  });
});

describe('nextFetchDelayMs', () => {
  const base: DelayInput = {
    intervalSeconds: 600,
    consecutiveErrors: 0,
    retryAfterMs: null,
    multiplier: 1,
    random: 0.5,
  };
  it.each<[string, Partial<DelayInput>, number]>([
    ['plain interval without jitter at the midpoint', {}, 600_000],
    ['jitter at the low end is -10 %', { random: 0 }, 540_000],
    ['jitter at the high end is almost +10 %', { random: 0.999 }, 659_880],
    ['first failure waits one interval', { consecutiveErrors: 1 }, 600_000],
    ['third failure waits four intervals', { consecutiveErrors: 3 }, 2_400_000],
    ['backoff is capped at six hours', { consecutiveErrors: 20 }, 21_600_000],
    ['a long interval caps backoff at itself', { intervalSeconds: 86_400, consecutiveErrors: 5 }, 86_400_000],
    ['Retry-After is never undercut', { retryAfterMs: 3_600_000 }, 3_600_000],
    ['key period ×4 divides the delay', { multiplier: 4 }, 150_000],
    ['key period never polls faster than 30 s', { intervalSeconds: 60, multiplier: 10 }, 30_000],
  ])('%s', (_name, patch, expected) => {
    expect(nextFetchDelayMs({ ...base, ...patch })).toBe(expected);
  });
});

describe('keyPeriodMultiplier', () => {
  const period = (patch: Partial<KeyPeriod>): KeyPeriod => ({
    id: 'p',
    unitId: 'u1',
    name: '两会',
    startsAt: 1000,
    endsAt: 2000,
    multiplier: 3,
    unitIds: [],
    sourceIds: [],
    createdAt: 0,
    ...patch,
  });
  const source = { id: 's1', unitId: 'u1' };
  it.each<[string, KeyPeriod[], number, number]>([
    ['no periods', [], 1500, 1],
    ['own unit by default', [period({})], 1500, 3],
    ['not yet started', [period({})], 999, 1],
    ['ended (end exclusive)', [period({})], 2000, 1],
    ['other unit by default', [period({ unitId: 'u2' })], 1500, 1],
    ['listed by source', [period({ unitId: 'u2', sourceIds: ['s1'] })], 1500, 3],
    ['listed by unit', [period({ unitId: 'u2', unitIds: ['u1'] })], 1500, 3],
    ['lists other sources only', [period({ sourceIds: ['s9'] })], 1500, 1],
    ['largest of overlapping periods', [period({}), period({ multiplier: 6 })], 1500, 6],
  ])('%s', (_name, periods, now, expected) => {
    expect(keyPeriodMultiplier(periods, source, now)).toBe(expected);
  });
});

describe('sourceHealth', () => {
  const hour = 3_600_000;
  const healthy: HealthInput = {
    enabled: true,
    consecutiveErrors: 0,
    lastFetchAt: 10 * hour,
    lastNewItemAt: 9 * hour,
    createdAt: 0,
    expectedPeriodSeconds: 3600,
  };
  it.each<[string, Partial<HealthInput>, SourceHealthState]>([
    ['ok', {}, 'ok'],
    ['paused wins', { enabled: false, consecutiveErrors: 9 }, 'paused'],
    ['new before the first fetch', { lastFetchAt: null }, 'new'],
    ['two errors are not yet failing', { consecutiveErrors: 2 }, 'ok'],
    ['three errors are failing', { consecutiveErrors: 3 }, 'failing'],
    ['silent after twice the expected period', { lastNewItemAt: 7 * hour }, 'silent'],
    ['never new, counted from creation', { lastNewItemAt: null, createdAt: 7 * hour }, 'silent'],
    ['no expectation, never silent', { lastNewItemAt: null, expectedPeriodSeconds: null }, 'ok'],
  ])('%s', (_name, patch, expected) => {
    expect(sourceHealth({ ...healthy, ...patch }, 10 * hour, 3)).toBe(expected);
  });
});

describe('healthEvent', () => {
  it.each<[SourceHealthState, SourceHealthState, ReturnType<typeof healthEvent>]>([
    ['ok', 'ok', null],
    ['ok', 'failing', 'failing'],
    ['new', 'silent', 'silent'],
    ['failing', 'ok', 'recovered'],
    ['silent', 'ok', 'recovered'],
    ['new', 'ok', null],
    ['failing', 'paused', null],
    ['failing', 'silent', 'silent'],
  ])('%s → %s', (before, after, expected) => {
    expect(healthEvent(before, after)).toBe(expected);
  });
});
