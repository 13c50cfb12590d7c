/**
 * Alerts (预警), their levels, life cycle and delivery (issue 5, DESIGN.md §7): the shapes the rule
 * evaluator produces, storage keeps, the dispatcher delivers and the console shows.
 */
import type { EpochMs } from './entities.js';

/** Alert levels, most severe first: 红 / 橙 / 黄 / 蓝. */
export const ALERT_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
/** One of {@link ALERT_LEVELS}. */
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** Chinese names of the levels (红色预警…). */
export const ALERT_LEVEL_NAMES: Readonly<Record<AlertLevel, string>> = {
  red: '红色',
  orange: '橙色',
  yellow: '黄色',
  blue: '蓝色',
};

/** What fired an alert. */
export const ALERT_TRIGGER_KINDS = [
  'scheme_hit',
  'event_heat',
  'event_growth',
  'spike',
  'coordinated',
  'source_failing',
  'source_silent',
  'case_deadline',
] as const;
/** One of {@link ALERT_TRIGGER_KINDS}. */
export type AlertTriggerKind = (typeof ALERT_TRIGGER_KINDS)[number];

/** The life cycle: new → acknowledged → handling → closed. */
export const ALERT_STATUSES = ['new', 'acknowledged', 'handling', 'closed'] as const;
/** One of {@link ALERT_STATUSES}. */
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** An item shown as evidence, with its link. */
export interface AlertEvidenceItem {
  itemId: string;
  title: string | null;
  excerpt: string;
  url: string | null;
  source: string | null;
  publishedAt: EpochMs;
  sentiment: string | null;
}

/** Why the alert fired: the statistic against its baseline, and the rule version that judged it. */
export interface AlertEvidence {
  items: AlertEvidenceItem[];
  /** E.g. `volume`, `negative_volume`, `heat`, `growth`, `accounts`. */
  statistic: string | null;
  value: number | null;
  baseline: number | null;
  threshold: number | null;
  /** Free explanation, one sentence per condition that held. */
  reasons: string[];
}

/** The official fields of an alert notice (类别、级别、起始时间、影响范围、警示事项、建议措施、发布单位). */
export interface AlertNotice {
  /** 类别 */
  category: string;
  /** 级别 */
  level: AlertLevel;
  /** 起始时间 */
  startedAt: EpochMs;
  /** 影响范围 */
  scope: string;
  /** 警示事项 */
  matter: string;
  /** 建议措施 */
  measures: string;
  /** 发布单位 */
  issuer: string;
}

/** One alert with its notice, evidence and life cycle. */
export interface Alert extends AlertNotice {
  id: string;
  unitId: string;
  ruleId: string | null;
  ruleVersion: number | null;
  trigger: AlertTriggerKind;
  title: string;
  /** What merges repeated firings into this alert (rule + scheme/event/source). */
  mergeKey: string;
  /** Firings merged into this alert, 1 for the first. */
  count: number;
  schemeId: string | null;
  eventId: string | null;
  sourceId: string | null;
  evidence: AlertEvidence;
  status: AlertStatus;
  /** How many times it was escalated for want of an acknowledgement. */
  escalations: number;
  acknowledgedBy: string | null;
  acknowledgedAt: EpochMs | null;
  closedBy: string | null;
  closedAt: EpochMs | null;
  /** The incident handling it (cases issue). */
  incidentId: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** Channel kinds (`src/alerts/channels/<kind>/`). */
export const CHANNEL_KINDS = ['inapp', 'email', 'webhook', 'wecom', 'dingtalk', 'feishu', 'slack'] as const;
/** One of {@link CHANNEL_KINDS}. */
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** States of one delivery of one alert to one channel. */
export const DELIVERY_STATES = ['pending', 'sent', 'failed', 'dead'] as const;
/** One of {@link DELIVERY_STATES}. */
export type DeliveryState = (typeof DELIVERY_STATES)[number];
