/** Hand-built report data snapshots for the pure builder tests: every answer traced by a fake statement. */
import type {
  AlertLevel,
  AlertStatus,
  CaseSummary,
  EventBrief,
  EventDossier,
  ItemBrief,
  ItemTotals,
  PeriodicReportData,
  ReportPeriod,
  SpecialReportData,
  Traced,
  WorkFigures,
  WorkSummaryData,
} from '../../src/domain/index.js';

/** 2026-11-24 17:00 in Asia/Shanghai. */
export const TO = Date.UTC(2026, 10, 24, 9, 0);
/** 2026-11-23 17:00 in Asia/Shanghai. */
export const FROM = TO - 24 * 3_600_000;
const HOUR = 3_600_000;

/** A daily period. */
export const PERIOD: ReportPeriod = {
  from: FROM,
  to: TO,
  label: '2026年11月24日',
  timeZone: 'Asia/Shanghai',
};

/** Wraps a value with a trace naming `what`. */
export function traced<T>(value: T, what: string): Traced<T> {
  return { value, trace: [{ sql: `select /* ${what} */ 1`, params: [] }] };
}

/** An item brief. */
export function item(id: string, overrides: Partial<ItemBrief> = {}): ItemBrief {
  return {
    id,
    title: null,
    excerpt: `某小区业主反映物业乱收费问题 ${id}`,
    platform: 'weibo',
    author: `网友${id}`,
    url: `https://example.cn/${id}`,
    publishedAt: FROM + HOUR,
    sentiment: 'negative',
    categories: ['housing'],
    engagement: 120,
    tier: null,
    ...overrides,
  };
}

/** An event brief. */
export function event(id: string, overrides: Partial<EventBrief> = {}): EventBrief {
  return {
    id,
    title: `某区学校食堂食品安全问题引关注${id}`,
    keywords: ['食堂', '食品安全', '学校'],
    firstPublishedAt: FROM + 2 * HOUR,
    lastPublishedAt: FROM + 20 * HOUR,
    itemsInPeriod: 340,
    negativeInPeriod: 210,
    itemCount: 512,
    heat: 76.4,
    stage: 'fermenting',
    platforms: ['weibo', 'douyin', 'news'],
    sentiment: { positive: 12, neutral: 150, negative: 350 },
    representatives: [item(`${id}-r1`), item(`${id}-r2`, { platform: 'douyin' })],
    ...overrides,
  };
}

function levels(values: [number, number, number, number]): Record<AlertLevel, number> {
  return { red: values[0], orange: values[1], yellow: values[2], blue: values[3] };
}

function statuses(values: [number, number, number, number]): Record<AlertStatus, number> {
  return { new: values[0], acknowledged: values[1], handling: values[2], closed: values[3] };
}

function cases(opened: number, closed: number, inProgress: number, overdue: number): CaseSummary {
  return {
    openedInPeriod: opened,
    closedInPeriod: closed,
    inProgress,
    overdue,
    list:
      inProgress === 0
        ? []
        : [
            {
              id: 'c1',
              title: '关于某路段积水问题',
              state: 'verifying',
              openedAt: FROM,
              dueAt: TO - HOUR,
              overdue: overdue > 0,
            },
          ],
  };
}

function totals(total: number, negative: number): ItemTotals {
  const positive = Math.floor((total - negative) / 3);
  return { total, positive, neutral: total - negative - positive, negative, unlabelled: 0 };
}

/** A daily snapshot with data in every part. */
export function dailyData(): PeriodicReportData {
  const volume = Array.from({ length: 24 }, (_, hour) => ({
    from: FROM + hour * HOUR,
    total: 40 + hour,
    negative: 10 + (hour % 5),
  }));
  return {
    type: 'daily',
    query: { unitIds: ['u1'], from: FROM, to: TO },
    previousQuery: { unitIds: ['u1'], from: FROM - 24 * HOUR, to: FROM },
    totals: traced(totals(1236, 318), 'totals'),
    previousTotals: traced(totals(1100, 250), 'previous totals'),
    platforms: traced(
      [
        { name: 'weibo', count: 700, negative: 200 },
        { name: 'news', count: 336, negative: 60 },
        { name: 'douyin', count: 200, negative: 58 },
      ],
      'platforms',
    ),
    regions: traced(
      [
        { name: '浙江省', count: 400 },
        { name: '上海市', count: 120 },
      ],
      'regions',
    ),
    categories: traced(
      [
        { name: 'housing', count: 300 },
        { name: 'education', count: 90 },
      ],
      'categories',
    ),
    previousCategories: traced(
      [
        { name: 'housing', count: 120 },
        { name: 'education', count: 95 },
      ],
      'previous categories',
    ),
    volume: traced(volume, 'volume'),
    bucketMs: HOUR,
    negative: traced({ count: 318, items: [item('n1'), item('n2', { title: '标题里有|竖线' })] }, 'negative'),
    sensitive: traced({ count: 12, items: [item('s1', { categories: ['corruption'] })] }, 'sensitive'),
    sensitiveCategories: ['corruption', 'public_safety'],
    events: traced([event('e1'), event('e2', { stage: 'declining', heat: null })], 'events'),
    alerts: traced(
      {
        raised: 5,
        byLevel: levels([1, 1, 2, 1]),
        byStatus: statuses([1, 1, 1, 2]),
        list: [
          {
            id: 'a1',
            level: 'red',
            title: '学校食堂问题红色预警',
            raisedAt: FROM + 3 * HOUR,
            status: 'handling',
          },
        ],
      },
      'alerts',
    ),
    incidents: traced(cases(2, 1, 3, 1), 'incidents'),
    appeals: traced(cases(7, 5, 4, 0), 'appeals'),
  };
}

/** A daily snapshot of a period with no records at all. */
export function emptyDailyData(): PeriodicReportData {
  const data = dailyData();
  const none = traced({ count: 0, items: [] }, 'none');
  return {
    ...data,
    totals: traced(totals(0, 0), 'totals'),
    platforms: traced([], 'platforms'),
    regions: traced([], 'regions'),
    categories: traced([], 'categories'),
    volume: traced(
      data.volume.value.map((b) => ({ ...b, total: 0, negative: 0 })),
      'volume',
    ),
    negative: none,
    sensitive: none,
    events: traced([], 'events'),
    alerts: traced(
      { raised: 0, byLevel: levels([0, 0, 0, 0]), byStatus: statuses([0, 0, 0, 0]), list: [] },
      'alerts',
    ),
    incidents: traced(cases(0, 0, 0, 0), 'incidents'),
    appeals: traced(cases(0, 0, 0, 0), 'appeals'),
  };
}

/** A special-report snapshot. */
export function specialData(overrides: Partial<EventDossier> = {}): SpecialReportData {
  const dossier: EventDossier = {
    event: event('e1'),
    origin: item('o1', { author: '本地生活号', platform: 'weibo' }),
    spreaders: [{ name: '本地生活号', platform: 'weibo', tier: 'self_media', items: 4, engagement: 5300 }],
    platformMix: [
      { name: 'weibo', count: 300 },
      { name: 'douyin', count: 212 },
    ],
    volume: Array.from({ length: 18 }, (_, i) => ({ from: FROM + i * HOUR, total: 10 + i, negative: 5 })),
    voices: { official: [], media: [item('m1', { tier: 'provincial' })], public: [item('p1')] },
    voiceCounts: { official: 0, media: 6, public: 506 },
    ...overrides,
  };
  return { type: 'special', dossier: traced(dossier, 'dossier') };
}

/** A work-summary snapshot. */
export function workSummaryData(): WorkSummaryData {
  const figures: WorkFigures = {
    sourcesMonitored: 86,
    schemesActive: 12,
    eventsTracked: 140,
    alerts: { raised: 57, byLevel: levels([3, 9, 20, 25]) },
    incidents: { opened: 18, closed: 15, byLevel: levels([1, 3, 6, 8]) },
    responses: { published: 11 },
    bulletins: { submitted: 40, adopted: 22, instructed: 6 },
    appeals: { received: 320, replied: 300, onTime: 288 },
    clues: { transferred: 9, filed: 4, withOutcome: 6 },
    publications: { published: 75 },
  };
  return {
    type: 'work_summary',
    query: { unitIds: ['u1'], from: Date.UTC(2025, 11, 31, 16), to: Date.UTC(2026, 11, 31, 16) },
    totals: traced(totals(480_000, 61_000), 'totals'),
    events: traced([event('e1')], 'events'),
    figures: traced(figures, 'work figures'),
    issuedReports: traced(251, 'issued reports'),
  };
}
