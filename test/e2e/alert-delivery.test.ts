/**
 * Issue 5 end to end, through the real runtime the `serve` command builds: a fixture feed on 127.0.0.1
 * gains a negative post that matches a scheme; the collect job stores and analyses it, the evaluation job
 * matches the scheme and runs the unit's rule, the alert and its outbox rows are written in one
 * transaction, and the dispatcher delivers it to a local webhook receiver and to a real SMTP server, with
 * the level and the official fields (类别、级别、起始时间、影响范围、警示事项、建议措施、发布单位).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRule } from '../../src/alerts/service/index.js';
import { collectDeps, openRuntime, startBackgroundWorkers, type Runtime } from '../../src/cli/compose.js';
import { loadConfig } from '../../src/config/index.js';
import type { RunningWorkers } from '../../src/jobs/runner.js';
import { collectSource } from '../../src/pipeline/collect/run.js';
import { createLogger } from '../../src/platform/logger.js';
import { decodeEncodedWords, headerOf, startHttpReceiver, startSmtpReceiver } from '../alerts/receivers.js';
import type { HttpReceiver, SmtpReceiver } from '../alerts/receivers.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

const SYSTEM = { userId: null, ip: null, unitIds: null };

function rss(posts: readonly { guid: string; title: string; body: string }[]): string {
  const now = new Date().toUTCString();
  const items = posts
    .map(
      (p) =>
        `<item><guid>${p.guid}</guid><title>${p.title}</title><link>https://bbs.example.cn/t/${p.guid}</link><description>${p.body}</description><pubDate>${now}</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>本地论坛</title>${items}</channel></rss>`;
}

async function until<T>(probe: () => T | undefined | null, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a negative post matching a scheme reaches the webhook and the mailbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fx-e2e-alerts-'));
  let runtime: Runtime;
  let workers: RunningWorkers;
  let feed: FixtureServer;
  let webhook: HttpReceiver;
  let smtp: SmtpReceiver;
  let body = rss([{ guid: 'p1', title: '苏州地铁6号线开通', body: '市民出行更方便，点赞。' }]);

  beforeAll(async () => {
    feed = await startFixtureServer({
      '/forum.xml': () => ({ headers: { 'content-type': 'application/rss+xml' }, body }),
    });
    webhook = await startHttpReceiver();
    smtp = await startSmtpReceiver();
    const config = loadConfig({
      cwd: dir,
      env: {
        DATABASE_URL: `sqlite:${join(dir, 'fx.sqlite')}`,
        JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'),
        FETCH_ALLOW_PRIVATE_HOSTS: new URL(feed.origin).host,
        SMTP_URL: smtp.url,
        SMTP_FROM: '风向预警 <alerts@example.cn>',
        LOG_LEVEL: 'silent',
      },
    });
    runtime = await openRuntime(config, createLogger('silent'));
    workers = startBackgroundWorkers(runtime, ['collect', 'analyse', 'deliver']);
  });

  afterAll(async () => {
    await workers.stop();
    await runtime.close();
    await Promise.all([feed.close(), webhook.close(), smtp.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers one orange alert per channel with the official fields', async () => {
    const { storage } = runtime;
    const unit = await storage.units.create({ name: '姑苏区委网信办', parentId: null });
    const source = await storage.sources.create({
      unitId: unit.id,
      name: '本地论坛',
      kind: 'feed',
      url: feed.url('/forum.xml'),
      intervalSeconds: 600,
      ignoreRobots: true,
    });
    const scheme = await storage.schemes.create({ unitId: unit.id, name: '地铁舆情', expression: '地铁' });
    await createRule(runtime.alerting.alertService, SYSTEM, unit.id, {
      name: '地铁负面',
      trigger: {
        kind: 'scheme_hit',
        schemeIds: [scheme.id],
        conditions: { sentiments: ['negative'] },
      },
      levels: [{ level: 'orange', anyOf: [] }],
      notice: { category: '交通出行', measures: '请核实情况并及时回应', issuer: '姑苏区委网信办' },
    });
    await storage.channels.create({
      unitId: unit.id,
      kind: 'webhook',
      name: '值班群',
      config: { url: `${webhook.url}/hook` },
    });
    await storage.channels.create({
      unitId: unit.id,
      kind: 'email',
      name: '值班邮箱',
      config: { to: ['duty@example.cn'] },
    });
    const deps = collectDeps(runtime);

    const first = await collectSource(deps, source.id);
    expect(first.inserted).toHaveLength(1);

    body = rss([
      { guid: 'p1', title: '苏州地铁6号线开通', body: '市民出行更方便，点赞。' },
      {
        guid: 'p2',
        title: '地铁施工噪音扰民',
        body: '地铁工地半夜施工，噪音太吵了，投诉多次没人管，太气人了！',
      },
    ]);
    const second = await collectSource(deps, source.id);
    expect(second.inserted).toHaveLength(1);

    const hook = await until(() => webhook.requests[0], 'the webhook delivery');
    const mail = await until(() => smtp.mails[0], 'the e-mail');
    const payload = JSON.parse(hook.body) as {
      deliveryId: string;
      fields: Record<string, string>;
      alert: { level: string; trigger: string; evidence: { items: { title: string }[] } };
    };
    expect(payload.alert).toMatchObject({ level: 'orange', trigger: 'scheme_hit' });
    expect(payload.alert.evidence.items.map((item) => item.title)).toEqual(['地铁施工噪音扰民']);
    expect(hook.headers['x-fengxiang-delivery']).toBe(payload.deliveryId);
    expect(Object.keys(payload.fields)).toEqual(
      expect.arrayContaining(['类别', '级别', '起始时间', '影响范围', '警示事项', '建议措施', '发布单位']),
    );
    expect(payload.fields['类别']).toBe('交通出行');
    expect(payload.fields['发布单位']).toBe('姑苏区委网信办');
    expect(mail.to).toEqual(['duty@example.cn']);
    const subject = decodeEncodedWords(headerOf(mail.raw, 'subject') ?? '');
    expect(subject).toContain('橙色预警');

    const alerts = await storage.alerts.list({ unitIds: [unit.id] }, {}, { limit: 10, cursor: null });
    expect(alerts.items).toHaveLength(1);
    // The positive first post matched the scheme too, but the rule wants negative posts only.
    expect(webhook.requests).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
  });
});
