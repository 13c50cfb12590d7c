/**
 * The retention task on both engines: what the rules delete, in batches, and what they must never delete
 * (items of open incidents, clues, appeals, open alerts and still-active events; evidence of open cases).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionPolicyOf } from '../../src/cli/retention-policy.js';
import { loadConfig } from '../../src/config/index.js';
import { isAppError } from '../../src/platform/errors.js';
import {
  itemRulesOf,
  runRetention,
  type RetentionCounts,
  type RetentionPolicy,
} from '../../src/pipeline/retention/index.js';
import { createLogger } from '../../src/platform/logger.js';
import { KyselyStorage } from '../../src/storage/storage.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, type TestDatabase } from '../storage/fixtures.js';

const DAY = 24 * 3600 * 1000;
const logger = createLogger('silent');

const POLICY: RetentionPolicy = {
  itemsDays: 30,
  itemsByKind: { hot: 7, comment: 0 },
  evidenceDays: 365,
  fetchRunsDays: 90,
  deliveriesDays: 30,
  sessionsDays: 7,
  batchSize: 10,
};

describe.each(databaseTargets)('retention on $name', (target) => {
  let test: TestDatabase;
  let storage: KyselyStorage;
  let now: number;
  let unitId: string;
  let first: RetentionCounts;

  const db = () => test.handle.db;

  async function item(id: string, kind: string, ageDays: number): Promise<void> {
    const at = now - ageDays * DAY;
    await db()
      .insertInto('items')
      .values({
        id,
        unitId,
        sourceId: null,
        kind,
        platform: null,
        url: null,
        canonicalUrl: null,
        title: null,
        content: `内容 ${id}`,
        normalizedText: `内容 ${id}`,
        tokens: `内容 ${id}`,
        author: null,
        parentId: null,
        sourceRegion: null,
        ipRegion: null,
        language: 'zh',
        sentiment: null,
        sentimentScore: null,
        categories: '[]',
        regions: '[]',
        appeal: null,
        keywords: '[]',
        simhash: null,
        emotion: null,
        emotionScore: null,
        appealDepartment: null,
        dupOf: null,
        simhashBand0: null,
        simhashBand1: null,
        simhashBand2: null,
        simhashBand3: null,
        contentHash: `hash-${id}`,
        likes: 0,
        comments: 0,
        reposts: 0,
        views: 0,
        publishedAt: at,
        collectedAt: at,
        analysedAt: null,
        createdAt: at,
        externalId: null,
        replyToId: null,
        images: '[]',
        updatedAt: null,
        version: 1,
      })
      .execute();
  }

  async function incident(id: string, state: string): Promise<void> {
    await db()
      .insertInto('incidents')
      .values({
        id,
        unitId,
        title: id,
        description: '',
        category: 'public_safety',
        level: 'yellow',
        state,
        origin: 'manual',
        openedAt: now - 200 * DAY,
        reopenCount: 0,
        createdAt: now - 200 * DAY,
        updatedAt: now - 200 * DAY,
      } as never)
      .execute();
  }

  async function evidence(id: string, itemId: string, recordId: string, ageDays: number): Promise<void> {
    await db()
      .insertInto('evidence')
      .values({
        id,
        unitId,
        itemId,
        recordType: 'incident',
        recordId,
        capturedAt: now - ageDays * DAY,
        itemText: 'x',
        itemTextSha256: 'x',
        item: '{}',
      } as never)
      .execute();
    await db()
      .insertInto('evidenceBlobs')
      .values({ evidenceId: id, kind: 'raw', sha256: 'x', bytes: Buffer.from('<html></html>') })
      .execute();
  }

  beforeAll(async () => {
    test = await openTestDatabase(target);
    now = test.clock.now();
    storage = new KyselyStorage(test.handle, { clock: test.clock });
    unitId = (await makeUnit(test)).id;

    for (let n = 0; n < 25; n++) await item(`free-${n}`, 'post', 40 + n);
    await item('plain-old', 'post', 100);
    await item('recent', 'post', 5);
    await item('hot-old', 'hot', 10);
    await item('hot-new', 'hot', 3);
    await item('comment-forever', 'comment', 1000);
    for (const id of ['in-open-incident', 'in-closed-incident', 'in-open-alert', 'in-open-clue']) {
      await item(id, 'post', 100);
    }
    for (const id of ['in-active-event', 'in-open-appeal', 'open-evidence', 'closed-evidence']) {
      await item(id, 'post', 100);
    }

    await incident('inc-open', 'verifying');
    await incident('inc-closed', 'closed');
    await db()
      .insertInto('incidentItems')
      .values([
        { incidentId: 'inc-open', itemId: 'in-open-incident', addedBy: null, addedAt: now },
        { incidentId: 'inc-closed', itemId: 'in-closed-incident', addedBy: null, addedAt: now },
      ])
      .execute();
    await evidence('ev-open', 'open-evidence', 'inc-open', 400);
    await evidence('ev-closed', 'closed-evidence', 'inc-closed', 400);
    await evidence('ev-closed-recent', 'closed-evidence', 'inc-closed', 100);

    await db()
      .insertInto('alerts')
      .values({
        id: 'alert-open',
        unitId,
        trigger: 'scheme',
        title: 't',
        mergeKey: 'm',
        count: 1,
        category: 'public_safety',
        level: 'yellow',
        startedAt: now,
        scope: '',
        matter: '',
        measures: '',
        issuer: '',
        evidence: JSON.stringify({ items: [{ itemId: 'in-open-alert' }], reasons: [] }),
        status: 'new',
        lastFiredAt: now,
        createdAt: now,
        updatedAt: now,
      } as never)
      .execute();
    await db()
      .insertInto('clues')
      .values({
        id: 'clue-open',
        unitId,
        title: 't',
        summary: 's',
        origin: 'manual',
        itemIds: JSON.stringify(['in-open-clue']),
        checklist: '{}',
        state: 'draft',
        createdAt: now,
        updatedAt: now,
      } as never)
      .execute();
    await db()
      .insertInto('appeals')
      .values({
        id: 'appeal-open',
        unitId,
        channel: 'board',
        title: 't',
        content: 'c',
        itemId: 'in-open-appeal',
        state: 'dispatched',
        receivedAt: now,
        createdAt: now,
        updatedAt: now,
      } as never)
      .execute();
    await db()
      .insertInto('events')
      .values({
        id: 'event-active',
        unitId,
        title: 'e',
        keywords: '[]',
        firstPublishedAt: now - 100 * DAY,
        lastPublishedAt: now - DAY,
        itemCount: 1,
        repostCount: 0,
        sourceCount: 1,
        platforms: '[]',
        regions: '[]',
        sentiment: '{}',
        stage: 'fermenting',
        representativeIds: '[]',
        centroid: '{}',
        createdAt: now,
        updatedAt: now,
      } as never)
      .execute();
    await db()
      .insertInto('eventItems')
      .values({ eventId: 'event-active', itemId: 'in-active-event', joinedAt: now, centrality: 1 } as never)
      .execute();

    await db()
      .insertInto('sources')
      .values({
        id: 'src',
        unitId,
        name: 's',
        kind: 'push',
        intervalSeconds: 600,
        createdAt: now,
        updatedAt: now,
      } as never)
      .execute();
    for (const [id, age] of [
      ['run-old', 100],
      ['run-new', 10],
    ] as const) {
      await db()
        .insertInto('fetchRuns')
        .values({
          id,
          sourceId: 'src',
          startedAt: now - age * DAY,
          finishedAt: now - age * DAY,
          outcome: 'ok',
        } as never)
        .execute();
      await db()
        .insertInto('sourceHealthEvents')
        .values({
          id: `health-${id}`,
          sourceId: 'src',
          unitId,
          state: 'ok',
          detail: '{}',
          at: now - age * DAY,
        })
        .execute();
    }
    await db()
      .insertInto('channels')
      .values({ id: 'ch', unitId, kind: 'webhook', name: 'c', createdAt: now, updatedAt: now } as never)
      .execute();
    for (const [id, state, age] of [
      ['sent-old', 'sent', 40],
      ['dead-old', 'dead', 40],
      ['pending-old', 'pending', 40],
      ['sent-new', 'sent', 5],
    ] as const) {
      await db()
        .insertInto('alertDeliveries')
        .values({
          id,
          alertId: 'alert-open',
          unitId,
          channelId: 'ch',
          recipient: id,
          state,
          nextAttemptAt: now,
          createdAt: now - age * DAY,
          updatedAt: now - age * DAY,
        } as never)
        .execute();
    }

    first = await runRetention({ storage, now, logger }, POLICY);
  });

  afterAll(async () => {
    await test.close();
  });

  async function ids(table: 'items' | 'evidence' | 'fetchRuns' | 'sourceHealthEvents' | 'alertDeliveries') {
    const rows = await db().selectFrom(table).select('id').execute();
    return rows.map((row) => row.id).sort();
  }

  it('deletes old items in batches and keeps what open work or active events hold', async () => {
    // free-*, plain-old, hot-old, in-closed-incident and closed-evidence (evidence keeps its own copy)
    expect(first.items).toBe(25 + 4);
    expect(await ids('items')).toEqual(
      [
        'recent',
        'hot-new',
        'comment-forever',
        'in-open-incident',
        'in-open-alert',
        'in-open-clue',
        'in-active-event',
        'in-open-appeal',
        'open-evidence',
      ].sort(),
    );
  });

  it('keeps evidence of open cases and deletes old evidence of closed ones with its page', async () => {
    expect(first.evidence).toBe(1);
    expect(await ids('evidence')).toEqual(['ev-closed-recent', 'ev-open']);
    const blobs = await db().selectFrom('evidenceBlobs').select('evidenceId').execute();
    expect(blobs.map((row) => row.evidenceId).sort()).toEqual(['ev-closed-recent', 'ev-open']);
  });

  it('deletes old fetch history, health events and finished deliveries, never pending ones', async () => {
    expect(first).toMatchObject({ fetchRuns: 1, healthEvents: 1, deliveries: 2 });
    expect(await ids('fetchRuns')).toEqual(['run-new']);
    expect(await ids('sourceHealthEvents')).toEqual(['health-run-new']);
    expect(await ids('alertDeliveries')).toEqual(['pending-old', 'sent-new']);
  });

  it('deletes nothing the second time', async () => {
    expect(await runRetention({ storage, now, logger }, POLICY)).toEqual({
      items: 0,
      evidence: 0,
      fetchRuns: 0,
      healthEvents: 0,
      deliveries: 0,
      sessions: 0,
    });
  });
});

describe('retention settings', () => {
  it('reads days per item kind and leaves kinds kept forever out of every rule', () => {
    const config = loadConfig({
      env: { RETENTION_ITEMS_DAYS: '365', RETENTION_ITEMS_BY_KIND: 'hot=30, comment=0' },
      cwd: process.cwd(),
    });
    expect(config.retentionItemsByKind).toEqual({ hot: 30, comment: 0 });
    expect(itemRulesOf(retentionPolicyOf(config))).toEqual([
      { days: 30, kinds: ['hot'], excludeKinds: [] },
      { days: 365, kinds: null, excludeKinds: ['hot', 'comment'] },
    ]);
  });

  it.each(['blog=30', 'hot:30', 'hot=-1'])('refuses RETENTION_ITEMS_BY_KIND=%s', (value) => {
    let caught: unknown;
    try {
      loadConfig({ env: { RETENTION_ITEMS_BY_KIND: value }, cwd: process.cwd() });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'CONFIG_INVALID')).toBe(true);
  });
});
