/**
 * Which report slot is due (issue 7): the latest cron slot at or before now that has not run, in the
 * schedule's time zone, with missed slots run only inside the catch-up window. Asia/Shanghai has no daylight
 * saving; Europe/Berlin moves its clocks on the last Sundays of March and October 2026.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CATCH_UP_MS,
  DEFAULT_REPORT_CRON,
  dueSlot,
  nextSlot,
  validateSchedulePattern,
} from '../../src/reports/schedule/index.js';
import { isAppError } from '../../src/platform/errors.js';

const at = (iso: string): number => Date.parse(iso);
const HOUR = 3600_000;

interface Case {
  name: string;
  cron: string;
  timeZone: string;
  lastRunAt: string | null;
  createdAt?: string;
  now: string;
  catchUpMs?: number;
  expected: string | null;
}

const CASES: Case[] = [
  {
    name: 'Shanghai daily, 30 s before the slot: nothing',
    cron: '0 17 * * *',
    timeZone: 'Asia/Shanghai',
    lastRunAt: '2026-11-23T17:00:00+08:00',
    now: '2026-11-24T16:59:30+08:00',
    expected: null,
  },
  {
    name: 'Shanghai daily, 5 s after the slot: today 17:00 local (09:00 UTC)',
    cron: '0 17 * * *',
    timeZone: 'Asia/Shanghai',
    lastRunAt: '2026-11-23T17:00:00+08:00',
    now: '2026-11-24T17:00:05+08:00',
    expected: '2026-11-24T09:00:00Z',
  },
  {
    name: 'Shanghai daily, slot already run: nothing',
    cron: '0 17 * * *',
    timeZone: 'Asia/Shanghai',
    lastRunAt: '2026-11-24T17:00:00+08:00',
    now: '2026-11-24T17:00:35+08:00',
    expected: null,
  },
  {
    name: 'Shanghai daily, exactly at the slot',
    cron: '0 17 * * *',
    timeZone: 'Asia/Shanghai',
    lastRunAt: '2026-11-23T17:00:00+08:00',
    now: '2026-11-24T17:00:00+08:00',
    expected: '2026-11-24T17:00:00+08:00',
  },
  {
    name: 'server back at 18:30: the missed 17:00 is inside the window',
    cron: '0 17 * * *',
    timeZone: 'Asia/Shanghai',
    lastRunAt: '2026-11-22T17:00:00+08:00',
    now: '2026-11-24T18:30:00+08:00',
    expected: '2026-11-24T17:00:00+08:00',
  },
  {
    name: 'server back at 09:00 next morning: yesterday 17:00 is older than 6 h, skipped',
    cron: '0 17 * * *',
    timeZone: 'Asia/Shanghai',
    lastRunAt: '2026-11-23T17:00:00+08:00',
    now: '2026-11-25T09:00:00+08:00',
    expected: null,
  },
  {
    name: 'a 12-hour window catches it up',
    cron: '0 17 * * *',
    timeZone: 'Asia/Shanghai',
    lastRunAt: '2026-11-23T17:00:00+08:00',
    now: '2026-11-25T04:00:00+08:00',
    catchUpMs: 12 * HOUR,
    expected: '2026-11-24T17:00:00+08:00',
  },
  {
    name: 'several missed hourly slots: only the latest runs',
    cron: '0 * * * *',
    timeZone: 'Asia/Shanghai',
    lastRunAt: '2026-11-24T10:00:00+08:00',
    now: '2026-11-24T13:20:00+08:00',
    expected: '2026-11-24T13:00:00+08:00',
  },
  {
    name: 'never run, created before the slot: runs',
    cron: '0 17 * * *',
    timeZone: 'Asia/Shanghai',
    lastRunAt: null,
    createdAt: '2026-11-24T09:00:00+08:00',
    now: '2026-11-24T17:01:00+08:00',
    expected: '2026-11-24T17:00:00+08:00',
  },
  {
    name: 'never run, created after the slot: waits for tomorrow',
    cron: '0 17 * * *',
    timeZone: 'Asia/Shanghai',
    lastRunAt: null,
    createdAt: '2026-11-24T17:30:00+08:00',
    now: '2026-11-24T17:31:00+08:00',
    expected: null,
  },
  {
    name: 'weekly Monday 09:00 in Shanghai',
    cron: DEFAULT_REPORT_CRON.weekly ?? '',
    timeZone: 'Asia/Shanghai',
    lastRunAt: '2026-11-16T09:00:00+08:00',
    now: '2026-11-23T09:00:10+08:00',
    expected: '2026-11-23T09:00:00+08:00',
  },
  {
    name: 'monthly on the 1st at 09:00 in Shanghai',
    cron: DEFAULT_REPORT_CRON.monthly ?? '',
    timeZone: 'Asia/Shanghai',
    lastRunAt: '2026-11-01T09:00:00+08:00',
    now: '2026-12-01T10:00:00+08:00',
    expected: '2026-12-01T09:00:00+08:00',
  },
  {
    name: 'Berlin daily 17:00 in winter (CET, UTC+1)',
    cron: '0 17 * * *',
    timeZone: 'Europe/Berlin',
    lastRunAt: '2026-11-23T16:00:00Z',
    now: '2026-11-24T16:00:05Z',
    expected: '2026-11-24T16:00:00Z',
  },
  {
    name: 'Berlin daily 17:00 in summer (CEST, UTC+2)',
    cron: '0 17 * * *',
    timeZone: 'Europe/Berlin',
    lastRunAt: '2026-07-13T15:00:00Z',
    now: '2026-07-14T15:00:05Z',
    expected: '2026-07-14T15:00:00Z',
  },
  {
    name: 'Berlin 17:00 on the spring-forward Sunday (29 March 2026) is 15:00 UTC',
    cron: '0 17 * * *',
    timeZone: 'Europe/Berlin',
    lastRunAt: '2026-03-28T16:00:00Z',
    now: '2026-03-29T15:00:01Z',
    expected: '2026-03-29T15:00:00Z',
  },
  {
    name: 'Berlin 17:00 on the spring-forward Sunday: 16:00 UTC is an hour late, still in the window',
    cron: '0 17 * * *',
    timeZone: 'Europe/Berlin',
    lastRunAt: '2026-03-28T16:00:00Z',
    now: '2026-03-29T16:00:01Z',
    expected: '2026-03-29T15:00:00Z',
  },
  {
    name: 'Berlin 02:30 does not exist on 29 March 2026: runs at 03:30 CEST (01:30 UTC)',
    cron: '30 2 * * *',
    timeZone: 'Europe/Berlin',
    lastRunAt: '2026-03-28T01:30:00Z',
    now: '2026-03-29T02:00:00Z',
    expected: '2026-03-29T01:30:00Z',
  },
  {
    name: 'Berlin 17:00 on the fall-back Sunday (25 October 2026) is 16:00 UTC',
    cron: '0 17 * * *',
    timeZone: 'Europe/Berlin',
    lastRunAt: '2026-10-24T15:00:00Z',
    now: '2026-10-25T16:00:30Z',
    expected: '2026-10-25T16:00:00Z',
  },
  {
    name: 'Berlin 17:00 on the fall-back Sunday: 15:00 UTC is still 16:00 local, nothing yet',
    cron: '0 17 * * *',
    timeZone: 'Europe/Berlin',
    lastRunAt: '2026-10-24T15:00:00Z',
    now: '2026-10-25T15:00:30Z',
    expected: null,
  },
];

describe('dueSlot', () => {
  it.each(CASES)('$name', (c) => {
    const slot = dueSlot(
      {
        cron: c.cron,
        timeZone: c.timeZone,
        lastRunAt: c.lastRunAt === null ? null : at(c.lastRunAt),
        createdAt: c.createdAt === undefined ? null : at(c.createdAt),
      },
      at(c.now),
      c.catchUpMs,
    );
    expect(slot === null ? null : new Date(slot).toISOString()).toBe(
      c.expected === null ? null : new Date(at(c.expected)).toISOString(),
    );
  });

  it('is stable across every second of the minute after the slot, and never before it', () => {
    const schedule = { cron: '0 17 * * *', timeZone: 'Asia/Shanghai', lastRunAt: at('2026-11-23T09:00:00Z') };
    const slot = at('2026-11-24T09:00:00Z');
    for (let s = -60; s < 60; s += 1) {
      expect(dueSlot(schedule, slot + s * 1000)).toBe(s < 0 ? null : slot);
    }
  });

  it('the window defaults to six hours', () => {
    expect(DEFAULT_CATCH_UP_MS).toBe(6 * HOUR);
    const schedule = { cron: '0 17 * * *', timeZone: 'Asia/Shanghai', lastRunAt: null };
    const slot = at('2026-11-24T09:00:00Z');
    expect(dueSlot(schedule, slot + 6 * HOUR)).toBe(slot);
    expect(dueSlot(schedule, slot + 6 * HOUR + 1)).toBeNull();
  });
});

describe('defaults and validation', () => {
  it('defaults per type: daily 17:00, weekly Monday 09:00, monthly the 1st 09:00, no work summary', () => {
    const after = at('2026-11-24T12:00:00+08:00');
    const next = (type: keyof typeof DEFAULT_REPORT_CRON): string | null => {
      const pattern = DEFAULT_REPORT_CRON[type];
      const slot = pattern === null ? null : nextSlot(pattern, 'Asia/Shanghai', after);
      return slot === null ? null : new Date(slot).toISOString();
    };
    expect(next('daily')).toBe('2026-11-24T09:00:00.000Z');
    expect(next('weekly')).toBe('2026-11-30T01:00:00.000Z');
    expect(next('monthly')).toBe('2026-12-01T01:00:00.000Z');
    expect(next('work_summary')).toBeNull();
  });

  it.each([
    ['0 17 * *', 'Asia/Shanghai'],
    ['61 17 * * *', 'Asia/Shanghai'],
    ['0 17 * * *', 'Mars/Olympus'],
  ])('rejects %s in %s with VALIDATION_FAILED', (pattern, zone) => {
    let caught: unknown = null;
    try {
      validateSchedulePattern(pattern, zone);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'VALIDATION_FAILED')).toBe(true);
  });
});
