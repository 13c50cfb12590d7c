/**
 * Extra seed for the dashboard browser test: items of today carrying keywords and provinces, and an alert,
 * so the word cloud, the province ranking and the alert list have something to show.
 */
import type { NewAlert, NewItem } from '../../src/storage/repositories.js';
import type { ConsoleServer } from './console-server.js';

/** The alert the seed raises. */
export const DASHBOARD_ALERT_TITLE = '停水问题负面信息激增';

/** The keyword carried by most seeded items (the biggest word of the cloud). */
export const TOP_KEYWORD = '停水';

const PROVINCES = ['江苏省', '浙江省', '广东省', '北京市'];

function itemOf(unitId: string, now: number, n: number, tag: string): NewItem {
  const at = now - (n + 1) * 45_000;
  return {
    unitId,
    kind: 'post',
    platform: 'weibo',
    title: `停水第${n}报`,
    content: `多个小区停水，居民反映情况 ${n}`,
    contentHash: `dashboard-${tag}-${n}`,
    sentiment: n % 2 === 0 ? 'negative' : 'neutral',
    keywords: n % 3 === 0 ? [TOP_KEYWORD, '小区'] : [TOP_KEYWORD],
    regions: [{ province: PROVINCES[n % PROVINCES.length] ?? '江苏省', city: null, county: null }],
    publishedAt: at,
    collectedAt: at,
  };
}

/** The title of the alert {@link liveAlertOf} raises. */
export const LIVE_ALERT_TITLE = '燃气泄漏舆情预警';

/** A red alert raised at `at`, for the live-update test. */
export function liveAlertOf(unitId: string, at: number): NewAlert {
  return {
    ...alertOf(unitId, at),
    title: LIVE_ALERT_TITLE,
    mergeKey: `dashboard:gas:${at}`,
    level: 'red',
    category: 'public_safety',
  };
}

function alertOf(unitId: string, at: number): NewAlert {
  return {
    unitId,
    ruleId: null,
    ruleVersion: null,
    trigger: 'spike',
    title: DASHBOARD_ALERT_TITLE,
    mergeKey: 'dashboard:water',
    count: 1,
    schemeId: null,
    eventId: null,
    sourceId: null,
    category: 'gov_service',
    level: 'orange',
    startedAt: at,
    scope: '全市',
    matter: '停水',
    measures: '核实情况',
    issuer: '市委网信办',
    evidence: { items: [], statistic: 'negative', value: 12, baseline: 2, threshold: 8, reasons: [] },
    status: 'new',
    escalations: 0,
    acknowledgedBy: null,
    acknowledgedAt: null,
    closedBy: null,
    closedAt: null,
    incidentId: null,
    heldUntil: null,
    notifiedCount: 1,
    lastFiredAt: at,
    createdAt: at,
  };
}

/**
 * Adds `count` keyword items of the last minutes to the admin's unit (`tag` keeps later batches distinct)
 * and, on the first call, one alert.
 */
export async function seedDashboard(app: ConsoleServer, count = 12, tag = 'seed'): Promise<void> {
  const { storage, clock } = app.server;
  const now = clock.now();
  await storage.items.insertMany(
    Array.from({ length: count }, (_, n) => itemOf(app.admin.unitId, now, n, tag)),
  );
  if (tag === 'seed') await storage.alerts.insert(alertOf(app.admin.unitId, now - 120_000));
}
