/**
 * Alerts (预警) and alert rules over the API (issue 5 §4–5, §7). Rule definitions are validated by the
 * server's rule schema (src/alerts/rules/schema.ts), which answers RULE_INVALID with the path of the bad
 * field; here they travel as JSON objects.
 */
import { z } from 'zod';
import { ALERT_LEVELS, ALERT_STATUSES, ALERT_TRIGGER_KINDS } from '../domain/index.js';
import { flagParam, listOf, pageOf, pageQuery, timeInput, timestamp } from './common.js';

/** An item shown as evidence. */
export const alertEvidenceItem = z.object({
  itemId: z.string(),
  title: z.string().nullable(),
  excerpt: z.string(),
  url: z.string().nullable(),
  source: z.string().nullable(),
  publishedAt: timestamp,
  sentiment: z.string().nullable(),
});

/** Why an alert fired. */
export const alertEvidence = z.object({
  items: z.array(alertEvidenceItem),
  statistic: z.string().nullable(),
  value: z.number().nullable(),
  baseline: z.number().nullable(),
  threshold: z.number().nullable(),
  reasons: z.array(z.string()),
});

/** An alert with its official fields (类别、级别、起始时间、影响范围、警示事项、建议措施、发布单位), evidence and life cycle. */
export const alert = z
  .object({
    id: z.string(),
    unitId: z.string(),
    ruleId: z.string().nullable(),
    ruleVersion: z.number().int().nullable(),
    trigger: z.enum(ALERT_TRIGGER_KINDS),
    title: z.string(),
    mergeKey: z.string(),
    count: z.number().int(),
    schemeId: z.string().nullable(),
    eventId: z.string().nullable(),
    sourceId: z.string().nullable(),
    category: z.string().describe('类别'),
    level: z.enum(ALERT_LEVELS).describe('级别'),
    levelName: z.string().describe('级别 in Chinese, e.g. 红色'),
    startedAt: timestamp.describe('起始时间'),
    scope: z.string().describe('影响范围'),
    matter: z.string().describe('警示事项'),
    measures: z.string().describe('建议措施'),
    issuer: z.string().describe('发布单位'),
    evidence: alertEvidence,
    status: z.enum(ALERT_STATUSES),
    escalations: z.number().int(),
    acknowledgedBy: z.string().nullable(),
    acknowledgedAt: timestamp.nullable(),
    closedBy: z.string().nullable(),
    closedAt: timestamp.nullable(),
    incidentId: z.string().nullable(),
    heldUntil: timestamp.nullable().describe('Quiet hours hold the notice until then'),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Alert' });

/** One transition or firing in an alert's history. */
export const alertHistoryEntry = z.object({
  at: timestamp,
  actorUserId: z.string().nullable(),
  action: z.string(),
  fromStatus: z.enum(ALERT_STATUSES).nullable(),
  toStatus: z.enum(ALERT_STATUSES).nullable(),
  detail: z.record(z.string(), z.unknown()),
});

/** An alert with its history. */
export const alertDetail = alert.extend({ history: z.array(alertHistoryEntry) });

/** A page of alerts. */
export const alertPage = pageOf(alert);

/** GET /alerts. */
export const alertListQuery = pageQuery.extend({
  level: listOf(ALERT_LEVELS).optional(),
  status: listOf(ALERT_STATUSES).optional(),
  trigger: listOf(ALERT_TRIGGER_KINDS).optional(),
  from: timeInput.optional(),
  to: timeInput.optional(),
  schemeId: z.string().min(1).max(64).optional(),
  eventId: z.string().min(1).max(64).optional(),
  ruleId: z.string().min(1).max(64).optional(),
});

/** POST /alerts/:id/acknowledge and /close. */
export const alertTransitionBody = z
  .strictObject({ note: z.string().trim().max(2000).optional() })
  .default({});

/** POST /alerts/:id/handle. */
export const alertHandleBody = z
  .strictObject({
    note: z.string().trim().max(2000).optional(),
    incidentId: z.string().min(1).max(64).optional(),
  })
  .default({});

/** A stored alert rule. */
export const alertRule = z
  .object({
    id: z.string(),
    unitId: z.string(),
    name: z.string(),
    enabled: z.boolean(),
    trigger: z.string(),
    version: z.number().int(),
    definition: z.record(z.string(), z.unknown()).describe('The validated rule with defaults filled in'),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'AlertRule' });

/** A page of alert rules. */
export const alertRulePage = pageOf(alertRule);

/** GET /alert-rules. */
export const alertRuleListQuery = pageQuery.extend({
  enabled: flagParam.optional(),
  trigger: z.enum(ALERT_TRIGGER_KINDS).optional(),
});

/**
 * POST /alert-rules: the rule definition (name, trigger, levels, keyPeriodFactor, quietHours,
 * mergeWindowMinutes, escalation, realertOnGrowth, notice) plus the unit it belongs to.
 */
export const createAlertRuleBody = z.looseObject({ unitId: z.string().min(1).max(64).optional() });

/** PATCH /alert-rules/:id: top-level fields of the definition to replace. */
export const updateAlertRuleBody = z.record(z.string(), z.unknown());

/** One version of a rule. */
export const alertRuleVersion = z.object({
  version: z.number().int(),
  name: z.string(),
  enabled: z.boolean(),
  definition: z.record(z.string(), z.unknown()),
  changedBy: z.string().nullable(),
  changedAt: timestamp,
});

/** Every version of a rule, newest first. */
export const alertRuleVersionList = z.object({ items: z.array(alertRuleVersion) });
