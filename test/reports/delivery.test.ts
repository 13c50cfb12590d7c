/**
 * E-mail delivery of issued reports (issue 7) against a real SMTP server on 127.0.0.1, on both engines: the
 * issued report's stored DOCX and PDF arrive as attachments byte for byte under the 【类型】期数 单位 日期
 * subject; a refused first attempt leaves the row pending with one attempt and a retry a minute later,
 * and advancing the clock delivers it; a server that keeps refusing makes the row dead after the maximum
 * attempts, with the report still issued.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData, ReportDocument } from '../../src/domain/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import {
  createSmtpReportMailer,
  deliverDue,
  FIRST_RETRY_MS,
  MAX_RETRY_MS,
  retryAt,
  type ClosableReportMailer,
  type DeliveryDeps,
} from '../../src/reports/deliver/index.js';
import { openStorage, type Storage } from '../../src/storage/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { attachmentsOf, plainTextOf, startFlakySmtp, subjectOf, type FlakySmtp } from './mail.js';

const START = Date.parse('2026-11-24T17:00:05+08:00');
const DAY_FROM = Date.parse('2026-11-23T17:00:00+08:00');
const DAY_TO = Date.parse('2026-11-24T17:00:00+08:00');

function traced<T>(value: T) {
  return { value, trace: [{ sql: 'select 1', params: [] }] };
}

function documentOf(unitName: string): ReportDocument {
  return {
    type: 'daily',
    title: '网络舆情日报',
    unitName,
    issueLabel: null,
    period: { from: DAY_FROM, to: DAY_TO, label: '2026年11月24日', timeZone: 'Asia/Shanghai' },
    generatedAt: START,
    eventId: null,
    sections: [
      {
        key: 'overview',
        title: '一、总体情况',
        blocks: [{ kind: 'paragraph', text: '本期共监测到相关信息12条，其中负面信息3条。', figures: [] }],
      },
    ],
    figures: {},
    empty: false,
  };
}

function snapshotOf(): ReportData {
  const levels = { red: 0, orange: 0, yellow: 0, blue: 0 };
  return {
    type: 'work_summary',
    query: { unitIds: null, from: DAY_FROM, to: DAY_TO },
    totals: traced({ total: 12, positive: 4, neutral: 5, negative: 3, unlabelled: 0 }),
    events: traced([]),
    figures: traced({
      sourcesMonitored: 1,
      schemesActive: 1,
      eventsTracked: 0,
      alerts: { raised: 0, byLevel: levels },
      incidents: { opened: 0, closed: 0, byLevel: levels },
      responses: { published: 0 },
      bulletins: { submitted: 0, adopted: 0, instructed: 0 },
      appeals: { received: 0, replied: 0, onTime: 0 },
      clues: { transferred: 0, filed: 0, withOutcome: 0 },
      publications: { published: 0 },
    }),
    issuedReports: traced(0),
  };
}

const FILES = {
  docx: {
    format: 'docx' as const,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileName: '网络舆情日报-2026年第12期.docx',
    bytes: randomBytes(3000),
  },
  pdf: {
    format: 'pdf' as const,
    contentType: 'application/pdf',
    fileName: '网络舆情日报-2026年第12期.pdf',
    bytes: randomBytes(2500),
  },
  md: {
    format: 'md' as const,
    contentType: 'text/markdown; charset=utf-8',
    fileName: '网络舆情日报-2026年第12期.md',
    bytes: Buffer.from('# 网络舆情日报\n'),
  },
};

describe.each(databaseTargets)('report e-mail delivery on $name', (target) => {
  let drop: () => Promise<void>;
  let storage: Storage;
  let smtp: FlakySmtp;
  let mailer: ClosableReportMailer;
  const clock = new ManualClock(START);
  let unitId: string;
  let scheduleId: string;

  function deps(maxAttempts: number): DeliveryDeps {
    return {
      storage,
      mailer,
      logger: createLogger('silent'),
      delivery: { maxAttempts, leaseMs: 60_000, batchSize: 10 },
    };
  }

  /** An issued daily report of the schedule with DOCX, PDF and Markdown files stored. */
  async function issuedReport(number: number, periodFrom: number) {
    const draft = await storage.reports.create({
      unitId,
      type: 'daily',
      periodFrom,
      periodTo: periodFrom + 86_400_000,
      eventId: null,
      title: '网络舆情日报',
      document: documentOf('某区委网信办'),
      snapshot: snapshotOf(),
      scheduleId,
      createdBy: null,
      createdAt: clock.now(),
    });
    return storage.reports.issue(draft.id, {
      issuedBy: null,
      issuedAt: clock.now(),
      year: 2026,
      number,
      document: { ...documentOf('某区委网信办'), issueLabel: `2026年第${number}期` },
      files: Object.values(FILES).map((file) => ({ ...file, sha256: 'x', createdAt: clock.now() })),
    });
  }

  beforeAll(async () => {
    const created = await target.create();
    drop = created.drop;
    storage = await openStorage(created.url, { migrate: true, clock });
    smtp = await startFlakySmtp();
    mailer = createSmtpReportMailer({
      url: smtp.url,
      from: '风向舆情 <reports@example.cn>',
      timeoutMs: 5000,
    });
    unitId = (await storage.units.create({ name: '某区委网信办', parentId: null })).id;
    const schedule = await storage.reportSchedules.create({
      unitId,
      type: 'daily',
      cron: '0 17 * * *',
      timeZone: 'Asia/Shanghai',
      enabled: true,
      autoIssue: true,
      reviewerId: null,
      recipients: ['office@example.cn'],
      formats: ['docx', 'pdf'],
    });
    scheduleId = schedule.id;
  });

  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await storage.close();
    await drop();
  });

  it('retries a refused first attempt a minute later and then delivers both attachments', async () => {
    const report = await issuedReport(12, DAY_FROM);
    await storage.reportDeliveries.enqueue(report.id, ['office@example.cn'], clock.now());
    smtp.refuse = 1;

    expect(await deliverDue(deps(6), clock.now())).toEqual({ sent: 0, retried: 1, dead: 0 });
    const [failed] = await storage.reportDeliveries.listByReport(report.id);
    expect(failed).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: clock.now() + FIRST_RETRY_MS,
    });
    expect(failed?.lastError).toMatch(/451|try again/);
    expect(smtp.refused).toBe(1);
    expect(smtp.mails).toHaveLength(0);

    clock.advance(FIRST_RETRY_MS - 1000);
    expect(await deliverDue(deps(6), clock.now())).toEqual({ sent: 0, retried: 0, dead: 0 });
    clock.advance(1000);
    expect(await deliverDue(deps(6), clock.now())).toEqual({ sent: 1, retried: 0, dead: 0 });

    const [sent] = await storage.reportDeliveries.listByReport(report.id);
    expect(sent).toMatchObject({ state: 'sent', attempts: 2, sentAt: clock.now() });
    const mail = smtp.mails.at(-1);
    expect(mail?.to).toEqual(['office@example.cn']);
    const raw = mail?.raw ?? '';
    expect(subjectOf(raw)).toBe('【网络舆情日报】2026年第12期 某区委网信办 2026年11月24日');
    expect(plainTextOf(raw)).toContain('本期共监测到相关信息12条，其中负面信息3条。');
    const attachments = attachmentsOf(raw);
    expect(attachments.map((a) => [a.fileName, a.contentType])).toEqual([
      [FILES.docx.fileName, FILES.docx.contentType],
      [FILES.pdf.fileName, FILES.pdf.contentType],
    ]);
    expect(attachments[0]?.bytes.equals(FILES.docx.bytes)).toBe(true);
    expect(attachments[1]?.bytes.equals(FILES.pdf.bytes)).toBe(true);

    expect(await deliverDue(deps(6), clock.now() + 3600_000)).toEqual({ sent: 0, retried: 0, dead: 0 });
  });

  it('backs off 1, 2 minutes … and is dead after the maximum attempts; the report stays issued', async () => {
    const report = await issuedReport(13, DAY_TO);
    await storage.reportDeliveries.enqueue(report.id, ['office@example.cn'], clock.now());
    smtp.refuse = 100;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const expected = attempt < 3 ? { sent: 0, retried: 1, dead: 0 } : { sent: 0, retried: 0, dead: 1 };
      expect(await deliverDue(deps(3), clock.now())).toEqual(expected);
      const [row] = await storage.reportDeliveries.listByReport(report.id);
      expect(row?.attempts).toBe(attempt);
      if (row?.nextAttemptAt !== null && row?.nextAttemptAt !== undefined) {
        delays.push(row.nextAttemptAt - clock.now());
        clock.advance(row.nextAttemptAt - clock.now());
      }
    }
    expect(delays).toEqual([60_000, 120_000]);
    const [dead] = await storage.reportDeliveries.listByReport(report.id);
    expect(dead).toMatchObject({ state: 'dead', attempts: 3, nextAttemptAt: null });
    expect((await storage.reports.get(report.id))?.status).toBe('issued');
    expect(await deliverDue(deps(3), clock.now() + 86_400_000)).toEqual({ sent: 0, retried: 0, dead: 0 });
    smtp.refuse = 0;
  });

  it('a draft is never mailed: its delivery is dead at once', async () => {
    const draft = await storage.reports.create({
      unitId,
      type: 'daily',
      periodFrom: DAY_TO + 86_400_000,
      periodTo: DAY_TO + 2 * 86_400_000,
      eventId: null,
      title: '网络舆情日报',
      document: documentOf('某区委网信办'),
      snapshot: snapshotOf(),
      scheduleId,
      createdBy: null,
      createdAt: clock.now(),
    });
    await storage.reportDeliveries.enqueue(draft.id, ['office@example.cn'], clock.now());
    const mailsBefore = smtp.mails.length;
    expect(await deliverDue(deps(6), clock.now())).toEqual({ sent: 0, retried: 0, dead: 1 });
    const [row] = await storage.reportDeliveries.listByReport(draft.id);
    expect(row?.lastError).toContain('not issued');
    expect(smtp.mails.length).toBe(mailsBefore);
  });
});

describe('retryAt', () => {
  it.each([
    [1, 60_000],
    [2, 120_000],
    [3, 240_000],
    [6, 1_920_000],
    [7, MAX_RETRY_MS],
    [20, MAX_RETRY_MS],
  ])('after %i failed attempts waits %i ms', (attempts, delay) => {
    expect(retryAt(attempts, 1000, 50)).toBe(1000 + delay);
  });

  it('gives up when the attempts are used up', () => {
    expect(retryAt(6, 1000, 6)).toBeNull();
    expect(retryAt(5, 1000, 6)).toBe(1000 + 16 * 60_000);
  });
});
