/**
 * The work summary (工作总结) of a period, in the structure offices use. Every figure comes from the records;
 * every narrative paragraph is a marked placeholder for staff to write, because the judgement of a year's
 * work is the office's own, not something to invent.
 */
import {
  ALERT_LEVEL_NAMES,
  ALERT_LEVELS,
  type ReportBlock,
  type ReportSection,
  type WorkSummaryData,
} from '../../domain/index.js';
import type { BuildState } from './context.js';
import { ratio } from './figures.js';

function placeholder(id: string, prompt: string): ReportBlock {
  return { kind: 'placeholder', id, prompt, text: null };
}

function registerFigures(data: WorkSummaryData, state: BuildState): void {
  const { book } = state;
  const f = data.figures;
  const trace = f.trace;
  const v = f.value;
  book.count('items.total', '监测信息总量', data.totals, (t) => t.total);
  book.count('items.negative', '负面信息', data.totals, (t) => t.negative);
  book.count('sources', '监测信息源', f, (x) => x.sourcesMonitored);
  book.count('schemes', '监测方案', f, (x) => x.schemesActive);
  book.count('events', '跟踪舆情事件', f, (x) => x.eventsTracked);
  book.count('alerts.raised', '发出预警', f, (x) => x.alerts.raised);
  for (const level of ALERT_LEVELS)
    book.count(`alerts.${level}`, `${ALERT_LEVEL_NAMES[level]}预警`, f, (x) => x.alerts.byLevel[level]);
  book.count('reports.issued', '编发舆情报告', data.issuedReports, (n) => n);
  book.count('incidents.opened', '处置舆情事件', f, (x) => x.incidents.opened);
  book.count('incidents.closed', '办结舆情事件', f, (x) => x.incidents.closed);
  book.count('responses.published', '发布回应', f, (x) => x.responses.published);
  book.count('publications.published', '发布政务信息', f, (x) => x.publications.published);
  book.count('bulletins.submitted', '报送信息', f, (x) => x.bulletins.submitted);
  book.count('bulletins.adopted', '被采用信息', f, (x) => x.bulletins.adopted);
  book.count('bulletins.instructed', '获领导批示', f, (x) => x.bulletins.instructed);
  book.add(
    'bulletins.adoption_rate',
    '采用率',
    ratio(v.bulletins.adopted, v.bulletins.submitted),
    'percent',
    trace,
  );
  book.count('appeals.received', '受理网络诉求', f, (x) => x.appeals.received);
  book.count('appeals.replied', '答复网络诉求', f, (x) => x.appeals.replied);
  book.count('appeals.on_time', '按时答复', f, (x) => x.appeals.onTime);
  book.add(
    'appeals.on_time_rate',
    '按时答复率',
    ratio(v.appeals.onTime, v.appeals.replied),
    'percent',
    trace,
  );
  book.count('clues.transferred', '移交线索', f, (x) => x.clues.transferred);
  book.count('clues.filed', '立案', f, (x) => x.clues.filed);
  book.add('clues.filing_rate', '成案率', ratio(v.clues.filed, v.clues.withOutcome), 'percent', trace);
}

function figureParagraph(text: string, figures: string[]): ReportBlock {
  return { kind: 'paragraph', text, figures };
}

/** The sections of a work summary, in the built-in order. */
export function workSummarySections(data: WorkSummaryData, state: BuildState): ReportSection[] {
  registerFigures(data, state);
  const p = (key: string) => state.book.print(key);
  const levels = ALERT_LEVELS.map((level) => `${ALERT_LEVEL_NAMES[level]}预警${p(`alerts.${level}`)}条`).join(
    '、',
  );
  return [
    {
      key: 'organisation',
      title: '组织机构与职责',
      blocks: [placeholder('organisation', '简述网络舆情工作的领导机构、工作专班、人员配备和职责分工')],
    },
    {
      key: 'monitoring',
      title: '制度建设与监测工作',
      blocks: [
        figureParagraph(
          `${state.period.label}，共接入监测信息源${p('sources')}个，启用监测方案${p('schemes')}个，累计采集相关网络信息${p('items.total')}条，其中负面信息${p('items.negative')}条。`,
          ['sources', 'schemes', 'items.total', 'items.negative'],
        ),
        placeholder('monitoring', '补充制度建设、值班值守、重点时段监测等情况'),
      ],
    },
    {
      key: 'analysis',
      title: '分析研判',
      blocks: [
        figureParagraph(
          `跟踪舆情事件${p('events')}个，发出预警${p('alerts.raised')}条（${levels}），编发舆情报告${p('reports.issued')}期。`,
          ['events', 'alerts.raised', ...ALERT_LEVELS.map((level) => `alerts.${level}`), 'reports.issued'],
        ),
        placeholder('analysis', '补充重大舆情研判、专题分析等情况'),
      ],
    },
    {
      key: 'guidance',
      title: '引导与处置',
      blocks: [
        figureParagraph(
          `处置舆情事件${p('incidents.opened')}起，办结${p('incidents.closed')}起，发布回应${p('responses.published')}次，发布政务信息${p('publications.published')}条。`,
          ['incidents.opened', 'incidents.closed', 'responses.published', 'publications.published'],
        ),
        placeholder('guidance', '补充典型事件的处置过程和引导成效'),
      ],
    },
    {
      key: 'reporting',
      title: '信息报送',
      blocks: [
        figureParagraph(
          `报送舆情信息${p('bulletins.submitted')}篇，被采用${p('bulletins.adopted')}篇，采用率${p('bulletins.adoption_rate')}，获领导批示${p('bulletins.instructed')}次。`,
          ['bulletins.submitted', 'bulletins.adopted', 'bulletins.adoption_rate', 'bulletins.instructed'],
        ),
        placeholder('reporting', '补充信息报送的重点内容和领导批示落实情况'),
      ],
    },
    {
      key: 'appeals',
      title: '网络诉求办理',
      blocks: [
        figureParagraph(
          `受理网络诉求${p('appeals.received')}件，答复${p('appeals.replied')}件，其中按时答复${p('appeals.on_time')}件，按时答复率${p('appeals.on_time_rate')}。`,
          ['appeals.received', 'appeals.replied', 'appeals.on_time', 'appeals.on_time_rate'],
        ),
        placeholder('appeals', '补充诉求办理的典型案例和群众满意情况'),
      ],
    },
    {
      key: 'clues',
      title: '线索移交',
      blocks: [
        figureParagraph(
          `向有关部门移交线索${p('clues.transferred')}条，已立案${p('clues.filed')}条，成案率${p('clues.filing_rate')}。`,
          ['clues.transferred', 'clues.filed', 'clues.filing_rate'],
        ),
        placeholder('clues', '补充线索移交与查处的典型情况'),
      ],
    },
    { key: 'problems', title: '存在问题', blocks: [placeholder('problems', '分析工作中存在的问题和不足')] },
    {
      key: 'next_steps',
      title: '下一步工作',
      blocks: [placeholder('next_steps', '提出下一阶段工作思路和具体措施')],
    },
  ];
}
