/**
 * The default plan set offices copy into their unit and edit: five categories (安全生产事故、食品药品安全、
 * 环境污染、群体性事件、网络谣言) at four response levels (一般、较大、重大、特别重大). Time limits follow the
 * national norms for public-opinion response: for major incidents the first authoritative information within
 * 5 hours and a press conference within 24 hours; otherwise a response within 48 hours (24 for 较大). Data
 * only; contacts are left for the office to fill in.
 */
import {
  PLAN_LEVEL_NAMES,
  PLAN_LEVELS,
  type PlanContent,
  type PlanLevel,
  type PlanRole,
  type PlanStep,
} from '../../domain/index.js';

/** Minutes per level [一般, 较大, 重大, 特别重大]; null: the step is not part of that level's plan. */
type Limits = readonly [number | null, number | null, number | null, number | null];

interface StepTemplate {
  key: string;
  title: string;
  description: string;
  roleKey: string;
  limits: Limits;
}

interface CategoryTemplate {
  key: string;
  name: string;
  /** The category's own step, inserted after verification starts. */
  special: StepTemplate;
}

const H = 60;

/** The roles every default plan has; users are found by app role in the activating unit. */
const ROLES: readonly PlanRole[] = [
  { key: 'commander', name: '总指挥（分管领导）', appRole: 'leader', userIds: [] },
  { key: 'spokesperson', name: '新闻发言人', appRole: 'leader', userIds: [] },
  { key: 'monitoring', name: '舆情监测组', appRole: 'monitor', userIds: [] },
  { key: 'verification', name: '核查处置组', appRole: 'handler', userIds: [] },
  { key: 'liaison', name: '综合联络组', appRole: 'handler', userIds: [] },
];

const BEFORE_SPECIAL: readonly StepTemplate[] = [
  {
    key: 'start',
    title: '启动响应，通知领导小组成员到岗',
    description: '确认响应级别，通知总指挥及各工作组，明确分工和联络方式。',
    roleKey: 'commander',
    limits: [2 * H, 1 * H, 30, 15],
  },
  {
    key: 'monitor',
    title: '开展全网监测，报送首份舆情动态',
    description: '扩大监测范围，跟踪传播路径和重点账号，此后按响应级别定时报送。',
    roleKey: 'monitoring',
    limits: [4 * H, 2 * H, 1 * H, 30],
  },
  {
    key: 'verify',
    title: '会同职能部门核查事实',
    description: '核实时间、地点、人员、起因和处置进展，形成核查结论（属实/部分属实/不属实/无法核实）。',
    roleKey: 'verification',
    limits: [24 * H, 12 * H, 4 * H, 2 * H],
  },
];

const AFTER_SPECIAL: readonly StepTemplate[] = [
  {
    key: 'first_release',
    title: '拟定回应口径，审签后首次权威发布',
    description: '口径经审核签发后以本单位名义公开发布，坚持宜疏不宜堵、宜快不宜迟、宜统不宜分。',
    roleKey: 'spokesperson',
    limits: [48 * H, 24 * H, 5 * H, 5 * H],
  },
  {
    key: 'press_conference',
    title: '召开新闻发布会',
    description: '由新闻发言人发布权威信息，回应社会关切。',
    roleKey: 'spokesperson',
    limits: [null, null, 24 * H, 24 * H],
  },
  {
    key: 'progress',
    title: '持续发布进展通报',
    description: '根据处置进展及时通报，不泄露案件细节和涉密信息。',
    roleKey: 'spokesperson',
    limits: [null, 72 * H, 48 * H, 24 * H],
  },
  {
    key: 'report_up',
    title: '向上级报送舆情专报',
    description: '报送事件概况、舆情态势、处置措施和下一步工作建议。',
    roleKey: 'liaison',
    limits: [null, 24 * H, 4 * H, 2 * H],
  },
  {
    key: 'review',
    title: '事件总结与复盘',
    description: '形成处置总结，评估响应时效和效果，修订本预案。',
    roleKey: 'commander',
    limits: [7 * 24 * H, 7 * 24 * H, 7 * 24 * H, 7 * 24 * H],
  },
];

const CATEGORIES: readonly CategoryTemplate[] = [
  {
    key: 'production_safety',
    name: '安全生产事故',
    special: {
      key: 'rescue_data',
      title: '对接应急管理部门，掌握救援进展和伤亡权威数据',
      description: '伤亡、失联人数以权威部门核定数据为准，统一发布口径。',
      roleKey: 'verification',
      limits: [12 * H, 6 * H, 2 * H, 1 * H],
    },
  },
  {
    key: 'food_drug',
    name: '食品药品安全事件',
    special: {
      key: 'product_check',
      title: '对接市场监管部门，核实涉事产品批次和抽检结果',
      description: '掌握涉事产品流向和控制措施，适时公布抽检结果和消费提示。',
      roleKey: 'verification',
      limits: [24 * H, 12 * H, 4 * H, 2 * H],
    },
  },
  {
    key: 'environment',
    name: '环境污染事件',
    special: {
      key: 'monitoring_data',
      title: '对接生态环境部门，获取监测数据并公开',
      description: '及时公开水、气、土壤监测数据和处置措施，回应群众健康关切。',
      roleKey: 'verification',
      limits: [24 * H, 12 * H, 4 * H, 2 * H],
    },
  },
  {
    key: 'mass_incident',
    name: '群体性事件',
    special: {
      key: 'local_contact',
      title: '联系属地党委政府，掌握现场情况和群众诉求',
      description: '了解诉求和化解进展，合理诉求依法及时回应解决。',
      roleKey: 'liaison',
      limits: [12 * H, 6 * H, 2 * H, 1 * H],
    },
  },
  {
    key: 'online_rumor',
    name: '网络谣言',
    special: {
      key: 'rumor_evidence',
      title: '固定谣言证据，发布辟谣信息',
      description:
        '对相关帖文取证留存，会同有关部门核实后以权威信息澄清事实；涉嫌违法的移交主管部门依法处理。',
      roleKey: 'verification',
      limits: [24 * H, 12 * H, 4 * H, 2 * H],
    },
  },
];

function stepsFor(category: CategoryTemplate, level: PlanLevel): PlanStep[] {
  const index = PLAN_LEVELS.indexOf(level);
  return [...BEFORE_SPECIAL, category.special, ...AFTER_SPECIAL].flatMap((template) => {
    const limit = template.limits[index];
    if (limit === null || limit === undefined) return [];
    return [
      {
        key: template.key,
        title: template.title,
        description: template.description,
        roleKey: template.roleKey,
        ownerUserId: null,
        limitMinutes: limit,
      },
    ];
  });
}

/** The default plan set: every category at every level (20 plans). */
export function defaultPlans(): PlanContent[] {
  return CATEGORIES.flatMap((category) =>
    PLAN_LEVELS.map((level) => ({
      name: `${category.name}舆情应对预案（${PLAN_LEVEL_NAMES[level]}响应）`,
      category: category.key,
      level,
      description: `${category.name}${PLAN_LEVEL_NAMES[level]}舆情的响应步骤和时限。默认预案，请按本单位实际修改角色、联系人和时限。`,
      roles: ROLES.map((role) => ({ ...role, userIds: [] })),
      contacts: [],
      steps: stepsFor(category, level),
    })),
  );
}

/** The categories of the default set with their Chinese names. */
export const DEFAULT_PLAN_CATEGORIES: Readonly<Record<string, string>> = Object.fromEntries(
  CATEGORIES.map((category) => [category.key, category.name]),
);
