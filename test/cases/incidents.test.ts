/**
 * The incident service on both engines with real storage: opening from an alert links it and moves it to
 * handling in the same transaction; deadlines by level from the national defaults, from a unit's own
 * working-day rules across a configured holiday, moved on a level change and completed when a statement
 * is published or the incident closes; illegal moves are refused and change nothing; every change lands
 * on the timeline and in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actOnResponse,
  attachItems,
  closeIncident,
  draftResponse,
  editIncident,
  INCIDENT_RECORD,
  moveIncident,
  openIncident,
  reopenIncident,
  setDeadlineRules,
  transferIncident,
  verifyIncident,
  type IncidentActor,
  type IncidentServiceDeps,
} from '../../src/cases/incidents/service/index.js';
import { captureEvidence } from '../../src/cases/evidence/index.js';
import type { NewAlert } from '../../src/storage/repositories.js';
import { ManualClock } from '../../src/platform/clock.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const HOUR = 3_600_000;
/** Friday 2024-05-03 10:00 in Shanghai. */
const FRIDAY_10 = Date.parse('2024-05-03T10:00:00+08:00');

function alertOf(unitId: string): NewAlert {
  return {
    unitId,
    ruleId: null,
    ruleVersion: null,
    trigger: 'scheme_hit',
    title: '某小区业主聚集维权',
    mergeKey: `k-${Math.random()}`,
    count: 1,
    schemeId: null,
    eventId: null,
    sourceId: null,
    category: 'housing',
    level: 'orange',
    startedAt: FRIDAY_10 - HOUR,
    scope: '姑苏区',
    matter: '业主聚集',
    measures: '核实',
    issuer: '区委网信办',
    evidence: { items: [], statistic: null, value: null, baseline: null, threshold: null, reasons: [] },
    status: 'new',
    escalations: 0,
    acknowledgedBy: null,
    acknowledgedAt: null,
    closedBy: null,
    closedAt: null,
    incidentId: null,
    heldUntil: null,
    notifiedCount: 1,
    lastFiredAt: FRIDAY_10 - HOUR,
    createdAt: FRIDAY_10 - HOUR,
  };
}

describe.each(databaseTargets)('incident service on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let deps: IncidentServiceDeps;
  let clock: ManualClock;
  let actor: IncidentActor;
  let unitId: string;
  let streetId: string;
  let userId: string;

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    clock = new ManualClock(FRIDAY_10);
    storage = await openStorage(database.url, { clock });
    deps = { storage, clock };
    const unit = await storage.units.create({ name: '姑苏区网信办', parentId: null });
    const street = await storage.units.create({ name: '平江街道', parentId: unit.id });
    unitId = unit.id;
    streetId = street.id;
    const user = await storage.users.create({
      unitId,
      username: 'handler',
      displayName: '处置员',
      passwordHash: 'x',
      roles: ['handler'],
    });
    userId = user.id;
    actor = { userId, ip: '127.0.0.1', unitIds: [unitId, streetId] };
  });
  afterAll(async () => {
    await storage.close();
    await drop();
  });

  const deadlinesOf = async (id: string) =>
    (await storage.caseDeadlines.listFor(INCIDENT_RECORD, id)).map((d) => ({
      kind: d.kind,
      hours: (d.dueAt - FRIDAY_10) / HOUR,
      done: d.doneAt !== null,
    }));

  it('opens from an alert: links it, moves it to handling, registers major deadlines', async () => {
    clock.advance(0);
    const alert = await storage.alerts.insert(alertOf(unitId));
    const incident = await openIncident(deps, actor, { alertId: alert.id });
    expect(incident).toMatchObject({
      origin: 'alert',
      level: 'orange',
      title: alert.title,
      unitId,
      state: 'new',
    });
    expect(await storage.alerts.get(alert.id)).toMatchObject({ status: 'handling', incidentId: incident.id });
    expect((await storage.alerts.history(alert.id)).at(-1)).toMatchObject({
      action: 'handle',
      toStatus: 'handling',
    });
    expect(await deadlinesOf(incident.id)).toEqual([
      { kind: 'first_release', hours: 5, done: false },
      { kind: 'press_conference', hours: 24, done: false },
    ]);
    const [first] = await storage.caseDeadlines.listFor(INCIDENT_RECORD, incident.id);
    expect(first).toMatchObject({ level: 'orange', remindAt: FRIDAY_10 + 4 * HOUR, unitId });
    await expect(openIncident(deps, actor, { alertId: alert.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const audit = await storage.audit.list({ unitIds: null }, { targetId: incident.id }, { limit: 10 });
    expect(audit.items.map((e) => e.action)).toEqual(['incident.open']);
  });

  it('closes the alert it was opened from when the incident closes', async () => {
    const alert = await storage.alerts.insert(alertOf(unitId));
    const incident = await openIncident(deps, actor, { alertId: alert.id });
    await closeIncident(deps, actor, incident.id, { summary: '已核实处置完毕' });
    expect(await storage.alerts.get(alert.id)).toMatchObject({ status: 'closed', closedBy: actor.userId });
    expect((await storage.alerts.history(alert.id)).at(-1)).toMatchObject({
      action: 'close',
      fromStatus: 'handling',
      toStatus: 'closed',
    });
  });

  it('opens from an event with its title and representative items', async () => {
    await storage.events.insert({
      id: 'ev-1',
      unitId,
      title: '某小区火灾',
      keywords: ['火灾'],
      firstItemId: null,
      firstPublishedAt: FRIDAY_10,
      lastPublishedAt: FRIDAY_10,
      itemCount: 2,
      repostCount: 0,
      sourceCount: 1,
      platforms: [],
      regions: [],
      sentiment: { positive: 0, neutral: 0, negative: 2 },
      stage: 'emerging',
      heat: null,
      heatVersion: null,
      representativeIds: ['item-a', 'item-b'],
      mergedInto: null,
      createdAt: FRIDAY_10,
      updatedAt: FRIDAY_10,
      centroid: [],
      heatLog: null,
    });
    const incident = await openIncident(deps, actor, {
      eventId: 'ev-1',
      level: 'yellow',
      category: 'public_safety',
    });
    expect(incident).toMatchObject({ origin: 'event', eventId: 'ev-1', title: '某小区火灾', unitId });
    expect((await storage.incidents.listItems(incident.id)).map((l) => l.itemId)).toEqual([
      'item-a',
      'item-b',
    ]);
    await expect(
      openIncident(deps, { ...actor, unitIds: ['elsewhere'] }, { eventId: 'ev-1', level: 'blue' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rolls everything back when opening fails half-way', async () => {
    const alert = await storage.alerts.insert(alertOf(unitId));
    await expect(
      openIncident(deps, actor, { alertId: alert.id, handlerUserId: 'nobody' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await storage.alerts.get(alert.id)).toMatchObject({ status: 'new', incidentId: null });
    expect(
      (await storage.incidents.list({ unitIds: null }, { alertId: alert.id }, { limit: 5 })).items,
    ).toEqual([]);
  });

  it('refuses an illegal move and changes nothing', async () => {
    const incident = await openIncident(deps, actor, { title: '手动', level: 'blue', unitId });
    const before = await storage.caseTimeline.list(INCIDENT_RECORD, incident.id);
    await expect(moveIncident(deps, actor, incident.id, 'follow_up')).rejects.toMatchObject({
      code: 'CASE_TRANSITION_INVALID',
    });
    await expect(
      verifyIncident(deps, actor, incident.id, { result: 'true', facts: 'x', evidenceIds: [] }),
    ).rejects.toMatchObject({ code: 'CASE_TRANSITION_INVALID' });
    expect((await storage.incidents.get(incident.id))?.state).toBe('new');
    expect(await storage.caseTimeline.list(INCIDENT_RECORD, incident.id)).toEqual(before);
    await expect(
      moveIncident(deps, { ...actor, unitIds: ['elsewhere'] }, incident.id, 'start_verification'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('moves deadlines on a level change, completes them on publishing and closes the rest', async () => {
    const incident = await openIncident(deps, actor, { title: '某事件', level: 'yellow', unitId });
    expect(await deadlinesOf(incident.id)).toEqual([{ kind: 'response', hours: 48, done: false }]);
    clock.advance(2 * HOUR);
    await editIncident(deps, actor, incident.id, { level: 'red' });
    expect(await deadlinesOf(incident.id)).toEqual([
      { kind: 'first_release', hours: 7, done: false },
      { kind: 'press_conference', hours: 26, done: false },
      { kind: 'response', hours: 48, done: true },
    ]);
    await moveIncident(deps, actor, incident.id, 'start_verification');
    await expect(
      verifyIncident(deps, actor, incident.id, { result: 'true', facts: 'x', evidenceIds: ['nothing'] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [itemId] = await storage.items.insertMany([
      {
        unitId,
        kind: 'post',
        title: '网帖',
        content: '某地发生某事',
        contentHash: `h-${Math.random()}`,
        publishedAt: FRIDAY_10 - HOUR,
        collectedAt: FRIDAY_10,
      },
    ]);
    expect(await attachItems(deps, actor, incident.id, [itemId ?? ''])).toBe(1);
    const evidence = await captureEvidence(
      { storage, clock },
      { unitId, itemId: itemId ?? '', recordType: 'incident', recordId: incident.id, actorUserId: userId },
    );
    const verified = await verifyIncident(deps, actor, incident.id, {
      result: 'partly_true',
      facts: '部分属实',
      evidenceIds: [evidence.id],
    });
    expect(verified.verification).toMatchObject({ result: 'partly_true', evidenceIds: [evidence.id] });
    await moveIncident(deps, actor, incident.id, 'start_response');
    const draft = await draftResponse(deps, actor, incident.id, {
      kind: 'statement',
      title: '通报',
      content: '正文',
    });
    for (const action of ['submit', 'approve'] as const) {
      await actOnResponse(deps, actor, incident.id, draft.id, action);
    }
    const published = await actOnResponse(deps, actor, incident.id, draft.id, 'publish', {
      publish: { url: 'https://gov.example.cn/1' },
    });
    expect(published).toMatchObject({
      state: 'published',
      approvedVersion: 1,
      publishedUrl: 'https://gov.example.cn/1',
    });
    const afterPublish = await storage.caseDeadlines.listFor(INCIDENT_RECORD, incident.id);
    expect(afterPublish.filter((d) => d.doneAt === null).map((d) => d.kind)).toEqual(['press_conference']);
    await moveIncident(deps, actor, incident.id, 'follow_up');
    const closed = await closeIncident(deps, actor, incident.id, {
      summary: '已办结',
      review: { wentWell: '快', problems: '无', improvements: '无' },
    });
    expect(closed).toMatchObject({ state: 'closed', closingSummary: '已办结', closedBy: userId });
    expect(
      (await storage.caseDeadlines.listFor(INCIDENT_RECORD, incident.id)).every((d) => d.doneAt !== null),
    ).toBe(true);
    await expect(
      draftResponse(deps, actor, incident.id, { kind: 'statement', title: 'x', content: 'y' }),
    ).rejects.toMatchObject({
      code: 'CASE_TRANSITION_INVALID',
    });
    const reopened = await reopenIncident(deps, actor, incident.id, { to: 'verifying', reason: '新情况' });
    expect(reopened).toMatchObject({ state: 'verifying', reopenCount: 1, closedAt: null });
    const actions = (await storage.caseTimeline.list(INCIDENT_RECORD, incident.id)).map((e) => e.action);
    expect(actions).toEqual([
      'open',
      'change_level',
      'start_verification',
      'attach_items',
      'evidence_captured',
      'verify',
      'start_response',
      'response_draft',
      'response_submit',
      'response_approve',
      'response_publish',
      'follow_up',
      'close',
      'reopen_verification',
    ]);
  });

  it('counts working-day rules on the unit calendar across a holiday', async () => {
    await storage.workCalendars.put(
      { unitId, timeZone: 'Asia/Shanghai', holidays: ['2024-05-06'], workdays: [], updatedBy: null },
      clock.now(),
    );
    await setDeadlineRules(deps, actor, unitId, [
      { level: 'blue', kind: 'response', amount: 2, unit: 'working_days', remindBeforeMinutes: 60 },
    ]);
    clock.advance(-clock.now() + FRIDAY_10);
    const incident = await openIncident(deps, actor, { title: '小事', level: 'blue', unitId: streetId });
    const [deadline] = await storage.caseDeadlines.listFor(INCIDENT_RECORD, incident.id);
    expect(deadline?.dueAt).toBe(Date.parse('2024-05-09T00:00:00+08:00'));
    expect(deadline?.remindAt).toBe(Date.parse('2024-05-08T23:00:00+08:00'));
    await setDeadlineRules(deps, actor, unitId, null);
  });

  it('transfers to another unit with the reason and the new handler', async () => {
    const incident = await openIncident(deps, actor, { title: '转办', level: 'yellow', unitId });
    const streetHandler = await storage.users.create({
      unitId: streetId,
      username: 'street-handler',
      displayName: '街道',
      passwordHash: 'x',
      roles: ['handler'],
    });
    await expect(
      transferIncident(deps, actor, incident.id, {
        toUnitId: streetId,
        toHandlerUserId: userId,
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const done = await transferIncident(deps, actor, incident.id, {
      toUnitId: streetId,
      toHandlerUserId: streetHandler.id,
      reason: '属地办理',
    });
    expect(done.incident).toMatchObject({ unitId: streetId, handlerUserId: streetHandler.id });
    expect(await storage.incidents.listTransfers(incident.id)).toMatchObject([
      { fromUnitId: unitId, toUnitId: streetId, reason: '属地办理', byUserId: userId },
    ]);
  });
});
