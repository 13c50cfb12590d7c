/**
 * Alerts for the console's browser tests and screenshots of the 预警 and 处置 pages: a stored alert rule
 * and an alert it raised, written through storage the way the alert service writes them (the alert, its
 * `raise` history line), with evidence items that were really collected — one of them carrying a
 * `javascript:` link that must never become a link.
 */
import type { AlertLevel, User } from '../../src/domain/index.js';
import type { AlertRecord, NewItem, StoredAlertRule } from '../../src/storage/repositories.js';
import type { ConsoleServer } from './console-server.js';

/** What {@link seedAlert} made. */
export interface SeededAlert {
  rule: StoredAlertRule;
  alert: AlertRecord;
  itemIds: string[];
}

const MINUTE = 60_000;

function evidenceItems(unitId: string, now: number, tag: string): NewItem[] {
  const base = {
    unitId,
    sourceId: null,
    kind: 'post' as const,
    sentiment: 'negative' as const,
    categories: ['public_safety'],
    regions: [{ province: '江苏省', city: '苏州市', county: '姑苏区' }],
    engagement: { likes: 120, comments: 48, reposts: 30, views: 0 },
    publishedAt: now - 20 * MINUTE,
    collectedAt: now - 19 * MINUTE,
  };
  return [
    {
      ...base,
      platform: 'weibo',
      url: `https://weibo.example.cn/alert/${tag}/1`,
      title: `某小区燃气泄漏传闻 ${tag}`,
      content: '网友称某小区燃气泄漏，多户居民紧急疏散，现场有消防车。',
      author: '本地网友',
      contentHash: `alert-${tag}-1`,
    },
    {
      ...base,
      platform: 'forum',
      url: 'javascript:window.__xss=7',
      title: `燃气泄漏现场视频 ${tag}`,
      content: '视频显示小区门口拉起警戒线。',
      author: '论坛用户',
      contentHash: `alert-${tag}-2`,
    },
  ];
}

/** Stores a rule, two evidence items and a new alert of `level` the rule raised, with its history. */
export async function seedAlert(
  app: ConsoleServer,
  options: { level?: AlertLevel; title?: string; tag?: string } = {},
): Promise<SeededAlert> {
  const { storage, clock } = app.server;
  const admin: User = app.admin;
  const now = clock.now();
  const tag = options.tag ?? 'a';
  const level = options.level ?? 'orange';
  const rule = await storage.alertRules.create({
    unitId: admin.unitId,
    createdBy: admin.id,
    name: `负面信息激增 ${tag}`,
    enabled: true,
    triggerKind: 'spike',
    definition: { name: `负面信息激增 ${tag}`, trigger: { kind: 'spike', statistic: 'negative_volume' } },
  });
  const itemIds = await storage.items.insertMany(evidenceItems(admin.unitId, now, tag));
  const items = await storage.items.getMany(itemIds);
  const alert = await storage.alerts.insert({
    unitId: admin.unitId,
    ruleId: rule.id,
    ruleVersion: rule.version,
    trigger: 'spike',
    title: options.title ?? `燃气泄漏负面信息激增 ${tag}`,
    mergeKey: `spike:${tag}`,
    count: 3,
    schemeId: null,
    eventId: null,
    sourceId: null,
    category: 'public_safety',
    level,
    startedAt: now - 30 * MINUTE,
    scope: '姑苏区',
    matter: '燃气泄漏相关负面信息一小时内显著增多',
    measures: '立即联系燃气公司和街道核实情况，准备回应口径',
    issuer: '市委网信办',
    evidence: {
      items: items.map((item) => ({
        itemId: item.id,
        title: item.title,
        excerpt: item.content,
        url: item.url,
        source: item.platform,
        publishedAt: item.publishedAt,
        sentiment: item.sentiment,
      })),
      statistic: 'negative_volume',
      value: 42,
      baseline: 6.5,
      threshold: 20,
      reasons: ['负面信息 42 条，超过阈值 20（基线 6.5）'],
    },
    status: 'new',
    escalations: 0,
    acknowledgedBy: null,
    acknowledgedAt: null,
    closedBy: null,
    closedAt: null,
    incidentId: null,
    heldUntil: null,
    notifiedCount: 3,
    lastFiredAt: now,
    createdAt: now,
  });
  await storage.alerts.appendHistory({
    alertId: alert.id,
    at: now,
    actorUserId: null,
    action: 'raise',
    fromStatus: null,
    toStatus: 'new',
    detail: { level, ruleId: rule.id, ruleVersion: rule.version },
  });
  return { rule, alert, itemIds };
}
