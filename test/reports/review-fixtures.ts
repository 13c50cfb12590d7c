/**
 * Small, typed report records for the report storage and review tests: a work-summary document with two
 * narrative placeholders and a figure, its data snapshot, and a deterministic render (the document as
 * JSON) standing in for the real renderers, which are tested elsewhere.
 */
import type { ReportDocument, ReportFormat, ReportType, WorkSummaryData } from '../../src/domain/index.js';
import type { NewReport } from '../../src/storage/repositories.js';

const LEVELS = { red: 0, orange: 0, yellow: 0, blue: 0 };

/** A work-summary document for `unitName`; `padding` characters of filler make it as large as a test needs. */
export function sampleDocument(unitName: string, padding = 0): ReportDocument {
  return {
    type: 'work_summary',
    title: '网络舆情工作总结',
    unitName,
    issueLabel: null,
    period: { from: 0, to: 1, label: '2024年5月', timeZone: 'Asia/Shanghai' },
    generatedAt: 1,
    eventId: null,
    sections: [
      {
        key: 'overview',
        title: '一、总体情况',
        blocks: [
          { kind: 'paragraph', text: `监测信息 12 条。${'舆'.repeat(padding)}`, figures: ['total'] },
          { kind: 'placeholder', id: 'assessment', prompt: '请填写总体研判', text: null },
        ],
      },
      {
        key: 'next',
        title: '二、下一步工作',
        blocks: [{ kind: 'placeholder', id: 'plans', prompt: '请填写工作打算', text: null }],
      },
    ],
    figures: {
      total: {
        key: 'total',
        label: '监测信息总量',
        value: 12,
        format: 'count',
        trace: [{ sql: 'select count(*) from items where unit_id in (?)', params: ['u1'] }],
      },
    },
    empty: false,
  };
}

/** The snapshot a work summary of `unitId` would be built from. */
export function sampleSnapshot(unitId: string): WorkSummaryData {
  const query = { unitIds: [unitId], from: 0, to: 1 };
  const trace = [{ sql: 'select 1', params: [] }];
  return {
    type: 'work_summary',
    query,
    totals: { value: { total: 12, positive: 2, neutral: 8, negative: 2, unlabelled: 0 }, trace },
    events: { value: [], trace },
    figures: {
      value: {
        sourcesMonitored: 3,
        schemesActive: 1,
        eventsTracked: 0,
        alerts: { raised: 0, byLevel: LEVELS },
        incidents: { opened: 0, closed: 0, byLevel: LEVELS },
        responses: { published: 0 },
        bulletins: { submitted: 0, adopted: 0, instructed: 0 },
        appeals: { received: 0, replied: 0, onTime: 0 },
        clues: { transferred: 0, filed: 0, withOutcome: 0 },
        publications: { published: 0 },
      },
      trace,
    },
    issuedReports: { value: 0, trace },
  };
}

/** A new draft of `unitId`. */
export function sampleReport(
  unitId: string,
  overrides: Partial<Omit<NewReport, 'unitId'>> & { type?: ReportType } = {},
): NewReport {
  return {
    unitId,
    type: 'work_summary',
    periodFrom: 1_000,
    periodTo: 2_000,
    eventId: null,
    title: '网络舆情工作总结',
    document: sampleDocument('市委网信办'),
    snapshot: sampleSnapshot(unitId),
    scheduleId: null,
    createdBy: null,
    createdAt: 1_000,
    ...overrides,
  };
}

/** A deterministic stand-in renderer: the document as JSON, tagged with the format. */
export async function renderJson(document: ReportDocument, format: ReportFormat) {
  const text = JSON.stringify({ format, document });
  return {
    contentType: 'application/json',
    fileName: `${document.title}.${format}`,
    bytes: new TextEncoder().encode(text),
  };
}
