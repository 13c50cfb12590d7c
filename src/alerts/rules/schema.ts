/**
 * Alert rules as validated data (issue 5 §4): what fires (the trigger and its conditions), how severe
 * (the office's own level criteria), and how it reaches people (key periods, quiet hours, merge window,
 * escalation, re-alert on growth, notice defaults). Stored as JSON; every read goes through
 * {@link parseRuleDefinition} so a bad rule is refused with the path of the bad field.
 */
import { z } from 'zod';
import { isKnownTimeZone } from '../../analysis/time/zone.js';
import { ALERT_LEVELS, MEDIA_TIERS, SENTIMENTS, type AlertLevel } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';

const id = z.string().min(1).max(64);
const idList = z.array(id).max(5000).default([]);
const minutes = z
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 60);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');

/** Conditions on the items of a scheme hit; empty lists mean "any". */
const schemeHitConditions = z.strictObject({
  sentiments: z.array(z.enum(SENTIMENTS)).default([]),
  /** Any of these category keys. */
  categories: z.array(z.string().min(1)).default([]),
  /** Province or province+city prefixes, e.g. `江苏省` or `江苏省苏州市`. */
  regions: z.array(z.string().min(1)).default([]),
  sourceTiers: z.array(z.enum(MEDIA_TIERS)).default([]),
  keyAccountOnly: z.boolean().default(false),
  /** Likes + comments + reposts of at least one item. */
  minEngagement: z.number().int().min(0).default(0),
});

/** The trigger kinds with their own parameters. */
export const triggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('scheme_hit'),
    /** Empty means every scheme of the unit. */
    schemeIds: idList,
    conditions: schemeHitConditions.default(() => schemeHitConditions.parse({})),
    /** Fire once at least this many hits fell within the window. */
    minCount: z.number().int().min(1).default(1),
    windowMinutes: minutes.default(60),
  }),
  z.strictObject({ kind: z.literal('event_heat'), minHeat: z.number().min(0).max(100) }),
  z.strictObject({
    kind: z.literal('event_growth'),
    minItems: z.number().int().min(1),
    windowMinutes: minutes,
    /** Items in the window over the window before it. */
    growthRatio: z.number().min(1),
  }),
  z.strictObject({
    kind: z.literal('spike'),
    schemeIds: idList,
    minZ: z.number().min(0),
    minCount: z.number().int().min(1).default(1),
    negativeOnly: z.boolean().default(false),
  }),
  z.strictObject({
    kind: z.literal('coordinated'),
    minAccounts: z.number().int().min(2),
    windowMinutes: minutes,
  }),
  z.strictObject({ kind: z.literal('source_failing'), sourceIds: idList }),
  z.strictObject({ kind: z.literal('source_silent'), sourceIds: idList }),
]);

/** The statistics a level criterion may test (what a signal offers depends on the trigger). */
export const RULE_STATISTICS = ['count', 'heat', 'growth', 'z', 'accounts', 'engagement'] as const;
/** One of {@link RULE_STATISTICS}. */
export type RuleStatistic = (typeof RULE_STATISTICS)[number];

/** One level and when it applies: any one condition suffices; no condition means "otherwise". */
const levelCriterion = z.strictObject({
  level: z.enum(ALERT_LEVELS),
  anyOf: z
    .array(z.strictObject({ statistic: z.enum(RULE_STATISTICS), min: z.number().min(0) }))
    .max(20)
    .default([]),
});

const severity = (level: AlertLevel): number => ALERT_LEVELS.indexOf(level);

/** The rule as the office writes it. */
export const ruleDefinitionSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().default(true),
  trigger: triggerSchema,
  /** Most severe first; the first criterion that holds gives the level. None holding means no alert. */
  levels: z
    .array(levelCriterion)
    .min(1)
    .max(4)
    .default([{ level: 'yellow', anyOf: [] }])
    .superRefine((levels, ctx) => {
      levels.forEach((criterion, index) => {
        const previous = levels[index - 1];
        if (previous && severity(previous.level) >= severity(criterion.level)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'level'],
            message: 'levels go from most severe down',
          });
        }
      });
    }),
  /** While a key period covers the rule's unit, thresholds are multiplied by this (0 < f ≤ 1). */
  keyPeriodFactor: z.number().gt(0).max(1).default(1),
  /** Only red goes out during quiet hours; the rest is held until they end. */
  quietHours: z
    .strictObject({
      start: clockTime,
      end: clockTime,
      timeZone: z
        .string()
        .default('Asia/Shanghai')
        .refine((zone) => isKnownTimeZone(zone), 'unknown time zone'),
      /** Saturdays and Sundays are quiet all day. */
      weekends: z.boolean().default(false),
    })
    .nullable()
    .default(null),
  /** Firings with the same merge key within this many minutes of the alert's start fold into it. */
  mergeWindowMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(30),
  escalation: z
    .strictObject({
      afterMinutes: minutes,
      /** Raise to at least this level; without it, one level up. */
      toLevel: z.enum(ALERT_LEVELS).optional(),
      notifyRoles: z.array(z.string().min(1)).max(10).default([]),
      /** How many times to escalate an alert nobody acknowledges. */
      maxTimes: z.number().int().min(1).max(10).default(1),
    })
    .nullable()
    .default(null),
  /** Re-notify when the merged count (or the heat) grew by this factor since the last notice. */
  realertOnGrowth: z
    .strictObject({ factor: z.number().gt(1) })
    .nullable()
    .default(null),
  notice: z
    .strictObject({
      category: z.string().trim().min(1).max(100).default('网络舆情'),
      /** 影响范围; `{regions}`, `{scheme}`, `{event}`, `{source}` and `{count}` are filled in. */
      scopeTemplate: z.string().max(500).default('{regions}'),
      measures: z.string().max(2000).default('请及时核实情况，研判处置。'),
      issuer: z.string().max(200).default(''),
    })
    .default(() => ({
      category: '网络舆情',
      scopeTemplate: '{regions}',
      measures: '请及时核实情况，研判处置。',
      issuer: '',
    })),
});

/** A validated rule definition (defaults filled in). */
export type RuleDefinition = z.output<typeof ruleDefinitionSchema>;
/** The trigger of a rule. */
export type RuleTrigger = RuleDefinition['trigger'];
/** One level criterion. */
export type LevelCriterion = RuleDefinition['levels'][number];
/** Quiet hours of a rule. */
export type QuietHours = NonNullable<RuleDefinition['quietHours']>;

/** A stored rule: its definition plus identity and version, as the evaluator receives it. */
export interface AlertRule extends RuleDefinition {
  id: string;
  unitId: string;
  version: number;
}

/** One problem of a rule: where and what. */
export interface RuleIssue {
  path: string;
  message: string;
}

/** Validates a rule definition; RULE_INVALID with the path of the first bad field and every issue. */
export function parseRuleDefinition(input: unknown): RuleDefinition {
  const result = ruleDefinitionSchema.safeParse(input);
  if (result.success) return result.data;
  const issues: RuleIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  throw new AppError(
    'RULE_INVALID',
    `rule field ${first?.path || '(root)'}: ${first?.message ?? 'invalid'}`,
    {
      path: first?.path ?? '',
      issues,
    },
  );
}
