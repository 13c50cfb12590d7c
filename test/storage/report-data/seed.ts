/**
 * The seeded database of the report-data tests: two units with items over three days (platforms,
 * sentiments, regions, categories, engagement), two events (one merged away), key accounts, sources with
 * tiers, alerts, incidents with deadlines and a published response, appeals, clues, bulletins and
 * publications, all written through the real repositories. Values vary by a fixed pseudo-random sequence,
 * so the expected figures are never written here: the tests count them with their own SQL.
 */
import {
  emptyChecklist,
  type AlertLevel,
  type Incident,
  type RegionRef,
  type SentimentLabel,
} from '../../../src/domain/index.js';
import { newId } from '../../../src/platform/ids.js';
import type { NewAlert, NewItem } from '../../../src/storage/repositories.js';
import type { Repositories } from '../../../src/storage/storage.js';

/** One hour and one day in ms. */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** The first seeded day; the report period is the second day, [FROM, TO). */
export const DAY0 = Date.UTC(2024, 4, 1);
export const FROM = DAY0 + DAY;
export const TO = DAY0 + 2 * DAY;

/** What the tests need to refer to. */
export interface Seeded {
  unitA: string;
  unitB: string;
  eventId: string;
  mergedEventId: string;
  eventB: string;
  /** The items published exactly at FROM and at TO (unit A). */
  atFrom: string;
  atTo: string;
}

/** A fixed pseudo-random sequence (LCG), so every run seeds the same rows. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const PLATFORMS = ['weibo', 'douyin', 'wechat', null] as const;
const SENTIMENTS: (SentimentLabel | null)[] = ['positive', 'neutral', 'negative', 'negative', null];
const AUTHORS = ['市政府发布', '本地日报', '网友甲', '网友乙', null] as const;
const CATEGORIES = [[], ['public_safety'], ['public_safety', 'education'], ['housing'], ['education']];
const REGIONS: RegionRef[][] = [
  [],
  [{ province: '江苏省', city: '苏州市', county: '姑苏区' }],
  [
    { province: '江苏省', city: '苏州市', county: null },
    { province: '浙江省', city: '杭州市', county: null },
  ],
  [
    { province: '江苏省', city: '南京市', county: null },
    { province: '江苏省', city: '苏州市', county: '吴中区' },
  ],
  [{ province: '上海市', city: null, county: null }],
];

function choose<T>(list: readonly T[], random: () => number): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error('empty list');
  return value;
}

function item(unitId: string, sourceId: string | null, publishedAt: number, random: () => number): NewItem {
  const n = Math.floor(random() * 1e9);
  return {
    unitId,
    sourceId,
    kind: 'post',
    platform: choose(PLATFORMS, random),
    url: `https://example.cn/${n}`,
    title: `标题 ${n}`,
    content: `  第一行   内容 ${n}\n\n第二行\t${'很长的内容'.repeat(40)}`,
    author: choose(AUTHORS, random),
    contentHash: `hash-${n}-${publishedAt}`,
    sentiment: choose(SENTIMENTS, random),
    categories: [...choose(CATEGORIES, random)],
    regions: choose(REGIONS, random),
    engagement: {
      likes: Math.floor(random() * 500),
      comments: Math.floor(random() * 50),
      reposts: Math.floor(random() * 80),
      views: 0,
    },
    publishedAt,
    collectedAt: publishedAt,
  };
}

async function seedItems(repos: Repositories, unitA: string, unitB: string) {
  const random = sequence(7);
  const central = await repos.sources.create({ unitId: unitA, name: '央媒', kind: 'feed', tier: 'central' });
  const push = await repos.sources.create({ unitId: unitA, name: '推送', kind: 'push' });
  const other = await repos.sources.create({
    unitId: unitB,
    name: '自媒体',
    kind: 'feed',
    tier: 'self_media',
  });
  await repos.sources.create({ unitId: unitA, name: '停用', kind: 'feed', enabled: false });
  const sourcesA = [central.id, push.id, null];
  const items: NewItem[] = [];
  for (let index = 0; index < 90; index += 1) {
    const at = DAY0 + Math.floor(random() * 3 * DAY);
    items.push(item(unitA, choose(sourcesA, random), at, random));
    if (index % 2 === 0) items.push(item(unitB, other.id, at, random));
  }
  const edges = [item(unitA, central.id, FROM, random), item(unitA, central.id, TO, random)];
  const ids = await repos.items.insertMany([...items, ...edges]);
  const [atFrom, atTo] = ids.slice(-2);
  if (!atFrom || !atTo) throw new Error('edge items not stored');
  return { ids: ids.slice(0, -2), atFrom, atTo };
}

function eventRecord(
  id: string,
  unitId: string,
  patch: Partial<Parameters<Repositories['events']['insert']>[0]>,
) {
  return {
    id,
    unitId,
    title: `事件 ${id}`,
    keywords: ['小区', '停电'],
    firstItemId: null,
    firstPublishedAt: DAY0,
    lastPublishedAt: TO,
    itemCount: 0,
    repostCount: 0,
    sourceCount: 0,
    platforms: ['weibo'],
    regions: [],
    sentiment: { positive: 1, neutral: 2, negative: 3 },
    stage: 'fermenting' as const,
    heat: 42,
    heatVersion: 'v1',
    representativeIds: [],
    mergedInto: null,
    createdAt: DAY0,
    updatedAt: DAY0,
    centroid: [],
    heatLog: null,
    ...patch,
  };
}

async function seedEvents(repos: Repositories, unitA: string, unitB: string, itemIds: readonly string[]) {
  const all = await repos.items.getMany(itemIds);
  const ofA = all.filter((entry) => entry.unitId === unitA).sort((a, b) => a.publishedAt - b.publishedAt);
  const ofB = all.filter((entry) => entry.unitId === unitB);
  const members = ofA.filter((_, index) => index % 3 === 0);
  const mergedMembers = ofA.filter((_, index) => index % 3 === 1).slice(0, 6);
  const eventId = newId(DAY0);
  const mergedEventId = newId(DAY0 + 1);
  const eventB = newId(DAY0 + 2);
  const reps = [members[4], members[1], members[7], members[2]].flatMap((entry) => (entry ? [entry.id] : []));
  await repos.events.insert(
    eventRecord(eventId, unitA, { itemCount: members.length, representativeIds: reps }),
  );
  await repos.events.insert(eventRecord(mergedEventId, unitA, { mergedInto: eventId }));
  await repos.events.insert(eventRecord(eventB, unitB, {}));
  const membership = (list: typeof all) =>
    list.map((entry) => ({ itemId: entry.id, joinedAt: entry.publishedAt, centrality: 0.5 }));
  await repos.events.addMembers(eventId, membership(members));
  await repos.events.addMembers(mergedEventId, membership(mergedMembers));
  await repos.events.addMembers(eventB, membership(ofB.slice(0, 8)));
  return { eventId, mergedEventId, eventB };
}

function alert(unitId: string, level: AlertLevel, createdAt: number, status: NewAlert['status']): NewAlert {
  return {
    unitId,
    ruleId: null,
    ruleVersion: null,
    trigger: 'scheme_hit',
    title: `预警 ${level}`,
    mergeKey: `k-${createdAt}-${level}`,
    count: 1,
    schemeId: null,
    eventId: null,
    sourceId: null,
    category: '网络舆情',
    level,
    startedAt: createdAt - HOUR,
    scope: '',
    matter: '',
    measures: '',
    issuer: '',
    evidence: { items: [], statistic: null, value: null, baseline: null, threshold: null, reasons: [] },
    status,
    escalations: 0,
    acknowledgedBy: null,
    acknowledgedAt: null,
    closedBy: null,
    closedAt: null,
    incidentId: null,
    heldUntil: null,
    notifiedCount: 0,
    lastFiredAt: createdAt,
    createdAt,
  };
}

async function seedAlerts(repos: Repositories, unitA: string, unitB: string) {
  const rows: [string, AlertLevel, number, NewAlert['status']][] = [
    [unitA, 'yellow', FROM + HOUR, 'new'],
    [unitA, 'red', FROM + 2 * HOUR, 'acknowledged'],
    [unitA, 'red', FROM + 5 * HOUR, 'closed'],
    [unitA, 'blue', FROM, 'new'],
    [unitA, 'orange', TO, 'new'],
    [unitA, 'orange', FROM - HOUR, 'new'],
    [unitB, 'red', FROM + HOUR, 'new'],
  ];
  for (const [unitId, level, at, status] of rows) await repos.alerts.insert(alert(unitId, level, at, status));
}

function incident(unitId: string, level: AlertLevel, openedAt: number, closedAt: number | null): Incident {
  return {
    id: newId(openedAt),
    unitId,
    title: `事件处置 ${level}`,
    description: '',
    category: 'public_safety',
    level,
    state: closedAt === null ? 'responding' : 'closed',
    origin: 'manual',
    alertId: null,
    eventId: null,
    handlerUserId: null,
    verification: null,
    closingSummary: null,
    review: null,
    openedBy: null,
    openedAt,
    closedBy: null,
    closedAt,
    reopenCount: 0,
    createdAt: openedAt,
    updatedAt: openedAt,
  };
}

async function deadline(
  repos: Repositories,
  unitId: string,
  recordType: string,
  recordId: string,
  dueAt: number,
) {
  await repos.caseDeadlines.set(
    { unitId, recordType, recordId, kind: 'response', title: '回应', level: null, dueAt, remindAt: null },
    dueAt - DAY,
  );
}

async function seedIncidents(repos: Repositories, unitA: string, unitB: string) {
  const specs: [string, AlertLevel, number, number | null, number | null][] = [
    [unitA, 'red', FROM + HOUR, null, FROM + 3 * HOUR],
    [unitA, 'orange', FROM + 2 * HOUR, FROM + 8 * HOUR, null],
    [unitA, 'yellow', FROM - DAY, FROM + 4 * HOUR, null],
    [unitA, 'blue', FROM - DAY, null, TO + DAY],
    [unitA, 'red', FROM - DAY, TO + HOUR, FROM + HOUR],
    [unitA, 'yellow', FROM - 2 * DAY, FROM - DAY, null],
    [unitA, 'red', TO, null, null],
    [unitB, 'red', FROM + HOUR, null, FROM + HOUR],
  ];
  let first: Incident | null = null;
  for (const [unitId, level, openedAt, closedAt, due] of specs) {
    const record = incident(unitId, level, openedAt, closedAt);
    await repos.incidents.insert(record);
    first ??= record;
    if (due !== null) await deadline(repos, unitId, 'incident', record.id, due);
  }
  if (!first) return;
  for (const [publishedAt, n] of [
    [FROM + 2 * HOUR, 1],
    [TO + HOUR, 2],
  ] as const) {
    await repos.incidentResponses.create(
      {
        id: newId(publishedAt),
        incidentId: first.id,
        unitId: unitA,
        kind: 'statement',
        state: 'published',
        title: `通报 ${n}`,
        content: '正文',
        version: 1,
        approvedVersion: 1,
        createdBy: null,
        submittedAt: publishedAt,
        approvedBy: null,
        approvedAt: publishedAt,
        rejectedReason: null,
        publishedBy: null,
        publishedAt,
        publishedUrl: null,
        publishedChannel: null,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      },
      null,
    );
  }
}

type AppealEnd = 'on_time' | 'late' | 'rejected' | 'merged' | null;

async function appeal(
  repos: Repositories,
  unitId: string,
  receivedAt: number,
  end: AppealEnd,
  due: number | null,
) {
  const created = await repos.appeals.create({
    unitId,
    channel: 'api',
    title: '诉求',
    content: '路灯不亮',
    receivedAt,
    createdBy: null,
    createdAt: receivedAt,
  });
  if (end === 'rejected' || end === 'merged')
    await repos.appeals.update(created.id, { state: end }, receivedAt);
  if (end === 'on_time' || end === 'late') {
    const at = receivedAt + 2 * HOUR;
    await repos.appeals.update(
      created.id,
      { state: 'replied', repliedAt: at, onTime: end === 'on_time' },
      at,
    );
  }
  if (due !== null) await deadline(repos, unitId, 'appeal', created.id, due);
}

async function seedAppeals(repos: Repositories, unitA: string, unitB: string) {
  await appeal(repos, unitA, FROM + HOUR, 'on_time', null);
  await appeal(repos, unitA, FROM + 2 * HOUR, 'late', null);
  await appeal(repos, unitA, FROM + 3 * HOUR, 'rejected', null);
  await appeal(repos, unitA, FROM + 4 * HOUR, 'merged', null);
  await appeal(repos, unitA, FROM + 5 * HOUR, null, FROM + 6 * HOUR);
  await appeal(repos, unitA, FROM - DAY, null, TO + DAY);
  await appeal(repos, unitA, FROM - DAY + 23 * HOUR, 'on_time', null);
  await appeal(repos, unitA, TO, null, null);
  await appeal(repos, unitB, FROM + HOUR, 'on_time', null);
}

async function seedOffice(repos: Repositories, unitA: string, unitB: string) {
  for (const [unitId, at, outcome] of [
    [unitA, FROM + HOUR, 'filed'],
    [unitA, FROM + 2 * HOUR, 'not_filed'],
    [unitA, FROM + 3 * HOUR, 'in_progress'],
    [unitA, FROM + 4 * HOUR, null],
    [unitA, FROM - HOUR, 'filed'],
    [unitB, FROM + HOUR, 'filed'],
  ] as const) {
    const clue = await repos.clues.create({
      unitId,
      title: '线索',
      summary: '',
      origin: 'manual',
      checklist: emptyChecklist(),
      createdBy: null,
      createdAt: at,
    });
    const transfer = { toUnitName: '纪委', contact: '', at, by: null, evidenceIds: [], packageId: null };
    await repos.clues.update(
      clue.id,
      { state: 'transferred', transfer, ...(outcome && { outcome, outcomeAt: at + HOUR }) },
      at,
    );
  }
  for (const [unitId, at, adopted, instructed] of [
    [unitA, FROM + HOUR, true, true],
    [unitA, FROM + 2 * HOUR, false, false],
    [unitA, FROM - DAY, true, false],
    [unitB, FROM + HOUR, true, false],
  ] as const) {
    const bulletin = await repos.bulletins.create(
      { unitId, kind: 'opinion_info', title: '信息', body: '', itemIds: [], eventIds: [], createdBy: null },
      at,
    );
    await repos.bulletins.update(
      bulletin.id,
      { state: 'submitted', submittedAt: at, recipients: ['省'] },
      at,
    );
    const base = { bulletinId: bulletin.id, unitId, recordedBy: null, recordedAt: at };
    if (adopted) {
      await repos.bulletins.addAdoption({
        ...base,
        adoptedBy: '省',
        level: 'provincial',
        adoptedAt: at + HOUR,
        note: null,
      });
    }
    if (instructed) {
      await repos.bulletins.addInstruction({
        ...base,
        leader: '市长',
        level: 'municipal',
        text: '阅',
        instructedAt: at + HOUR,
      });
    }
  }
  for (const [unitId, at] of [
    [unitA, FROM + HOUR],
    [unitA, TO],
    [unitB, FROM + HOUR],
  ] as const) {
    const publication = await repos.publications.create(
      {
        unitId,
        title: '通告',
        body: '正文',
        channel: null,
        incidentId: null,
        state: 'draft',
        createdBy: null,
      },
      at,
    );
    await repos.publications.update(
      publication.id,
      { state: 'published', publishedAt: at, publishedUrl: 'https://gov.example.cn/a' },
      at,
    );
  }
  await repos.schemes.create({ unitId: unitA, name: '方案一', expression: '停电' });
  await repos.schemes.create({ unitId: unitA, name: '方案二', expression: '路灯', enabled: false });
  await repos.schemes.create({ unitId: unitB, name: '方案三', expression: '火灾' });
}

/** Seeds everything; the repositories must be bound to a fresh, migrated database. */
export async function seed(repos: Repositories): Promise<Seeded> {
  const unitA = (await repos.units.create({ name: '甲区', parentId: null })).id;
  const unitB = (await repos.units.create({ name: '乙区', parentId: null })).id;
  await repos.keyAccounts.create({
    unitId: unitA,
    platform: 'weibo',
    name: '市政府发布',
    tier: 'government',
  });
  await repos.keyAccounts.create({ unitId: unitA, platform: null, name: '本地日报', tier: 'local' });
  await repos.keyAccounts.create({ unitId: unitB, platform: null, name: '网友甲', tier: null });
  const { ids, atFrom, atTo } = await seedItems(repos, unitA, unitB);
  const events = await seedEvents(repos, unitA, unitB, ids);
  await seedAlerts(repos, unitA, unitB);
  await seedIncidents(repos, unitA, unitB);
  await seedAppeals(repos, unitA, unitB);
  await seedOffice(repos, unitA, unitB);
  return { unitA, unitB, atFrom, atTo, ...events };
}
