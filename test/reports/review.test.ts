/**
 * The review service over the real report repository on both engines: the full path from draft to issue,
 * numbering per unit, type and year in the configured zone, concurrent issues, direct issue for automatic
 * schedules, the audit trail, and that issued reports refuse every change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFormat, StoredReport } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import { sha256Hex } from '../../src/platform/sha256.js';
import { createReportReview, type ReportReview } from '../../src/reports/review/index.js';
import { KyselyAuditRepository } from '../../src/storage/audit/repository.js';
import { KyselyReportRepository } from '../../src/storage/reports/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, makeUser, openTestDatabase, type TestDatabase } from '../storage/fixtures.js';
import { renderJson, sampleReport } from './review-fixtures.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const FORMATS: ReportFormat[] = ['docx', 'pdf', 'md'];
/** 2025-01-01 00:00 in Asia/Shanghai, 16:00 UTC the day before. */
const NEW_YEAR_SHANGHAI = Date.UTC(2024, 11, 31, 16, 0);

describe.each(databaseTargets)('report review on $name', (target) => {
  let test: TestDatabase;
  let reports: KyselyReportRepository;
  let audit: KyselyAuditRepository;
  let review: ReportReview;
  let unitId: string;
  let otherUnitId: string;
  let reviewerId: string;
  let writerId: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    reports = new KyselyReportRepository(test.handle.db);
    audit = new KyselyAuditRepository(test.handle.db);
    review = createReportReview({
      reports,
      clock: test.clock,
      audit: async (entry) => {
        await audit.append(entry);
      },
      render: renderJson,
      formats: FORMATS,
      timeZone: 'Asia/Shanghai',
    });
    unitId = (await makeUnit(test, '市委网信办')).id;
    otherUnitId = (await makeUnit(test, '区委网信办')).id;
    reviewerId = (await makeUser(test, unitId, 'reviewer')).id;
    writerId = (await makeUser(test, unitId, 'writer')).id;
  });
  afterAll(async () => {
    await test.close();
  });

  const draft = (unit: string, type: StoredReport['type'] = 'work_summary') =>
    reports.create(sampleReport(unit, { type, createdAt: test.clock.now() }));

  it('takes a draft through review, edit, approval and issue, with files and an audit trail', async () => {
    const report = await draft(unitId);
    const submitted = await review.submit(report.id, { reviewerId, actorId: writerId });
    expect(submitted).toMatchObject({ status: 'in_review', reviewerId });

    test.clock.advance(60_000);
    const edited = await review.edit(report.id, {
      placeholders: { assessment: '总体平稳，未发现重大风险。' },
      title: '2024年5月网络舆情工作总结',
      actorId: reviewerId,
    });
    expect(edited.title).toBe('2024年5月网络舆情工作总结');
    expect(edited.document.title).toBe('2024年5月网络舆情工作总结');
    expect(edited.document.sections[0]?.blocks[1]).toMatchObject({
      id: 'assessment',
      text: '总体平稳，未发现重大风险。',
    });
    expect(edited.document.figures).toEqual(report.document.figures);
    const unknown = await rejection(
      review.edit(report.id, { placeholders: { nope: 'x' }, actorId: reviewerId }),
    );
    expect(isAppError(unknown, 'VALIDATION_FAILED') && unknown.message).toContain('nope');

    test.clock.advance(1_000);
    const approved = await review.approve(report.id, { actorId: reviewerId, note: '同意' });
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: reviewerId,
      approvedAt: test.clock.now(),
      reviewNote: '同意',
    });
    const late = await rejection(review.edit(report.id, { title: '再改', actorId: writerId }));
    expect(isAppError(late, 'REPORT_TRANSITION_INVALID')).toBe(true);

    test.clock.advance(1_000);
    const issued = await review.issue(report.id, { actorId: reviewerId });
    expect(issued).toMatchObject({ status: 'issued', issueYear: 2024, issueNumber: 1, issuedBy: reviewerId });
    expect(issued.document.issueLabel).toBe('2024年第1期');
    expect(issued.document.sections).toEqual(edited.document.sections);
    expect(await reports.fileFormats(report.id)).toEqual([...FORMATS].sort());
    for (const format of FORMATS) {
      const file = await reports.file(report.id, format);
      const expected = await renderJson(issued.document, format);
      expect(Buffer.from(file?.bytes ?? []).equals(Buffer.from(expected.bytes))).toBe(true);
      expect(file?.sha256).toBe(sha256Hex(expected.bytes));
      expect(file?.fileName).toBe(expected.fileName);
    }

    const trail = await audit.list(
      { unitIds: [unitId] },
      { targetId: report.id },
      { limit: 50, cursor: null },
    );
    expect(trail.items.map((entry) => entry.action).reverse()).toEqual([
      'report.submit',
      'report.edit',
      'report.approve',
      'report.issue',
    ]);
    const editEntry = trail.items.find((entry) => entry.action === 'report.edit');
    expect(editEntry).toMatchObject({ actorUserId: reviewerId, targetType: 'report' });
    expect(editEntry?.detail['placeholders']).toEqual(['assessment']);

    const refusedEdit = await rejection(review.edit(report.id, { title: 'x', actorId: reviewerId }));
    expect(isAppError(refusedEdit, 'REPORT_TRANSITION_INVALID')).toBe(true);
    const refusedUpdate = await rejection(reports.update(report.id, { title: 'x' }, test.clock.now()));
    expect(isAppError(refusedUpdate, 'CONFLICT')).toBe(true);
    const twice = await rejection(review.issue(report.id, { actorId: reviewerId }));
    expect(isAppError(twice, 'REPORT_TRANSITION_INVALID')).toBe(true);
    expect(await reports.get(report.id)).toEqual(issued);
  });

  it('returns a report to draft with a note and refuses moves the life cycle does not have', async () => {
    const report = await draft(unitId);
    const early = await rejection(review.approve(report.id, { actorId: reviewerId }));
    expect(isAppError(early, 'REPORT_TRANSITION_INVALID') && early.details).toMatchObject({
      from: 'draft',
      to: 'approved',
    });
    const notDirect = await rejection(review.issue(report.id, { actorId: reviewerId }));
    expect(isAppError(notDirect, 'REPORT_TRANSITION_INVALID') && notDirect.details).toMatchObject({
      from: 'draft',
      to: 'issued',
    });
    const noReviewer = await rejection(review.submit(report.id, { reviewerId: ' ', actorId: writerId }));
    expect(isAppError(noReviewer, 'VALIDATION_FAILED')).toBe(true);

    await review.submit(report.id, { reviewerId, actorId: writerId });
    const blank = await rejection(review.returnToDraft(report.id, { actorId: reviewerId, note: '' }));
    expect(isAppError(blank, 'VALIDATION_FAILED')).toBe(true);
    const returned = await review.returnToDraft(report.id, { actorId: reviewerId, note: '请补充研判' });
    expect(returned).toMatchObject({ status: 'draft', reviewNote: '请补充研判' });
    const edited = await review.edit(report.id, { placeholders: { plans: '加强监测' }, actorId: writerId });
    expect(edited.status).toBe('draft');
    const missing = await rejection(review.submit('no-such-report', { reviewerId, actorId: writerId }));
    expect(isAppError(missing, 'NOT_FOUND')).toBe(true);
  });

  it('numbers 1, 2, 3 per unit, type and year, restarting in the new year of the zone', async () => {
    const numbers: (number | null)[] = [];
    for (let i = 0; i < 3; i += 1) {
      const report = await draft(unitId, 'monthly');
      numbers.push((await review.issue(report.id, { actorId: null, direct: true })).issueNumber);
    }
    expect(numbers).toEqual([1, 2, 3]);
    const other = await draft(otherUnitId, 'monthly');
    expect((await review.issue(other.id, { actorId: null, direct: true })).issueNumber).toBe(1);
    const weekly = await draft(unitId, 'weekly');
    expect((await review.issue(weekly.id, { actorId: null, direct: true })).issueNumber).toBe(1);

    test.clock.advance(NEW_YEAR_SHANGHAI - 1 - test.clock.now());
    const lastOfYear = await review.issue((await draft(unitId, 'monthly')).id, {
      actorId: null,
      direct: true,
    });
    expect([lastOfYear.issueYear, lastOfYear.issueNumber]).toEqual([2024, 4]);
    test.clock.advance(1);
    const firstOfYear = await review.issue((await draft(unitId, 'monthly')).id, {
      actorId: null,
      direct: true,
      issuePrefix: '舆情月报',
    });
    expect([firstOfYear.issueYear, firstOfYear.issueNumber]).toEqual([2025, 1]);
    expect(firstOfYear.document.issueLabel).toBe('舆情月报 2025年第1期');
  });

  it('gives concurrent issues of different reports different numbers', async () => {
    const drafts = await Promise.all([0, 1, 2, 3].map(() => draft(unitId, 'daily')));
    const issued = await Promise.all(drafts.map((r) => review.issue(r.id, { actorId: null, direct: true })));
    expect(issued.map((r) => r.issueNumber).sort()).toEqual([1, 2, 3, 4]);
    for (const report of issued) {
      expect(report.document.issueLabel).toBe(`${report.issueYear}年第${report.issueNumber}期`);
      const md = await reports.file(report.id, 'md');
      expect(new TextDecoder().decode(md?.bytes)).toContain(report.document.issueLabel ?? 'missing');
    }
  });
});
