/** The shared case timeline on both engines: entries keep their append order and their details. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyCaseTimelineRepository } from '../../src/storage/case-timeline/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

describe.each(databaseTargets)('case timeline on $name', (target) => {
  let test: TestDatabase;
  let timeline: KyselyCaseTimelineRepository;
  let unitId: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    timeline = new KyselyCaseTimelineRepository(test.handle.db);
    unitId = (await makeUnit(test)).id;
  });
  afterAll(async () => test.close());

  it('lists one record’s entries in append order, even within one millisecond', async () => {
    const base = { unitId, recordType: 'incident', recordId: 'inc-1', at: START, actorUserId: 'u-1' };
    await timeline.append({ ...base, action: 'open', toState: 'new' });
    await timeline.append({
      ...base,
      action: 'verify',
      fromState: 'new',
      toState: 'verifying',
      note: '开始核查',
    });
    await timeline.append({ ...base, action: 'record_result', details: { result: 'true' } });
    await timeline.append({ ...base, recordId: 'inc-2', action: 'open', toState: 'new' });

    const entries = await timeline.list('incident', 'inc-1');
    expect(entries.map((e) => e.action)).toEqual(['open', 'verify', 'record_result']);
    expect(entries[1]).toMatchObject({ fromState: 'new', toState: 'verifying', note: '开始核查' });
    expect(entries[2]?.details).toEqual({ result: 'true' });
    expect(await timeline.list('clue', 'inc-1')).toEqual([]);
  });
});
