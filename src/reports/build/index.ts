/**
 * The report builders (DESIGN.md §8): pure functions from a data snapshot to a report document. They read
 * nothing and write nothing; every number they print is registered with the query that produced it.
 */
import {
  REPORT_TYPE_NAMES,
  type ReportData,
  type ReportDocument,
  type ReportSection,
  type ReportTemplate,
} from '../../domain/index.js';
import type { BuildContext, BuildState } from './context.js';
import { FigureBook } from './figures.js';
import { periodicIsEmpty, periodicSections } from './periodic.js';
import { specialSections } from './special.js';
import { applyTemplate } from './template.js';
import { clip } from './text.js';
import { workSummarySections } from './work-summary.js';

export type { BuildContext } from './context.js';
export { applyTemplate, SECTION_KEYS, validateTemplate } from './template.js';

function sectionsOf(data: ReportData, state: BuildState): ReportSection[] {
  switch (data.type) {
    case 'daily':
    case 'weekly':
    case 'monthly':
      return periodicSections(data, state);
    case 'special':
      return specialSections(data, state);
    case 'work_summary':
      return workSummarySections(data, state);
  }
}

function isEmpty(data: ReportData): boolean {
  switch (data.type) {
    case 'daily':
    case 'weekly':
    case 'monthly':
      return periodicIsEmpty(data);
    case 'special':
      return data.dossier.value.event.itemCount === 0;
    case 'work_summary': {
      const f = data.figures.value;
      const activity =
        f.alerts.raised +
        f.incidents.opened +
        f.appeals.received +
        f.clues.transferred +
        f.bulletins.submitted;
      return data.totals.value.total === 0 && activity === 0 && f.publications.published === 0;
    }
  }
}

function titleOf(data: ReportData): string {
  if (data.type === 'special')
    return `关于“${clip(data.dossier.value.event.title, 30)}”的${REPORT_TYPE_NAMES.special}`;
  return REPORT_TYPE_NAMES[data.type];
}

const EMPTY_NOTICE = '本期未监测到相关信息，也无预警和在办事项；以下各部分均无数据。';

/** Builds the document of `data`, with `template` (if any) applied. Issue labels are set at issue time. */
export function buildReport(
  data: ReportData,
  context: BuildContext,
  template?: ReportTemplate | null,
): ReportDocument {
  const state: BuildState = { ...context, book: new FigureBook() };
  const sections = sectionsOf(data, state);
  const empty = isEmpty(data);
  const first = sections[0];
  if (empty && first !== undefined) first.blocks.unshift({ kind: 'notice', text: EMPTY_NOTICE });
  const document: ReportDocument = {
    type: data.type,
    title: titleOf(data),
    unitName: context.unitName,
    issueLabel: null,
    period: context.period,
    generatedAt: context.generatedAt,
    eventId: data.type === 'special' ? data.dossier.value.event.id : null,
    sections,
    figures: state.book.all(),
    empty,
  };
  return applyTemplate(document, template);
}
