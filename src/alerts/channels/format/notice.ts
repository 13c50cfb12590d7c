/**
 * The official notice of an alert as plain data (pure): the title with its level (【红色预警】…), the
 * fields 类别/级别/起始时间/影响范围/警示事项/建议措施/发布单位 and the top evidence items. Every channel
 * renders these same parts in its own markup.
 */
import { ALERT_LEVEL_NAMES, type Alert, type AlertEvidenceItem } from '../../../domain/index.js';

/** How many evidence items a message lists. */
export const MAX_EVIDENCE_ITEMS = 5;

/** One labelled field of the notice. */
export interface NoticeField {
  label: string;
  value: string;
}

/** The parts of a notice every channel renders. */
export interface NoticeParts {
  /** E.g. 【红色预警】某地化工厂异味引发关注 */
  title: string;
  fields: NoticeField[];
  evidence: AlertEvidenceItem[];
  /** The reasons the rule gave, one sentence each. */
  reasons: string[];
}

/** `2024-05-03 12:00` in `timeZone`. */
export function formatLocalTime(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** 【红色预警】 for a red alert. */
export function levelTag(alert: Pick<Alert, 'level'>): string {
  return `【${ALERT_LEVEL_NAMES[alert.level]}预警】`;
}

/** The notice of `alert` with times shown in `timeZone`. */
export function noticeParts(alert: Alert, timeZone: string): NoticeParts {
  const fields: NoticeField[] = [
    { label: '类别', value: alert.category },
    { label: '级别', value: `${ALERT_LEVEL_NAMES[alert.level]}预警` },
    { label: '起始时间', value: formatLocalTime(alert.startedAt, timeZone) },
    { label: '影响范围', value: alert.scope },
    { label: '警示事项', value: alert.matter },
    { label: '建议措施', value: alert.measures },
    { label: '发布单位', value: alert.issuer },
  ];
  if (alert.count > 1) fields.push({ label: '合并次数', value: String(alert.count) });
  return {
    title: `${levelTag(alert)}${alert.title}`,
    fields: fields.filter((field) => field.value.trim() !== ''),
    evidence: alert.evidence.items.slice(0, MAX_EVIDENCE_ITEMS),
    reasons: alert.evidence.reasons,
  };
}
