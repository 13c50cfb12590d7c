/**
 * The office calendar and duty (issue 6 §1, §8): working-day calendars per unit, who is on duty now,
 * shift hand-over notes (交接班记录) and the 24-hour duty key periods require, with their coverage gaps.
 * Dates of calendars are `YYYY-MM-DD` in the calendar's zone; the server checks that they are real dates
 * and that the zone is known (VALIDATION_FAILED names the field and value).
 */
import { z } from 'zod';
import { ALERT_LEVELS } from '../domain/index.js';
import { pageOf, pageQuery, timeInput, timestamp } from './common.js';

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .describe('YYYY-MM-DD');

/** GET/PUT/DELETE /work-calendars/:unitId — a unit id, or `default` for the installation default. */
export const workCalendarParams = z.object({
  unitId: z.string().min(1).max(64).describe('A unit id, or "default" for the installation default'),
});

/** The stored settings of a calendar. */
export const workCalendarSettings = z
  .object({
    unitId: z.string().nullable().describe('null: the installation default'),
    timeZone: z.string(),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    updatedBy: z.string().nullable(),
    updatedAt: timestamp,
  })
  .meta({ id: 'WorkCalendarSettings' });

/** The calendar that applies to a unit, and where it comes from. */
export const workCalendar = z
  .object({
    unitId: z.string().nullable(),
    origin: z.enum(['own', 'ancestor', 'default', 'builtin']),
    timeZone: z.string(),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    settings: workCalendarSettings
      .nullable()
      .describe('The stored settings it comes from; null when built in'),
  })
  .meta({ id: 'WorkCalendar' });

/** PUT /work-calendars/:unitId. */
export const putWorkCalendarBody = z.strictObject({
  timeZone: z.string().min(1).max(64).describe('IANA zone, e.g. Asia/Shanghai'),
  holidays: z.array(calendarDate).max(2000).default([]).describe('Days off even on weekdays (法定节假日)'),
  workdays: z.array(calendarDate).max(2000).default([]).describe('Weekend days worked (调休上班)'),
});

/** GET /duty/now query. */
export const onDutyQuery = z.object({
  unitId: z.string().min(1).max(64).optional(),
  at: timeInput.optional().describe('The instant to look at; now when absent'),
});

/** GET /duty/now. */
export const onDutyList = z.object({
  at: timestamp,
  items: z.array(
    z.object({
      shiftId: z.string(),
      unitId: z.string(),
      userId: z.string(),
      displayName: z.string().nullable(),
      startsAt: timestamp,
      endsAt: timestamp,
      levels: z.array(z.enum(ALERT_LEVELS)).nullable(),
      note: z.string().nullable(),
    }),
  ),
});

/** A shift hand-over note. */
export const dutyHandover = z
  .object({
    id: z.string(),
    unitId: z.string(),
    shiftId: z.string().nullable(),
    fromUserId: z.string(),
    toUserId: z.string(),
    handedOverAt: timestamp,
    notes: z.string(),
    openMatters: z.array(z.string()),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'DutyHandover' });

/** POST /duty-handovers. */
export const createDutyHandoverBody = z.strictObject({
  unitId: z.string().min(1).optional().describe("The caller's unit when absent"),
  shiftId: z.string().min(1).nullable().default(null),
  fromUserId: z.string().min(1).optional().describe('The caller when absent'),
  toUserId: z.string().min(1),
  handedOverAt: timeInput.optional().describe('Now when absent'),
  notes: z.string().trim().min(1).max(10_000),
  openMatters: z.array(z.string().trim().min(1).max(1000)).max(100).default([]),
});

/** GET /duty-handovers query. */
export const dutyHandoverQuery = pageQuery.extend({
  unitId: z.string().min(1).max(64).optional(),
  userId: z.string().min(1).max(64).optional().describe('Either side of the hand-over'),
  from: timeInput.optional(),
  to: timeInput.optional(),
});

/** A page of hand-over notes, newest first. */
export const dutyHandoverPage = pageOf(dutyHandover);

/** What a key period requires of duty. */
export const keyPeriodDutyRequirement = z
  .object({
    keyPeriodId: z.string(),
    unitId: z.string(),
    roundTheClock: z.boolean(),
    minOnDuty: z.number().int(),
    updatedBy: z.string().nullable(),
    updatedAt: timestamp,
  })
  .meta({ id: 'KeyPeriodDutyRequirement' });

/** PUT /key-periods/:id/duty. */
export const putKeyPeriodDutyBody = z.strictObject({
  roundTheClock: z.boolean().describe('24-hour duty (24小时值班)'),
  minOnDuty: z.number().int().min(1).max(50).default(1).describe('People on duty at once'),
});

/** GET /key-periods/:id/duty query. */
export const keyPeriodDutyQuery = z.object({ unitId: z.string().min(1).max(64).optional() });

/** GET /key-periods/:id/duty: the requirement and the roster's gaps per covered unit. */
export const keyPeriodDutyReport = z
  .object({
    keyPeriodId: z.string(),
    startsAt: timestamp,
    endsAt: timestamp,
    requirement: keyPeriodDutyRequirement.nullable(),
    units: z.array(
      z.object({
        unitId: z.string(),
        timeZone: z.string(),
        shifts: z.number().int(),
        covered: z.boolean(),
        uncoveredMinutes: z.number().int(),
        gaps: z.array(z.object({ startsAt: timestamp, endsAt: timestamp, onDuty: z.number().int() })),
        hours: z.array(z.object({ hourStartsAt: timestamp, uncoveredMinutes: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'KeyPeriodDutyReport' });
