/**
 * Issue 7, scheduling and delivery end to end, through the wiring `serve` uses (`src/cli/reports.ts`): a
 * SQLite file, a unit in Asia/Shanghai with seeded items, a daily `0 17 * * *` schedule that issues at once
 * to one recipient, and a fake clock. At 16:59:30 local the tick does nothing; at 17:00:05 it generates the
 * daily report of [yesterday 17:00, today 17:00), issues it as number 1, and a real SMTP server on
 * 127.0.0.1 receives it with the stored DOCX and PDF attached; a second tick in the same slot adds nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReporting, type Reporting, type ReportTicker } from '../../src/cli/reports.js';
import { loadConfig } from '../../src/config/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { openStorage, type Storage } from '../../src/storage/index.js';
import type { NewItem } from '../../src/storage/repositories.js';
import { startSmtpReceiver, type SmtpReceiver } from '../alerts/receivers.js';
import { attachmentsOf, subjectOf } from '../reports/mail.js';

const local = (time: string): number => Date.parse(`${time}+08:00`);
const RECIPIENT = 'duty@example.cn';

/** Items around the period: two before it, four inside (one negative), one after the cutoff. */
const SEEDS = [
  { at: '2026-11-22T12:00:00', sentiment: 'neutral', text: '前天的消息' },
  { at: '2026-11-23T16:59:59', sentiment: 'neutral', text: '昨天截止前一秒' },
  { at: '2026-11-23T17:00:00', sentiment: 'positive', text: '地铁新线开通，市民点赞' },
  { at: '2026-11-23T21:30:00', sentiment: 'neutral', text: '区政府召开新闻发布会' },
  { at: '2026-11-24T09:15:00', sentiment: 'negative', text: '小区停水三天无人回应，居民投诉' },
  { at: '2026-11-24T16:59:00', sentiment: 'neutral', text: '天气预报：明日降温' },
  { at: '2026-11-24T17:00:00', sentiment: 'negative', text: '截止之后的消息' },
] as const;

describe('the daily report is generated at 17:00 local and mailed with its attachments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fx-e2e-reports-'));
  const clock = new ManualClock(local('2026-11-24T16:59:30'));
  let storage: Storage;
  let smtp: SmtpReceiver;
  let reporting: Reporting;
  let ticker: ReportTicker;
  let unitId: string;
  let scheduleId: string;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    const config = loadConfig({
      cwd: dir,
      env: {
        DATABASE_URL: `sqlite:${join(dir, 'fx.sqlite')}`,
        SMTP_URL: smtp.url,
        SMTP_FROM: '风向舆情 <reports@example.cn>',
        TIME_ZONE: 'Asia/Shanghai',
        REPORT_TICK_SECONDS: '3600',
        LOG_LEVEL: 'silent',
      },
    });
    storage = await openStorage(config.databaseUrl, { migrate: true, clock });
    const unit = await storage.units.create({ name: '某区委网信办', parentId: null });
    unitId = unit.id;
    await storage.reportSettings.save({
      unitId,
      dailyCutoff: '17:00',
      weekStartsOn: 1,
      timeZone: 'Asia/Shanghai',
      templates: {},
      updatedAt: clock.now(),
    });
    const items: NewItem[] = SEEDS.map((seed, index) => ({
      unitId,
      kind: 'post',
      platform: 'weibo',
      url: `https://weibo.example.cn/p/${index}`,
      title: null,
      content: seed.text,
      contentHash: `hash-${index}`,
      publishedAt: local(seed.at),
      collectedAt: local(seed.at) + 60_000,
      externalId: `p${index}`,
      sentiment: seed.sentiment,
      analysedAt: local(seed.at) + 60_000,
    }));
    await storage.items.insertMany(items);
    const schedule = await storage.reportSchedules.create({
      unitId,
      type: 'daily',
      cron: '0 17 * * *',
      timeZone: 'Asia/Shanghai',
      enabled: true,
      autoIssue: true,
      reviewerId: null,
      recipients: [RECIPIENT],
      formats: ['docx', 'pdf'],
    });
    scheduleId = schedule.id;
    reporting = createReporting({
      config,
      storage,
      data: storage.reportData,
      clock,
      logger: createLogger('silent'),
    });
    ticker = reporting.startTicker();
  }, 60_000);

  afterAll(async () => {
    await reporting.close();
    await storage.close();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const reportsOfUnit = async () =>
    (await storage.reports.list({ unitIds: [unitId] }, {}, { limit: 10 })).items;

  it('does nothing at 16:59:30', async () => {
    await ticker.tick();
    expect(await reportsOfUnit()).toHaveLength(0);
    expect(smtp.mails).toHaveLength(0);
    expect((await storage.reportSchedules.get(scheduleId))?.lastRunAt).toBeNull();
  });

  it('at 17:00:05 issues report number 1 of [yesterday 17:00, today 17:00) and mails DOCX and PDF', async () => {
    clock.advance(35_000);
    await ticker.tick();

    const [summary, ...others] = await reportsOfUnit();
    expect(others).toHaveLength(0);
    expect(summary).toMatchObject({
      type: 'daily',
      status: 'issued',
      issueYear: 2026,
      issueNumber: 1,
      scheduleId,
      periodFrom: local('2026-11-23T17:00:00'),
      periodTo: local('2026-11-24T17:00:00'),
    });
    expect((await storage.reportSchedules.get(scheduleId))?.lastRunAt).toBe(local('2026-11-24T17:00:00'));

    const report = await storage.reports.get(summary?.id ?? '');
    const inPeriod = SEEDS.filter(
      (seed) =>
        local(seed.at) >= local('2026-11-23T17:00:00') && local(seed.at) < local('2026-11-24T17:00:00'),
    );
    const snapshot = report?.snapshot;
    expect(snapshot?.type).toBe('daily');
    if (snapshot?.type === 'daily') {
      expect(snapshot.totals.value.total).toBe(inPeriod.length);
      expect(snapshot.totals.value.negative).toBe(inPeriod.filter((s) => s.sentiment === 'negative').length);
    }

    const [delivery] = await storage.reportDeliveries.listByReport(summary?.id ?? '');
    expect(delivery).toMatchObject({ recipient: RECIPIENT, state: 'sent', attempts: 1 });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail?.to).toEqual([RECIPIENT]);
    const raw = mail?.raw ?? '';
    expect(subjectOf(raw)).toMatch(/^【网络舆情日报】2026年第1期 某区委网信办 /);
    const attachments = attachmentsOf(raw);
    expect(attachments.map((a) => a.contentType)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
    ]);
    const docx = await storage.reports.file(summary?.id ?? '', 'docx');
    const pdf = await storage.reports.file(summary?.id ?? '', 'pdf');
    expect(attachments[0]?.fileName).toBe(docx?.fileName);
    expect(attachments[0]?.bytes.equals(Buffer.from(docx?.bytes ?? []))).toBe(true);
    expect(attachments[0]?.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(attachments[1]?.fileName).toBe(pdf?.fileName);
    expect(attachments[1]?.bytes.equals(Buffer.from(pdf?.bytes ?? []))).toBe(true);
    expect(attachments[1]?.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('a second tick in the same slot creates and sends nothing new', async () => {
    clock.advance(30_000);
    await ticker.tick();
    expect(await reportsOfUnit()).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
  });
});
