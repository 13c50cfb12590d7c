/**
 * Incident storage on both engines: records with JSON verification and review, list filters and keyset
 * pages, counts per state, items, transfers, notifications, statements with versions, deadline rules
 * inherited down the unit tree, and the work-summary statistic by unit, level and verification result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, IncidentResponse } from '../../src/domain/index.js';
import { KyselyIncidentRepository } from '../../src/storage/incidents/repository.js';
import { KyselyIncidentResponseRepository } from '../../src/storage/incidents/responses-repository.js';
import { KyselyIncidentDeadlineRuleRepository } from '../../src/storage/incidents/rules-repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const HOUR = 3_600_000;

function incident(id: string, unitId: string, patch: Partial<Incident> = {}): Incident {
  return {
    id,
    unitId,
    title: `事件 ${id}`,
    description: '',
    category: 'public_safety',
    level: 'yellow',
    state: 'new',
    origin: 'manual',
    alertId: null,
    eventId: null,
    handlerUserId: null,
    verification: null,
    closingSummary: null,
    review: null,
    openedBy: 'u-1',
    openedAt: START,
    closedBy: null,
    closedAt: null,
    reopenCount: 0,
    createdAt: START,
    updatedAt: START,
    ...patch,
  };
}

describe.each(databaseTargets)('incidents on $name', (target) => {
  let test: TestDatabase;
  let incidents: KyselyIncidentRepository;
  let responses: KyselyIncidentResponseRepository;
  let rules: KyselyIncidentDeadlineRuleRepository;
  let city: string;
  let district: string;
  let street: string;
  let other: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    incidents = new KyselyIncidentRepository(test.handle.db);
    responses = new KyselyIncidentResponseRepository(test.handle.db);
    rules = new KyselyIncidentDeadlineRuleRepository(test.handle.db);
    city = (await makeUnit(test, 'city')).id;
    district = (await makeUnit(test, 'district', city)).id;
    street = (await makeUnit(test, 'street', district)).id;
    other = (await makeUnit(test, 'other')).id;
    const verification = {
      result: 'false' as const,
      facts: '经核实，系谣言',
      evidenceIds: ['ev-1'],
      verifiedBy: 'u-1',
      verifiedAt: START,
    };
    await incidents.insert(incident('i1', district, { level: 'red', state: 'verifying' }));
    await incidents.insert(
      incident('i2', district, { openedAt: START + HOUR, verification, state: 'responding' }),
    );
    await incidents.insert(
      incident('i3', district, { openedAt: START + 2 * HOUR, level: 'red', handlerUserId: 'h-1' }),
    );
    await incidents.insert(incident('i4', other, { openedAt: START + 3 * HOUR, verification }));
  });
  afterAll(async () => test.close());

  it('keeps verification and review through an update', async () => {
    const review = {
      wentWell: '响应快',
      problems: '口径不一',
      improvements: '统一发布',
      reviewedBy: 'u-2',
      reviewedAt: START + 5,
    };
    const updated = await incidents.update(
      'i1',
      {
        state: 'closed',
        verification: {
          result: 'partly_true',
          facts: '部分属实',
          evidenceIds: [],
          verifiedBy: null,
          verifiedAt: START + 1,
        },
        review,
        closingSummary: '已处置',
        closedAt: START + 5,
        closedBy: 'u-2',
      },
      START + 5,
    );
    expect(updated).toMatchObject({
      state: 'closed',
      review,
      closingSummary: '已处置',
      updatedAt: START + 5,
    });
    expect((await incidents.get('i1'))?.verification?.result).toBe('partly_true');
    await incidents.update('i1', { state: 'verifying', closedAt: null, closedBy: null }, START + 6);
    await expect(incidents.update('missing', { title: 'x' }, START)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses an incident of a unit that does not exist', async () => {
    await expect(incidents.insert(incident('bad', 'no-unit'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists newest opened first within the scope, with filters and pages', async () => {
    const scope = { unitIds: [district] };
    const first = await incidents.list(scope, {}, { limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual(['i3', 'i2']);
    const second = await incidents.list(scope, {}, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => i.id)).toEqual(['i1']);
    expect(second.nextCursor).toBeNull();
    const ids = async (filter: Parameters<typeof incidents.list>[1]) =>
      (await incidents.list({ unitIds: null }, filter, { limit: 10 })).items.map((i) => i.id);
    expect(await ids({ levels: ['red'] })).toEqual(['i3', 'i1']);
    expect(await ids({ states: ['responding', 'verifying'] })).toEqual(['i2', 'i1']);
    expect(await ids({ handlerUserId: 'h-1' })).toEqual(['i3']);
    expect(await ids({ verification: ['false'] })).toEqual(['i4', 'i2']);
    expect(await ids({ verification: ['none'], unitIds: [district] })).toEqual(['i3']);
    expect(await ids({ verification: ['none', 'partly_true'] })).toEqual(['i3', 'i1']);
    expect(await ids({ from: START + HOUR, to: START + 3 * HOUR })).toEqual(['i3', 'i2']);
    expect(await incidents.get('i4', scope)).toBeNull();
  });

  it('counts incidents per state, ignoring the state filter', async () => {
    const counts = await incidents.countByState({ unitIds: [district] }, { states: ['closed'] });
    expect(counts).toEqual({ new: 1, verifying: 1, responding: 1, following_up: 0, closed: 0 });
  });

  it('attaches items once and records transfers and notifications in order', async () => {
    expect(await incidents.addItems('i2', ['a', 'b', 'a'], 'u-1', START)).toBe(2);
    expect(await incidents.addItems('i2', ['b', 'c'], 'u-1', START + 1)).toBe(1);
    expect((await incidents.listItems('i2')).map((l) => l.itemId)).toEqual(['a', 'b', 'c']);
    await incidents.addTransfer({
      incidentId: 'i2',
      fromUnitId: district,
      toUnitId: street,
      fromHandlerUserId: null,
      toHandlerUserId: 'h-2',
      reason: '属地办理',
      byUserId: 'u-1',
      at: START + 10,
    });
    expect(await incidents.listTransfers('i2')).toMatchObject([{ toUnitId: street, reason: '属地办理' }]);
    await incidents.addNotification({
      incidentId: 'i2',
      unitId: district,
      recipient: '区委宣传部',
      method: 'phone',
      note: null,
      notifiedAt: START + 20,
      byUserId: 'u-1',
      createdAt: START + 21,
    });
    expect(await incidents.listNotifications('i2')).toMatchObject([
      { recipient: '区委宣传部', method: 'phone' },
    ]);
    expect(await incidents.listNotifications('i1')).toEqual([]);
  });

  it('keeps every version of a statement and deletes them with it', async () => {
    const response: IncidentResponse = {
      id: 'r1',
      incidentId: 'i2',
      unitId: district,
      kind: 'statement',
      state: 'draft',
      title: '情况通报',
      content: '第一稿',
      version: 1,
      approvedVersion: null,
      createdBy: 'u-1',
      submittedAt: null,
      approvedBy: null,
      approvedAt: null,
      rejectedReason: null,
      publishedBy: null,
      publishedAt: null,
      publishedUrl: null,
      publishedChannel: null,
      createdAt: START,
      updatedAt: START,
    };
    await responses.create(response, null);
    await responses.addVersion({
      responseId: 'r1',
      version: 2,
      title: '情况通报',
      content: '第二稿',
      editedBy: 'u-2',
      editedAt: START + 1,
      note: '改措辞',
    });
    const updated = await responses.update(
      'r1',
      { content: '第二稿', version: 2, state: 'in_review' },
      START + 2,
    );
    expect(updated).toMatchObject({
      content: '第二稿',
      version: 2,
      state: 'in_review',
      updatedAt: START + 2,
    });
    expect((await responses.versions('r1')).map((v) => [v.version, v.content])).toEqual([
      [2, '第二稿'],
      [1, '第一稿'],
    ]);
    expect((await responses.listFor('i2')).map((r) => r.id)).toEqual(['r1']);
    await responses.delete('r1');
    expect(await responses.get('r1')).toBeNull();
    expect(await responses.versions('r1')).toEqual([]);
    await expect(responses.delete('r1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stores deadline rules per unit and inherits them down the tree', async () => {
    expect(await rules.effective(street)).toBeNull();
    const redRule = {
      level: 'red' as const,
      kind: 'first_release' as const,
      amount: 3,
      unit: 'hours' as const,
      remindBeforeMinutes: 30,
    };
    const cityRules = [
      redRule,
      {
        level: 'blue' as const,
        kind: 'response' as const,
        amount: 2,
        unit: 'working_days' as const,
        remindBeforeMinutes: null,
      },
    ];
    await rules.replace(city, cityRules, 'admin', START);
    expect((await rules.effective(street))?.unitId).toBe(city);
    expect((await rules.effective(street))?.rules).toEqual(expect.arrayContaining(cityRules));
    await rules.replace(district, [redRule], 'admin', START + 1);
    expect(await rules.effective(street)).toMatchObject({
      unitId: district,
      rules: [redRule],
      updatedAt: START + 1,
    });
    expect(await rules.remove(district)).toBe(true);
    expect(await rules.remove(district)).toBe(false);
    expect((await rules.effective(street))?.unitId).toBe(city);
    expect(await rules.effective(other)).toBeNull();
  });

  it('counts incidents of a period by unit, level and verification result', async () => {
    const rows = await incidents.statistics({ unitIds: null, from: START, to: START + 3 * HOUR });
    expect(rows).toEqual([
      { unitId: district, level: 'red', verificationResult: null, count: 1 },
      { unitId: district, level: 'red', verificationResult: 'partly_true', count: 1 },
      { unitId: district, level: 'yellow', verificationResult: 'false', count: 1 },
    ]);
    const scoped = await incidents.statistics({ unitIds: [other], from: START, to: START + 4 * HOUR });
    expect(scoped).toEqual([{ unitId: other, level: 'yellow', verificationResult: 'false', count: 1 }]);
  });
});
