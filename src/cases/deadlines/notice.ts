/**
 * The alert notice of a deadline (pure): what a reminder before a case deadline and an overdue escalation
 * after it say, in the official fields (类别「处置时限」、级别、起始时间、影响范围、警示事项、建议措施、
 * 发布单位). Times are shown in the office's time zone; a deadline at midnight reads as 24:00 of the day
 * before, the way offices write "the end of the 5th working day".
 */
import type { AlertEvidence, AlertLevel, AlertNotice } from '../../domain/index.js';
import { wallTimeAt } from '../../analysis/time/zone.js';
import { escalationLevel, reminderLevel } from './levels.js';

/** A reminder before the deadline or the escalation after it passed. */
export type DeadlineNoticeKind = 'reminder' | 'overdue';

/** The deadline fields a notice is written from. */
export interface DeadlineFacts {
  id: string;
  recordType: string;
  recordId: string;
  kind: string;
  title: string;
  level: string | null;
  dueAt: number;
  remindAt: number | null;
}

/** A notice ready to become an alert. */
export interface DeadlineNoticeDraft {
  title: string;
  /** One alert per deadline, notice kind and due time (a moved deadline gets new notices). */
  mergeKey: string;
  notice: AlertNotice;
  evidence: AlertEvidence;
}

/** The category (类别) of every deadline notice. */
export const DEADLINE_CATEGORY = '处置时限';

/** Chinese names of the record types that register deadlines. */
const RECORD_NAMES: Readonly<Record<string, string>> = {
  incident: '舆情事件',
  appeal: '网络诉求',
  clue: '问题线索',
  publication: '信息发布',
  bulletin: '信息报送',
  plan_task: '预案任务',
};

const pad = (value: number): string => String(value).padStart(2, '0');

/** `2024-05-09 24:00` style local time; midnight is written as 24:00 of the previous day. */
export function formatDueTime(at: number, timeZone: string): string {
  const wall = wallTimeAt(at, timeZone);
  if (wall.hour === 0 && wall.minute === 0) {
    const before = wallTimeAt(at - 60_000, timeZone);
    return `${before.year}-${pad(before.month)}-${pad(before.day)} 24:00`;
  }
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** A duration as 2天3小时 / 5小时20分钟 / 45分钟 (whole minutes, at least 1). */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return rest > 0 ? `${hours}小时${rest}分钟` : `${hours}小时`;
  return `${rest}分钟`;
}

/** What the record is called in the notice's 影响范围. */
export function recordLabel(recordType: string, recordId: string): string {
  return `${RECORD_NAMES[recordType] ?? recordType}（编号 ${recordId}）`;
}

const MEASURES: Readonly<Record<DeadlineNoticeKind, string>> = {
  reminder: '请责任单位在时限内办结并在系统中登记办理结果；确需延期的，按规定说明理由并报批。',
  overdue: '已超过办理时限：请责任单位立即办理并书面说明逾期原因，值班人员跟踪督办，必要时报告分管领导。',
};

/** The notice of `kind` for the deadline at `now`, issued by `issuer`, times shown in `timeZone`. */
export function deadlineNotice(
  deadline: DeadlineFacts,
  kind: DeadlineNoticeKind,
  context: { now: number; timeZone: string; issuer: string },
): DeadlineNoticeDraft {
  const due = formatDueTime(deadline.dueAt, context.timeZone);
  const reminder = kind === 'reminder';
  const level: AlertLevel = reminder ? reminderLevel(deadline.level) : escalationLevel(deadline.level);
  const gap = deadline.dueAt - context.now;
  const matter = reminder
    ? `${deadline.title}将于${due}到期（还剩${formatDuration(gap)}），尚未办结。`
    : `${deadline.title}已于${due}到期，逾期${formatDuration(gap)}仍未办结。`;
  return {
    title: `${reminder ? '处置时限提醒' : '处置逾期'}：${deadline.title}`,
    mergeKey: `case_deadline:${deadline.id}:${kind}:${deadline.dueAt}`,
    notice: {
      category: DEADLINE_CATEGORY,
      level,
      startedAt: reminder ? (deadline.remindAt ?? context.now) : deadline.dueAt,
      scope: recordLabel(deadline.recordType, deadline.recordId),
      matter,
      measures: MEASURES[kind],
      issuer: context.issuer,
    },
    evidence: {
      items: [],
      statistic: reminder ? 'deadline_remaining_ms' : 'deadline_overdue_ms',
      value: Math.abs(gap),
      baseline: null,
      threshold: deadline.dueAt,
      reasons: [matter],
    },
  };
}
