/**
 * The e-mail of an issued report (pure): subject `【网络舆情日报】2026年第12期 某区委网信办 2026年11月24日`,
 * a short plain-text body (the overview paragraph) and the rendered files attached.
 */
import { REPORT_TYPE_NAMES, type ReportDocument, type StoredReport } from '../../domain/index.js';
import type { ReportAttachment, ReportMailMessage } from './mailer.js';

/** The subject line: the report's title (the template's, if any) in 【】, issue line, unit, period. */
export function reportSubject(report: Pick<StoredReport, 'type' | 'document'>): string {
  const { document } = report;
  const parts = [document.issueLabel, document.unitName, document.period.label].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  const title = document.title.trim() || REPORT_TYPE_NAMES[report.type];
  return `【${title}】${parts.join(' ')}`;
}

/** The first paragraph of the overview section (or of the document), the body's lead. */
export function overviewText(document: ReportDocument): string | null {
  const overview = document.sections.find((section) => section.key === 'overview');
  const sections = overview ? [overview, ...document.sections] : document.sections;
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind === 'paragraph' && block.text.trim() !== '') return block.text.trim();
    }
  }
  return null;
}

/** The plain-text body. */
export function reportBody(
  report: Pick<StoredReport, 'document'>,
  attachments: readonly ReportAttachment[],
): string {
  const { document } = report;
  const lines = [
    `${document.title}${document.issueLabel ? `（${document.issueLabel}）` : ''}`,
    `${document.unitName} ${document.period.label}`,
    '',
    overviewText(document) ?? (document.empty ? '本期监测范围内无相关信息。' : '详见附件。'),
    '',
    attachments.length > 0
      ? `附件：${attachments.map((file) => file.filename).join('、')}`
      : '本报告可在风向舆情系统控制台查看。',
  ];
  return lines.join('\n');
}

/** The whole message to one recipient. */
export function reportMessage(
  report: Pick<StoredReport, 'type' | 'document'>,
  recipient: string,
  attachments: ReportAttachment[],
): ReportMailMessage {
  return {
    to: recipient,
    subject: reportSubject(report),
    text: reportBody(report, attachments),
    attachments,
  };
}
