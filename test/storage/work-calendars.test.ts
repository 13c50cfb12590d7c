/**
 * Working-day calendars on both engines: a unit's own calendar, its nearest ancestor's, the installation
 * default and the built-in calendar, in that order; replacing and removing settings; the effective
 * calendar drives working-day arithmetic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../src/cases/calendar/index.js';
import { KyselyWorkCalendarRepository } from '../../src/storage/work-calendars/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

describe.each(databaseTargets)('work calendars on $name', (target) => {
  let test: TestDatabase;
  let calendars: KyselyWorkCalendarRepository;
  let cityId: string;
  let districtId: string;
  let streetId: string;
  let otherId: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    calendars = new KyselyWorkCalendarRepository(test.handle.db);
    cityId = (await makeUnit(test, 'city')).id;
    districtId = (await makeUnit(test, 'district', cityId)).id;
    streetId = (await makeUnit(test, 'street', districtId)).id;
    otherId = (await makeUnit(test, 'other')).id;
  });
  afterAll(async () => test.close());

  it('falls back to the built-in calendar when nothing is stored', async () => {
    const effective = await calendars.effective(streetId);
    expect(effective.origin).toBe('builtin');
    expect(effective.settings).toBeNull();
    expect(effective.calendar.timeZone).toBe('Asia/Shanghai');
    expect((await calendars.effective(streetId, 'Europe/Berlin')).calendar.timeZone).toBe('Europe/Berlin');
    expect(await calendars.get(streetId)).toBeNull();
  });

  it('stores the installation default, sorted and without repeats', async () => {
    const stored = await calendars.put(
      {
        unitId: null,
        timeZone: 'Asia/Shanghai',
        holidays: ['2024-05-03', '2024-05-01', '2024-05-02', '2024-05-01'],
        workdays: ['2024-05-11'],
        updatedBy: 'u-admin',
      },
      START,
    );
    expect(stored).toEqual({
      unitId: null,
      timeZone: 'Asia/Shanghai',
      holidays: ['2024-05-01', '2024-05-02', '2024-05-03'],
      workdays: ['2024-05-11'],
      updatedBy: 'u-admin',
      updatedAt: START,
    });
    expect(await calendars.get(null)).toEqual(stored);
    const effective = await calendars.effective(otherId);
    expect(effective.origin).toBe('default');
    expect([...effective.calendar.holidays]).toEqual(['2024-05-01', '2024-05-02', '2024-05-03']);
  });

  it('prefers the unit’s own calendar, then the nearest ancestor’s', async () => {
    await calendars.put(
      { unitId: cityId, timeZone: 'Asia/Shanghai', holidays: ['2024-06-10'], workdays: [], updatedBy: null },
      START,
    );
    expect((await calendars.effective(streetId)).origin).toBe('ancestor');
    expect((await calendars.effective(streetId)).settings?.unitId).toBe(cityId);
    await calendars.put(
      { unitId: districtId, timeZone: 'Asia/Urumqi', holidays: [], workdays: [], updatedBy: null },
      START,
    );
    const street = await calendars.effective(streetId);
    expect(street.origin).toBe('ancestor');
    expect(street.calendar.timeZone).toBe('Asia/Urumqi');
    expect((await calendars.effective(districtId)).origin).toBe('own');
    expect((await calendars.effective(cityId)).calendar.holidays.has('2024-06-10')).toBe(true);
  });

  it('replaces and removes settings', async () => {
    const replaced = await calendars.put(
      {
        unitId: districtId,
        timeZone: 'Asia/Shanghai',
        holidays: ['2024-10-01'],
        workdays: ['2024-10-12'],
        updatedBy: 'u-2',
      },
      START + 1000,
    );
    expect(replaced.updatedAt).toBe(START + 1000);
    expect(await calendars.get(districtId)).toEqual(replaced);
    expect(await calendars.remove(districtId)).toBe(true);
    expect(await calendars.remove(districtId)).toBe(false);
    expect((await calendars.effective(districtId)).settings?.unitId).toBe(cityId);
  });

  it('gives a calendar working-day arithmetic can use', async () => {
    await calendars.put(
      {
        unitId: streetId,
        timeZone: 'Asia/Shanghai',
        holidays: ['2024-05-01', '2024-05-02', '2024-05-03'],
        workdays: ['2024-05-11'],
        updatedBy: null,
      },
      START,
    );
    const { calendar } = await calendars.effective(streetId);
    // Tuesday 30 April 2024, noon in Shanghai: 5 working days are 6, 7, 8, 9, 10 May (1–3 May off, 4–5 weekend).
    const due = addWorkingDays(Date.UTC(2024, 3, 30, 4), 5, calendar);
    expect(new Date(due).toISOString()).toBe('2024-05-10T16:00:00.000Z');
  });
});
