/** Reading a stored report document: its placeholders (the paragraphs staff write) and what may be done next. */
import type { ReportDetail, ReportSummary } from '../../api/types.js';

/** A paragraph left for staff to write. */
export interface Placeholder {
  id: string;
  section: string;
  prompt: string;
  text: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The placeholders of `document`, in reading order. */
export function placeholdersOf(document: ReportDetail['document']): Placeholder[] {
  const sections = Array.isArray(document['sections']) ? (document['sections'] as unknown[]) : [];
  return sections.filter(isRecord).flatMap((section) => {
    const blocks = Array.isArray(section['blocks']) ? (section['blocks'] as unknown[]) : [];
    return blocks
      .filter(isRecord)
      .filter((block) => block['kind'] === 'placeholder' && typeof block['id'] === 'string')
      .map((block) => ({
        id: String(block['id']),
        section: typeof section['title'] === 'string' ? section['title'] : '',
        prompt: typeof block['prompt'] === 'string' ? block['prompt'] : '',
        text: typeof block['text'] === 'string' ? block['text'] : null,
      }));
  });
}

/** A step of review. */
export type ReportAction = 'edit' | 'submit' | 'approve' | 'return' | 'issue';

/** The steps `report` allows for a caller with `can`. */
export function actionsOf(report: ReportSummary, can: (permission: string) => boolean): ReportAction[] {
  const actions: ReportAction[] = [];
  const writable = report.status === 'draft' || report.status === 'in_review';
  if (writable && can('reports:write')) actions.push('edit');
  if (report.status === 'draft' && can('reports:write')) actions.push('submit');
  if (report.status === 'in_review' && can('reports:review')) actions.push('approve', 'return');
  if (report.status === 'approved' && can('reports:review')) actions.push('issue');
  return actions;
}
