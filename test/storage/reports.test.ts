/**
 * Report storage on both engines: drafts with large JSON documents, lists by scope, issue numbering under
 * the unique index, immutability of issued reports and their files (byte for byte), one report per
 * schedule slot, the traced issued count, the schedule run claim, the delivery outbox and unit settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/platform/errors.js';
import { sha256Hex } from '../../src/platform/sha256.js';
import { KyselyReportDeliveryRepository } from '../../src/storage/reports/deliveries.js';
import { KyselyReportRepository } from '../../src/storage/reports/repository.js';
import { KyselyReportScheduleRepository } from '../../src/storage/reports/schedules.js';
import { KyselyReportSettingsRepository } from '../../src/storage/reports/settings.js';
import type { NewReportSchedule } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';
import { sampleDocument, sampleReport } from '../reports/review-fixtures.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

/** The error `promise` rejects with, failing the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Bytes covering every byte value, repeated to `size`. */
function binary(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, index) => (index * 7 + 3) % 256);
}

describe.each(databaseTargets)('report storage on $name', (target) => {
  let test: TestDatabase;
  let reports: KyselyReportRepository;
  let unitId: string;
  let otherUnitId: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    reports = new KyselyReportRepository(test.handle.db);
    unitId = (await makeUnit(test, '市委网信办')).id;
    otherUnitId = (await makeUnit(test, '区委网信办')).id;
  });
  afterAll(async () => {
    await test.close();
  });

  it('keeps a draft with a document of about 1 MB as it was given', async () => {
    const document = sampleDocument('市委网信办', 350_000);
    const created = await reports.create(sampleReport(unitId, { document }));
    expect(created).toMatchObject({ status: 'draft', issueNumber: null, issueYear: null, unitId });
    const read = await reports.get(created.id);
    expect(Buffer.byteLength(JSON.stringify(read?.document))).toBeGreaterThan(1_000_000);
    expect(read?.document).toEqual(document);
    expect(read?.snapshot).toEqual(created.snapshot);
    expect(await reports.get(created.id, { unitIds: [otherUnitId] })).toBeNull();
    const missing = await rejection(reports.create(sampleReport('no-such-unit')));
    expect(isAppError(missing, 'NOT_FOUND')).toBe(true);
  });

  it('lists newest period first within the scope and filters, page by page', async () => {
    const base = START;
    for (let i = 0; i < 5; i += 1) {
      await reports.create(
        sampleReport(otherUnitId, { type: i % 2 === 0 ? 'daily' : 'weekly', periodFrom: base + i * 1000 }),
      );
    }
    const scope = { unitIds: [otherUnitId] };
    const first = await reports.list(scope, {}, { limit: 2, cursor: null });
    expect(first.items.map((r) => r.periodFrom)).toEqual([base + 4000, base + 3000]);
    expect(first.items[0]).not.toHaveProperty('document');
    const second = await reports.list(scope, {}, { limit: 10, cursor: first.nextCursor });
    expect(second.items.map((r) => r.periodFrom)).toEqual([base + 2000, base + 1000, base]);
    expect(second.nextCursor).toBeNull();
    const weekly = await reports.list(
      scope,
      { types: ['weekly'], from: base + 1500 },
      { limit: 10, cursor: null },
    );
    expect(weekly.items.map((r) => r.periodFrom)).toEqual([base + 3000]);
    const nothing = await reports.list({ unitIds: [] }, {}, { limit: 10, cursor: null });
    expect(nothing.items).toEqual([]);
  });

  it('numbers issues per unit, type and year, keeps files byte for byte and refuses changes after', async () => {
    const draft = await reports.create(sampleReport(unitId, { type: 'monthly' }));
    const edited = await reports.update(draft.id, { status: 'in_review', reviewerId: 'u-reviewer' }, 5_000);
    expect(edited).toMatchObject({ status: 'in_review', reviewerId: 'u-reviewer', updatedAt: 5_000 });
    expect(await reports.nextIssueNumber(unitId, 'monthly', 2024)).toBe(1);

    const bytes = binary(300_000);
    const document = { ...draft.document, issueLabel: '2024年第1期' };
    const issued = await reports.issue(draft.id, {
      issuedBy: 'u-lead',
      issuedAt: 6_000,
      year: 2024,
      number: 1,
      document,
      files: [
        {
          format: 'pdf',
          contentType: 'application/pdf',
          fileName: 'r.pdf',
          bytes,
          sha256: sha256Hex(bytes),
          createdAt: 6_000,
        },
        {
          format: 'md',
          contentType: 'text/markdown',
          fileName: 'r.md',
          bytes: new TextEncoder().encode('# 报告'),
          sha256: sha256Hex('# 报告'),
          createdAt: 6_000,
        },
      ],
    });
    expect(issued).toMatchObject({
      status: 'issued',
      issueYear: 2024,
      issueNumber: 1,
      issuedBy: 'u-lead',
      issuedAt: 6_000,
    });
    expect(issued.document.issueLabel).toBe('2024年第1期');
    const file = await reports.file(draft.id, 'pdf');
    expect(file?.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(file?.bytes ?? new Uint8Array()).equals(Buffer.from(bytes))).toBe(true);
    expect(file?.sha256).toBe(sha256Hex(file?.bytes ?? new Uint8Array()));
    expect(await reports.fileFormats(draft.id)).toEqual(['md', 'pdf']);
    expect(await reports.file(draft.id, 'docx')).toBeNull();
    expect(await reports.nextIssueNumber(unitId, 'monthly', 2024)).toBe(2);
    expect(await reports.nextIssueNumber(unitId, 'monthly', 2025)).toBe(1);
    expect(await reports.nextIssueNumber(unitId, 'weekly', 2024)).toBe(1);
    expect(await reports.nextIssueNumber(otherUnitId, 'monthly', 2024)).toBe(1);

    const update = await rejection(reports.update(draft.id, { title: 'changed' }, 7_000));
    expect(isAppError(update, 'CONFLICT')).toBe(true);
    const again = await rejection(
      reports.issue(draft.id, {
        issuedBy: null,
        issuedAt: 7_000,
        year: 2024,
        number: 9,
        document,
        files: [],
      }),
    );
    expect(isAppError(again, 'CONFLICT') && again.details['reason']).toBe('issued');
    const after = await reports.get(draft.id);
    expect(after).toEqual(issued);
    expect(await reports.fileFormats(draft.id)).toEqual(['md', 'pdf']);

    const missing = await rejection(reports.update('no-such-report', { title: 'x' }, 7_000));
    expect(isAppError(missing, 'NOT_FOUND')).toBe(true);
  });

  it('refuses a number another report of the unit, type and year took, and writes nothing', async () => {
    const first = await reports.create(sampleReport(unitId, { type: 'weekly' }));
    const second = await reports.create(sampleReport(unitId, { type: 'weekly' }));
    const input = { issuedBy: null, issuedAt: 8_000, year: 2024, number: 1, document: first.document };
    await reports.issue(first.id, { ...input, files: [] });
    const bytes = new Uint8Array([1, 2, 3]);
    const taken = await rejection(
      reports.issue(second.id, {
        ...input,
        files: [
          {
            format: 'md',
            contentType: 'text/markdown',
            fileName: 'x.md',
            bytes,
            sha256: sha256Hex(bytes),
            createdAt: 8_000,
          },
        ],
      }),
    );
    expect(isAppError(taken, 'CONFLICT') && taken.details['reason']).toBe('number_taken');
    expect((await reports.get(second.id))?.status).toBe('draft');
    expect(await reports.fileFormats(second.id)).toEqual([]);
    const next = await reports.issue(second.id, { ...input, number: 2, files: [] });
    expect(next.issueNumber).toBe(2);
  });

  it('makes one report per schedule slot', async () => {
    const slot = sampleReport(unitId, { type: 'daily', scheduleId: 'sched-1', periodFrom: START });
    const made = await reports.create(slot);
    expect((await reports.findScheduled('sched-1', START))?.id).toBe(made.id);
    expect(await reports.findScheduled('sched-1', START + 1)).toBeNull();
    const duplicate = await rejection(reports.create(slot));
    expect(isAppError(duplicate, 'CONFLICT')).toBe(true);
    const onDemand = sampleReport(unitId, { type: 'daily', periodFrom: START });
    await reports.create(onDemand);
    await reports.create(onDemand);
  });

  it('counts issued reports of the scope in a period with the query it ran', async () => {
    const counted = await reports.countIssued({ unitIds: [unitId] }, 6_000, 8_001);
    const issuedOfUnit = (
      await reports.list({ unitIds: [unitId] }, { statuses: ['issued'] }, { limit: 100, cursor: null })
    ).items;
    expect(counted.value).toBe(
      issuedOfUnit.filter((r) => r.issuedAt !== null && r.issuedAt >= 6_000 && r.issuedAt < 8_001).length,
    );
    expect(counted.value).toBe(3);
    expect(counted.trace).toHaveLength(1);
    expect(counted.trace[0]?.sql).toMatch(/from "reports"/);
    expect(counted.trace[0]?.sql).toMatch(/issued_at/);
    expect(counted.trace[0]?.params).toEqual(expect.arrayContaining(['issued', 6_000, 8_001, unitId]));
    expect((await reports.countIssued({ unitIds: [otherUnitId] }, 0, 10_000)).value).toBe(0);
    expect((await reports.countIssued({ unitIds: [unitId] }, 6_000, 7_999)).value).toBe(1);
  });
});

describe.each(databaseTargets)('report schedules, deliveries and settings on $name', (target) => {
  let test: TestDatabase;
  let unitId: string;
  let reportId: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    unitId = (await makeUnit(test, '市委网信办')).id;
    reportId = (await new KyselyReportRepository(test.handle.db).create(sampleReport(unitId))).id;
  });
  afterAll(async () => {
    await test.close();
  });

  const schedule = (overrides: Partial<NewReportSchedule> = {}): NewReportSchedule => ({
    unitId,
    type: 'daily',
    cron: '0 17 * * *',
    timeZone: 'Asia/Shanghai',
    enabled: true,
    autoIssue: false,
    reviewerId: null,
    recipients: ['a@example.cn', 'b@example.cn'],
    formats: ['docx', 'pdf'],
    ...overrides,
  });

  it('stores schedules and lets exactly one of two claims of a slot win', async () => {
    const schedules = new KyselyReportScheduleRepository(test.handle.db, test.clock);
    const created = await schedules.create(schedule());
    await schedules.create(schedule({ enabled: false, type: 'weekly' }));
    expect(await schedules.get(created.id)).toEqual(created);
    expect(created).toMatchObject({
      enabled: true,
      autoIssue: false,
      lastRunAt: null,
      formats: ['docx', 'pdf'],
    });
    expect((await schedules.list({ unitIds: [unitId] })).length).toBe(2);
    expect(await schedules.list({ unitIds: [] })).toEqual([]);
    expect((await schedules.listEnabled()).map((s) => s.id)).toEqual([created.id]);

    const slot = START + 17 * 3_600_000;
    const claims = await Promise.all([
      schedules.claimRun(created.id, slot, null),
      schedules.claimRun(created.id, slot, null),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await schedules.get(created.id))?.lastRunAt).toBe(slot);
    expect(await schedules.claimRun(created.id, slot + 86_400_000, null)).toBe(false);
    const next = await Promise.all([
      schedules.claimRun(created.id, slot + 86_400_000, slot),
      schedules.claimRun(created.id, slot + 86_400_000, slot),
    ]);
    expect(next.filter(Boolean)).toHaveLength(1);

    const updated = await schedules.update(created.id, {
      autoIssue: true,
      recipients: ['c@example.cn'],
      enabled: false,
    });
    expect(updated).toMatchObject({
      autoIssue: true,
      recipients: ['c@example.cn'],
      enabled: false,
      cron: '0 17 * * *',
    });
    await schedules.delete(created.id);
    expect(await schedules.get(created.id)).toBeNull();
    const missing = await rejection(schedules.update(created.id, { enabled: true }));
    expect(isAppError(missing, 'NOT_FOUND')).toBe(true);
  });

  it('claims due deliveries under a lease, retries them and gives up when told', async () => {
    const deliveries = new KyselyReportDeliveryRepository(test.handle.db, test.clock);
    const queued = await deliveries.enqueue(
      reportId,
      ['a@example.cn', 'b@example.cn', 'a@example.cn'],
      START,
    );
    expect(queued.map((d) => d.recipient).sort()).toEqual(['a@example.cn', 'b@example.cn']);
    expect(await deliveries.enqueue(reportId, ['a@example.cn'], START)).toEqual([]);

    const now = START + 10;
    expect(await deliveries.claimDue(START - 1, 1_000, 10)).toEqual([]);
    const [first, second] = await Promise.all([
      deliveries.claimDue(now, 1_000, 10),
      deliveries.claimDue(now, 1_000, 10),
    ]);
    const claimed = [...(first ?? []), ...(second ?? [])];
    expect(claimed.map((d) => d.recipient).sort()).toEqual(['a@example.cn', 'b@example.cn']);
    expect(claimed.every((d) => d.attempts === 1 && d.nextAttemptAt === now + 1_000)).toBe(true);
    expect(await deliveries.claimDue(now + 999, 1_000, 10)).toEqual([]);

    const back = await deliveries.claimDue(now + 1_000, 1_000, 1);
    expect(back).toHaveLength(1);
    expect(back[0]?.attempts).toBe(2);
    const [a, b] = claimed.sort((x, y) => x.recipient.localeCompare(y.recipient));
    if (!a || !b) throw new Error('expected two deliveries');
    await deliveries.markSent(a.id, now + 1_001);
    await deliveries.markFailed(b.id, 'smtp 451 try later', now + 5_000);
    let rows = await deliveries.listByReport(reportId);
    expect(rows.map((d) => [d.recipient, d.state, d.sentAt])).toEqual([
      ['a@example.cn', 'sent', now + 1_001],
      ['b@example.cn', 'pending', null],
    ]);
    expect(rows[1]).toMatchObject({ nextAttemptAt: now + 5_000, lastError: 'smtp 451 try later' });
    expect(await deliveries.claimDue(now + 4_999, 1_000, 10)).toEqual([]);
    const retried = await deliveries.claimDue(now + 5_000, 1_000, 10);
    expect(retried.map((d) => [d.id, d.attempts])).toEqual([[b.id, 2 + (back[0]?.id === b.id ? 1 : 0)]]);
    await deliveries.markFailed(b.id, 'smtp 550 no such user', null);
    rows = await deliveries.listByReport(reportId);
    expect(rows[1]).toMatchObject({ state: 'dead', nextAttemptAt: null, lastError: 'smtp 550 no such user' });
    expect(await deliveries.claimDue(now + 100_000, 1_000, 10)).toEqual([]);
    await deliveries.markSent(b.id, now + 100_000);
    expect((await deliveries.listByReport(reportId))[1]?.state).toBe('dead');
  });

  it('keeps settings per unit and stores nothing until saved', async () => {
    const settings = new KyselyReportSettingsRepository(test.handle.db);
    expect(await settings.get(unitId)).toBeNull();
    const saved = {
      unitId,
      dailyCutoff: '17:00',
      weekStartsOn: 1,
      timeZone: 'Asia/Shanghai',
      templates: { special: { type: 'special' as const, issuePrefix: '舆情专报', title: null } },
      updatedAt: START,
    };
    expect(await settings.save(saved)).toEqual(saved);
    expect(await settings.get(unitId)).toEqual(saved);
    const changed = { ...saved, dailyCutoff: '16:30', templates: {}, updatedAt: START + 1 };
    await settings.save(changed);
    expect(await settings.get(unitId)).toEqual(changed);
    const missing = await rejection(settings.save({ ...saved, unitId: 'no-such-unit' }));
    expect(isAppError(missing, 'NOT_FOUND')).toBe(true);
  });
});
