/** Bulletins on both engines: links, filters, adoptions, instructions with feedback, settings and statistics. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BULLETIN_SCORING } from '../../src/domain/index.js';
import { KyselyBulletinRepository } from '../../src/storage/bulletins/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const DAY = 24 * 3_600_000;

describe.each(databaseTargets)('bulletins on $name', (target) => {
  let test: TestDatabase;
  let repo: KyselyBulletinRepository;
  let unitA: string;
  let unitB: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    repo = new KyselyBulletinRepository(test.handle.db);
    unitA = (await makeUnit(test, 'A')).id;
    unitB = (await makeUnit(test, 'B')).id;
  });
  afterAll(async () => test.close());

  const draft = (unitId: string, title: string, eventIds: string[] = []) => ({
    unitId,
    kind: 'opinion_info' as const,
    title,
    body: '正文',
    itemIds: ['item-1'],
    eventIds,
    createdBy: 'u-1',
  });

  it('creates a draft with its links and changes it', async () => {
    const created = await repo.create(draft(unitA, '某小区停水', ['ev-1', 'ev-2']), START);
    expect(created).toMatchObject({
      state: 'draft',
      itemIds: ['item-1'],
      eventIds: ['ev-1', 'ev-2'],
      recipients: [],
    });
    const submitted = await repo.update(
      created.id,
      {
        state: 'submitted',
        recipients: ['省委网信办'],
        submittedAt: START + 1,
        submittedBy: 'u-1',
        kind: 'special_report',
      },
      START + 1,
    );
    expect(submitted).toMatchObject({
      state: 'submitted',
      recipients: ['省委网信办'],
      kind: 'special_report',
    });
    expect(await repo.get(created.id, { unitIds: [unitB] })).toBeNull();
  });

  it('filters by kind, state, linked event and title, with pages and counts', async () => {
    await repo.create(draft(unitA, '燃气涨价', ['ev-3']), START + DAY);
    await repo.create(draft(unitA, '学校食堂', ['ev-30']), START + 2 * DAY);
    await repo.create(draft(unitB, '乙单位信息'), START + 3 * DAY);
    const scope = { unitIds: [unitA] };
    expect((await repo.list(scope, { eventId: 'ev-3' }, { limit: 10 })).items.map((b) => b.title)).toEqual([
      '燃气涨价',
    ]);
    expect(
      (await repo.list(scope, { kinds: ['special_report'] }, { limit: 10 })).items.map((b) => b.title),
    ).toEqual(['某小区停水']);
    expect((await repo.list(scope, { q: '食堂' }, { limit: 10 })).items).toHaveLength(1);
    const page1 = await repo.list(scope, { states: ['draft'] }, { limit: 1 });
    const page2 = await repo.list(scope, { states: ['draft'] }, { limit: 1, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items].map((b) => b.title)).toEqual(['学校食堂', '燃气涨价']);
    expect(await repo.countByState(scope, {})).toEqual({ draft: 2, submitted: 1, cancelled: 0 });
  });

  it('records adoptions, instructions and feedback', async () => {
    const b = await repo.create(draft(unitA, '批示测试'), START);
    await repo.addAdoption({
      bulletinId: b.id,
      unitId: unitA,
      adoptedBy: '省委网信办',
      level: 'provincial',
      adoptedAt: START + 5,
      note: null,
      recordedBy: 'u-1',
      recordedAt: START + 6,
    });
    const instruction = await repo.addInstruction({
      bulletinId: b.id,
      unitId: unitA,
      leader: '市委书记',
      level: 'municipal',
      text: '请相关部门抓紧处置',
      instructedAt: START + 7,
      recordedBy: 'u-1',
      recordedAt: START + 8,
    });
    expect((await repo.adoptions(b.id)).map((a) => [a.adoptedBy, a.level])).toEqual([
      ['省委网信办', 'provincial'],
    ]);
    const withFeedback = await repo.setFeedback(b.id, instruction.id, '已落实', START + 9);
    expect(withFeedback).toMatchObject({ feedbackText: '已落实', feedbackAt: START + 9, level: 'municipal' });
    await expect(repo.setFeedback('other', instruction.id, 'x', START)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('keeps each unit’s higher bodies and scoring scheme, defaults until set', async () => {
    expect(await repo.getSettings(unitB)).toEqual({
      unitId: unitB,
      recipients: [],
      scoring: DEFAULT_BULLETIN_SCORING,
      updatedAt: null,
    });
    const scoring = {
      ...DEFAULT_BULLETIN_SCORING,
      adoption: { ...DEFAULT_BULLETIN_SCORING.adoption, county: 2 },
    };
    await repo.setSettings(
      unitB,
      { recipients: ['市委网信办', ' 市委网信办 ', '省委网信办'], scoring },
      START,
    );
    expect(await repo.getSettings(unitB)).toMatchObject({
      recipients: ['市委网信办', '省委网信办'],
      scoring,
    });
  });

  it('counts a period’s submissions, adoptions and instructions by unit and level', async () => {
    const from = START + 100 * DAY;
    const period = { from, to: from + 30 * DAY };
    const one = await repo.create(draft(unitA, '统计一'), from);
    const two = await repo.create(draft(unitB, '统计二'), from);
    const old = await repo.create(draft(unitA, '统计旧'), from - 10 * DAY);
    await repo.update(one.id, { state: 'submitted', submittedAt: from + DAY }, from);
    await repo.update(two.id, { state: 'submitted', submittedAt: from + DAY }, from);
    await repo.update(old.id, { state: 'submitted', submittedAt: from - DAY }, from);
    const adopt = (bulletinId: string, unitId: string, level: 'national' | 'provincial', at: number) =>
      repo.addAdoption({
        bulletinId,
        unitId,
        adoptedBy: '某单位',
        level,
        adoptedAt: at,
        note: null,
        recordedBy: null,
        recordedAt: at,
      });
    await adopt(one.id, unitA, 'provincial', from + 2 * DAY);
    await adopt(one.id, unitA, 'national', from + 3 * DAY);
    await adopt(two.id, unitB, 'provincial', from + 2 * DAY);
    await adopt(old.id, unitA, 'provincial', from + 2 * DAY); // adopted in the period, submitted before
    await adopt(old.id, unitA, 'provincial', from - DAY); // before the period
    await repo.addInstruction({
      bulletinId: one.id,
      unitId: unitA,
      leader: '省长',
      level: 'provincial',
      text: '阅',
      instructedAt: from + 4 * DAY,
      recordedBy: null,
      recordedAt: from,
    });
    const both = await repo.stats({ unitIds: [unitA, unitB] }, period);
    expect(both.submitted).toBe(2);
    expect(both.adoptedBulletins).toBe(3);
    expect(both.instructedBulletins).toBe(1);
    const byKey = (rows: Array<{ unitId: string; level: string; count: number }>) =>
      Object.fromEntries(rows.map((r) => [`${r.unitId === unitA ? 'A' : 'B'}:${r.level}`, r.count]));
    expect(byKey(both.adoptions)).toEqual({ 'A:provincial': 2, 'A:national': 1, 'B:provincial': 1 });
    expect(byKey(both.instructions)).toEqual({ 'A:provincial': 1 });
    const onlyB = await repo.stats({ unitIds: [unitB] }, period);
    expect(onlyB).toMatchObject({
      submitted: 1,
      adoptedBulletins: 1,
      instructedBulletins: 0,
      instructions: [],
    });
  });
});
