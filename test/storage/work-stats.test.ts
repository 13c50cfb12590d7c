/**
 * The work-summary statistics module on both engines: records of every area seeded into one database,
 * then one call gives the figures of a scope and period, and nothing outside either is counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertLevel, Incident, VerificationResult } from '../../src/domain/index.js';
import { emptyChecklist } from '../../src/domain/index.js';
import { newId } from '../../src/platform/ids.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { collectWorkStats, storageCaseStatsSource } from '../../src/reports/stats/index.js';
import { databaseTargets } from '../helpers/databases.js';

const DAY = 24 * 3_600_000;
const FROM = Date.UTC(2024, 3, 1);
const TO = Date.UTC(2024, 6, 1);
const IN = FROM + 10 * DAY;
const BEFORE = FROM - DAY;

describe.each(databaseTargets)('work-summary statistics on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let unitA: string;
  let unitB: string;

  async function incident(
    unitId: string,
    level: AlertLevel,
    result: VerificationResult | null,
    openedAt: number,
  ) {
    const record: Incident = {
      id: newId(openedAt),
      unitId,
      title: '事件',
      description: '',
      category: 'public_safety',
      level,
      state: 'new',
      origin: 'manual',
      alertId: null,
      eventId: null,
      handlerUserId: null,
      verification: result
        ? { result, facts: '', evidenceIds: [], verifiedBy: null, verifiedAt: openedAt }
        : null,
      closingSummary: null,
      review: null,
      openedBy: null,
      openedAt,
      closedBy: null,
      closedAt: null,
      reopenCount: 0,
      createdAt: openedAt,
      updatedAt: openedAt,
    };
    await storage.incidents.insert(record);
  }

  async function appeal(unitId: string, receivedAt: number, reply: 'on_time' | 'late' | 'rejected' | null) {
    const created = await storage.appeals.create({
      unitId,
      channel: 'api',
      title: '诉求',
      content: '小区路灯不亮',
      receivedAt,
      createdBy: null,
      createdAt: receivedAt,
    });
    if (reply === 'rejected') await storage.appeals.update(created.id, { state: 'rejected' }, receivedAt);
    if (reply === 'on_time' || reply === 'late') {
      await storage.appeals.update(
        created.id,
        { state: 'replied', repliedAt: receivedAt + DAY, onTime: reply === 'on_time' },
        receivedAt + DAY,
      );
    }
  }

  async function clue(unitId: string, transferredAt: number, outcome: 'filed' | 'not_filed' | null) {
    const created = await storage.clues.create({
      unitId,
      title: '线索',
      summary: '',
      origin: 'manual',
      checklist: emptyChecklist(),
      createdBy: null,
      createdAt: transferredAt,
    });
    await storage.clues.update(
      created.id,
      {
        state: 'transferred',
        transfer: {
          toUnitName: '区纪委监委',
          contact: '',
          at: transferredAt,
          by: null,
          evidenceIds: [],
          packageId: null,
        },
        ...(outcome && { outcome, outcomeAt: transferredAt + DAY }),
      },
      transferredAt,
    );
  }

  async function bulletin(
    unitId: string,
    submittedAt: number,
    adoption: 'provincial' | null,
    instructed: boolean,
  ) {
    const created = await storage.bulletins.create(
      { unitId, kind: 'opinion_info', title: '信息', body: '', itemIds: [], eventIds: [], createdBy: null },
      submittedAt,
    );
    await storage.bulletins.update(
      created.id,
      { state: 'submitted', submittedAt, recipients: ['省委网信办'] },
      submittedAt,
    );
    const base = { bulletinId: created.id, unitId, recordedBy: null, recordedAt: submittedAt };
    if (adoption)
      await storage.bulletins.addAdoption({
        ...base,
        adoptedBy: '省委网信办',
        level: adoption,
        adoptedAt: submittedAt + DAY,
        note: null,
      });
    if (instructed) {
      await storage.bulletins.addInstruction({
        ...base,
        leader: '市长',
        level: 'municipal',
        text: '阅',
        instructedAt: submittedAt + DAY,
      });
    }
  }

  async function publication(unitId: string, publishedAt: number) {
    const created = await storage.publications.create(
      {
        unitId,
        title: '通告',
        body: '正文',
        channel: null,
        incidentId: null,
        state: 'draft',
        createdBy: null,
      },
      publishedAt,
    );
    await storage.publications.update(
      created.id,
      { state: 'published', publishedAt, publishedUrl: 'https://gov.example.cn/a' },
      publishedAt,
    );
  }

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    storage = await openStorage(database.url);
    unitA = (await storage.units.create({ name: '甲区', parentId: null })).id;
    unitB = (await storage.units.create({ name: '乙区', parentId: null })).id;

    await incident(unitA, 'red', 'true', IN);
    await incident(unitA, 'red', null, IN);
    await incident(unitA, 'blue', 'false', IN);
    await incident(unitA, 'red', 'true', BEFORE);
    await incident(unitB, 'orange', 'partly_true', IN);

    await appeal(unitA, IN, 'on_time');
    await appeal(unitA, IN, 'late');
    await appeal(unitA, IN, 'rejected');
    await appeal(unitA, IN, null);
    await appeal(unitA, BEFORE, 'on_time');
    await appeal(unitB, IN, 'on_time');

    await clue(unitA, IN, 'filed');
    await clue(unitA, IN, 'not_filed');
    await clue(unitA, IN, null);
    await clue(unitB, IN, 'filed');

    await bulletin(unitA, IN, 'provincial', true);
    await bulletin(unitA, IN, null, false);
    await bulletin(unitB, IN, 'provincial', false);
    await storage.bulletins.setSettings(
      unitB,
      {
        recipients: [],
        scoring: {
          adoption: { national: 10, provincial: 7, municipal: 3, county: 1 },
          instruction: { national: 20, provincial: 10, municipal: 5, county: 2 },
        },
      },
      IN,
    );

    await publication(unitA, IN);
    await publication(unitA, BEFORE);
    await publication(unitB, IN);
  }, 60_000);

  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('gives every figure of one unit in the period', async () => {
    const stats = await collectWorkStats(storageCaseStatsSource(storage), {
      scope: { unitIds: [unitA] },
      from: FROM,
      to: TO,
    });
    expect(stats).toEqual({
      from: FROM,
      to: TO,
      incidents: {
        total: 3,
        byLevel: { red: 2, orange: 0, yellow: 0, blue: 1 },
        byVerification: { true: 1, partly_true: 0, false: 1, unverifiable: 0, unverified: 1 },
      },
      appeals: { received: 4, replied: 2, onTime: 1, replyRate: 2 / 3, onTimeRate: 0.5 },
      clues: { transferred: 3, filed: 1, filingRate: 0.5 },
      bulletins: {
        submitted: 2,
        adopted: 1,
        adoptionsByLevel: { national: 0, provincial: 1, municipal: 0, county: 0 },
        instructed: 1,
        instructionsByLevel: { national: 0, provincial: 0, municipal: 1, county: 0 },
        score: 5 + 5,
      },
      publications: { published: 1 },
    });
  });

  it('adds two units up, each bulletin scored by its unit’s scheme', async () => {
    const stats = await collectWorkStats(storageCaseStatsSource(storage), {
      scope: { unitIds: [unitA, unitB] },
      from: FROM,
      to: TO,
    });
    expect(stats.incidents.total).toBe(4);
    expect(stats.incidents.byLevel.orange).toBe(1);
    expect(stats.appeals).toMatchObject({ received: 5, replied: 3, onTime: 2 });
    expect(stats.clues).toEqual({ transferred: 4, filed: 2, filingRate: 2 / 3 });
    expect(stats.bulletins).toMatchObject({ submitted: 3, adopted: 2, score: 5 + 5 + 7 });
    expect(stats.publications.published).toBe(2);
  });

  it('counts nothing for an empty scope or a period without records', async () => {
    const empty = await collectWorkStats(storageCaseStatsSource(storage), {
      scope: { unitIds: [] },
      from: FROM,
      to: TO,
    });
    const later = await collectWorkStats(storageCaseStatsSource(storage), {
      scope: { unitIds: [unitA, unitB] },
      from: TO,
      to: TO + 30 * DAY,
    });
    for (const stats of [empty, later]) {
      expect(stats.incidents.total).toBe(0);
      expect(stats.appeals).toEqual({
        received: 0,
        replied: 0,
        onTime: 0,
        replyRate: null,
        onTimeRate: null,
      });
      expect(stats.clues).toEqual({ transferred: 0, filed: 0, filingRate: null });
      expect(stats.bulletins).toMatchObject({ submitted: 0, adopted: 0, instructed: 0, score: 0 });
      expect(stats.publications.published).toBe(0);
    }
  });
});
