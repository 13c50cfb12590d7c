/**
 * What the demo workspace holds, as data: the unit tree, the users of each role, sources, key accounts,
 * monitoring schemes and alert rules. `workspace.ts` creates what is missing; names are the keys that make
 * a second run find what the first one made.
 */
import type { MediaTier, Role, SourceKind } from '../../domain/index.js';

/** The code of the demo's top unit; the demo workspace is that unit and everything below it. */
export const DEMO_UNIT_CODE = 'fengxiang-demo';

/** The demo's units by key. */
export const DEMO_UNITS = {
  root: { name: '示例市委网信办', code: DEMO_UNIT_CODE },
  east: { name: '示例市东湖区委网信办', code: `${DEMO_UNIT_CODE}-east` },
  west: { name: '示例市西山区委网信办', code: `${DEMO_UNIT_CODE}-west` },
} as const;
/** A key of {@link DEMO_UNITS}. */
export type DemoUnitKey = keyof typeof DEMO_UNITS;

/** A demo login. */
export interface DemoUserSpec {
  username: string;
  displayName: string;
  roles: Role[];
  unit: DemoUnitKey;
}

/** One user per role, plus a monitor of a district. */
export const DEMO_USERS: readonly DemoUserSpec[] = [
  { username: 'demo-admin', displayName: '演示管理员', roles: ['admin'], unit: 'root' },
  { username: 'demo-monitor', displayName: '演示监测员', roles: ['monitor'], unit: 'root' },
  { username: 'demo-handler', displayName: '演示处置人员', roles: ['handler'], unit: 'root' },
  { username: 'demo-leader', displayName: '演示领导', roles: ['leader'], unit: 'root' },
  { username: 'demo-viewer', displayName: '演示只读用户', roles: ['viewer'], unit: 'root' },
  { username: 'demo-east-monitor', displayName: '东湖区监测员', roles: ['monitor'], unit: 'east' },
];

/** A demo source. Push sources receive the replayed posts; hot-list sources the replayed lists. */
export interface DemoSourceSpec {
  key: DemoSourceKey;
  unit: DemoUnitKey;
  name: string;
  kind: SourceKind;
  platform: string;
  tier: MediaTier | null;
}

/** The keys of the demo sources. */
export type DemoSourceKey =
  'weibo' | 'douyin' | 'news' | 'forum' | 'forum-east' | 'forum-west' | 'hot-weibo' | 'hot-zhihu';

/** The demo sources. */
export const DEMO_SOURCES: readonly DemoSourceSpec[] = [
  { key: 'weibo', unit: 'root', name: '微博（演示）', kind: 'push', platform: 'weibo', tier: null },
  { key: 'douyin', unit: 'root', name: '抖音（演示）', kind: 'push', platform: 'douyin', tier: null },
  { key: 'news', unit: 'root', name: '新闻网站（演示）', kind: 'push', platform: 'news', tier: 'local' },
  { key: 'forum', unit: 'root', name: '本地论坛（演示）', kind: 'push', platform: 'forum', tier: null },
  {
    key: 'forum-east',
    unit: 'east',
    name: '东湖社区论坛（演示）',
    kind: 'push',
    platform: 'forum',
    tier: null,
  },
  {
    key: 'forum-west',
    unit: 'west',
    name: '西山社区论坛（演示）',
    kind: 'push',
    platform: 'forum',
    tier: null,
  },
  {
    key: 'hot-weibo',
    unit: 'root',
    name: '微博热搜（演示回放）',
    kind: 'hotlist',
    platform: 'weibo',
    tier: null,
  },
  {
    key: 'hot-zhihu',
    unit: 'root',
    name: '知乎热榜（演示回放）',
    kind: 'hotlist',
    platform: 'zhihu',
    tier: null,
  },
];

/** The bundled lists' real addresses; the demo's hot-list sources stay paused and are fed by the replay. */
export const DEMO_HOT_CONFIG: Readonly<Record<string, Record<string, unknown>>> = {
  'hot-weibo': {
    format: 'json',
    url: 'https://weibo.com/ajax/side/hotSearch',
    items: '$.data.realtime',
    fields: { title: '$.word', heat: '$.num' },
  },
  'hot-zhihu': {
    format: 'json',
    url: 'https://www.zhihu.com/api/v3/feed/topstory/hot-lists/total',
    items: '$.data',
    fields: { title: '$.target.title' },
  },
};

/** Key accounts (重点账号) of the demo's top unit. */
export const DEMO_KEY_ACCOUNTS: readonly {
  name: string;
  platform: string | null;
  tier: MediaTier;
  weight: number;
}[] = [
  { name: '江苏新闻', platform: null, tier: 'provincial', weight: 1.5 },
  { name: '扬子晚报', platform: null, tier: 'provincial', weight: 1.3 },
  { name: '现代快报', platform: null, tier: 'provincial', weight: 1.3 },
  { name: '苏州日报', platform: null, tier: 'local', weight: 1.2 },
  { name: '无锡日报', platform: null, tier: 'local', weight: 1.2 },
  { name: '吴中发布', platform: 'weibo', tier: 'government', weight: 1.5 },
  { name: '姑苏发布', platform: 'weibo', tier: 'government', weight: 1.5 },
  { name: '苏州生活圈', platform: 'weibo', tier: 'self_media', weight: 1.2 },
];

/** A monitoring scheme of a demo unit. */
export interface DemoSchemeSpec {
  unit: DemoUnitKey;
  name: string;
  description: string;
  expression: string;
}

/** The demo's monitoring schemes (监测方案). */
export const DEMO_SCHEMES: readonly DemoSchemeSpec[] = [
  {
    unit: 'root',
    name: '物业纠纷',
    description: '小区物业收费、停水停电、维修',
    expression: '物业 + (小区 | 业主 | 停水 | 电梯)',
  },
  {
    unit: 'root',
    name: '校园食品安全',
    description: '学校食堂',
    expression: '(学校 | 中学 | 小学 | 初中) + 食堂',
  },
  { unit: 'root', name: '城市内涝', description: '道路积水与排水防涝', expression: '积水 | 内涝 | 防涝' },
  {
    unit: 'root',
    name: '就医体验',
    description: '医院排队与挂号',
    expression: '医院 + (排队 | 挂号 | 候诊 | 看病)',
  },
  { unit: 'root', name: '欠薪讨薪', description: '拖欠工资', expression: '欠薪 | 讨薪 | (拖欠 + 工资)' },
  { unit: 'root', name: '电信诈骗', description: '诈骗案件与反诈宣传', expression: '诈骗 | 被骗 | 反诈' },
  {
    unit: 'root',
    name: '暴雨预警',
    description: '气象预警与暴雨应对',
    expression: '暴雨 + (预警 | 积水 | 降水)',
  },
  { unit: 'east', name: '东湖区民生', description: '辖区民生问题', expression: '物业 | 积水 | 欠薪 | 食堂' },
  { unit: 'west', name: '西山区民生', description: '辖区民生问题', expression: '物业 | 积水 | 欠薪 | 医院' },
];

/** An alert rule of a demo unit (the definition as `createRule` validates it). */
export interface DemoRuleSpec {
  unit: DemoUnitKey;
  /** Scheme names of the unit the trigger watches (resolved to ids). */
  schemes: readonly string[];
  definition: Record<string, unknown> & { name: string; trigger: Record<string, unknown> };
}

const NOTICE = { measures: '请相关部门及时核实情况，依法回应关切。', issuer: '示例市委网信办' };

/** The demo's alert rules: negative scheme hits, event heat and growth, and a spike of the property scheme. */
export const DEMO_RULES: readonly DemoRuleSpec[] = [
  {
    unit: 'root',
    schemes: [],
    definition: {
      name: '负面舆情提醒',
      trigger: {
        kind: 'scheme_hit',
        schemeIds: [],
        conditions: { sentiments: ['negative'] },
        windowMinutes: 60,
      },
      levels: [
        { level: 'orange', anyOf: [{ statistic: 'count', min: 8 }] },
        { level: 'yellow', anyOf: [{ statistic: 'count', min: 3 }] },
        { level: 'blue', anyOf: [] },
      ],
      notice: { category: '网络舆情', ...NOTICE },
    },
  },
  {
    unit: 'root',
    schemes: [],
    definition: {
      name: '事件热度预警',
      trigger: { kind: 'event_heat', minHeat: 70 },
      levels: [
        { level: 'red', anyOf: [{ statistic: 'heat', min: 95 }] },
        { level: 'orange', anyOf: [{ statistic: 'heat', min: 85 }] },
        { level: 'yellow', anyOf: [] },
      ],
      notice: { category: '热点事件', ...NOTICE },
    },
  },
  {
    unit: 'root',
    schemes: [],
    definition: {
      name: '事件快速发酵',
      trigger: { kind: 'event_growth', minItems: 8, windowMinutes: 60, growthRatio: 2 },
      levels: [{ level: 'orange', anyOf: [] }],
      notice: { category: '热点事件', ...NOTICE },
    },
  },
  {
    unit: 'root',
    schemes: ['物业纠纷'],
    definition: {
      name: '物业纠纷量突增',
      trigger: { kind: 'spike', schemeIds: [], minZ: 3, minCount: 10 },
      levels: [
        { level: 'red', anyOf: [{ statistic: 'z', min: 6 }] },
        { level: 'orange', anyOf: [] },
      ],
      notice: { category: '物业纠纷', ...NOTICE },
    },
  },
  {
    unit: 'east',
    schemes: ['东湖区民生'],
    definition: {
      name: '东湖区负面提醒',
      trigger: { kind: 'scheme_hit', schemeIds: [], conditions: { sentiments: ['negative'] } },
      levels: [{ level: 'yellow', anyOf: [] }],
      notice: { category: '网络舆情', measures: NOTICE.measures, issuer: '示例市东湖区委网信办' },
    },
  },
  {
    unit: 'west',
    schemes: ['西山区民生'],
    definition: {
      name: '西山区负面提醒',
      trigger: { kind: 'scheme_hit', schemeIds: [], conditions: { sentiments: ['negative'] } },
      levels: [{ level: 'yellow', anyOf: [] }],
      notice: { category: '网络舆情', measures: NOTICE.measures, issuer: '示例市西山区委网信办' },
    },
  },
];
