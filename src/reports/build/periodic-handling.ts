/** 预警与处置: alerts raised and how they were handled; incidents and appeals in progress and overdue. */
import {
  ALERT_LEVEL_NAMES,
  ALERT_LEVELS,
  type AlertStatus,
  type CaseSummary,
  type PeriodicReportData,
  type ReportBlock,
  type ReportSection,
  type Traced,
} from '../../domain/index.js';
import type { BuildState, PeriodWords } from './context.js';
import { monthDayTime } from './text.js';

const ALERT_STATUS_NAMES: Readonly<Record<AlertStatus, string>> = {
  new: '待签收',
  acknowledged: '已签收',
  handling: '处置中',
  closed: '已办结',
};

function alertBlocks(data: PeriodicReportData, state: BuildState, words: PeriodWords): ReportBlock[] {
  const { book } = state;
  const alerts = data.alerts;
  book.count('alerts.raised', '发出预警', alerts, (value) => value.raised);
  if (alerts.value.raised === 0) {
    return [{ kind: 'paragraph', text: `${words.current}未发出预警。`, figures: ['alerts.raised'] }];
  }
  const levels = ALERT_LEVELS.map((level) =>
    book.count(`alerts.${level}`, `${ALERT_LEVEL_NAMES[level]}预警`, alerts, (v) => v.byLevel[level]),
  );
  const statuses = (Object.keys(ALERT_STATUS_NAMES) as AlertStatus[]).map((status) =>
    book.count(
      `alerts.status.${status}`,
      `预警${ALERT_STATUS_NAMES[status]}`,
      alerts,
      (v) => v.byStatus[status],
    ),
  );
  const levelText = ALERT_LEVELS.map(
    (level) => `${ALERT_LEVEL_NAMES[level]}预警${book.print(`alerts.${level}`)}条`,
  ).join('、');
  const statusText = (Object.keys(ALERT_STATUS_NAMES) as AlertStatus[])
    .map((status) => `${ALERT_STATUS_NAMES[status]}${book.print(`alerts.status.${status}`)}条`)
    .join('，');
  return [
    {
      kind: 'paragraph',
      text: `${words.current}共发出预警${book.print('alerts.raised')}条，其中${levelText}。截至目前，${statusText}。`,
      figures: ['alerts.raised', ...levels, ...statuses],
    },
    {
      kind: 'table',
      caption: '预警清单',
      columns: [
        { title: '时间', width: 2 },
        { title: '级别', width: 1 },
        { title: '预警事项', width: 7 },
        { title: '状态', width: 1.5 },
      ],
      rows: alerts.value.list.map((alert) => [
        monthDayTime(alert.raisedAt, state.period.timeZone),
        ALERT_LEVEL_NAMES[alert.level],
        alert.title,
        ALERT_STATUS_NAMES[alert.status],
      ]),
      figures: ['alerts.raised'],
    },
  ];
}

function caseFigures(
  prefix: string,
  noun: string,
  summary: Traced<CaseSummary>,
  state: BuildState,
): string[] {
  const { book } = state;
  return [
    book.count(`${prefix}.opened`, `新增${noun}`, summary, (v) => v.openedInPeriod),
    book.count(`${prefix}.closed`, `办结${noun}`, summary, (v) => v.closedInPeriod),
    book.count(`${prefix}.in_progress`, `在办${noun}`, summary, (v) => v.inProgress),
    book.count(`${prefix}.overdue`, `超期${noun}`, summary, (v) => v.overdue),
  ];
}

function caseText(
  prefix: string,
  noun: string,
  closedWord: string,
  state: BuildState,
  words: PeriodWords,
): string {
  const { book } = state;
  return (
    `${words.current}新增${noun}${book.print(`${prefix}.opened`)}件，${closedWord}${book.print(`${prefix}.closed`)}件；` +
    `截至期末在办${book.print(`${prefix}.in_progress`)}件，其中超期${book.print(`${prefix}.overdue`)}件。`
  );
}

function openCaseTable(data: PeriodicReportData, state: BuildState): ReportBlock | null {
  const rows = [
    ...data.incidents.value.list.map((c) => ({ kind: '舆情事件', ...c })),
    ...data.appeals.value.list.map((c) => ({ kind: '网络诉求', ...c })),
  ].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity));
  if (rows.length === 0) return null;
  return {
    kind: 'table',
    caption: '在办事项（超期在前）',
    columns: [
      { title: '类型', width: 1.5 },
      { title: '事项', width: 7 },
      { title: '办理时限', width: 2 },
      { title: '状态', width: 1.5 },
    ],
    rows: rows.map((row) => [
      row.kind,
      row.title,
      row.dueAt === null ? '—' : monthDayTime(row.dueAt, state.period.timeZone),
      row.overdue ? '已超期' : '在办',
    ]),
    figures: ['incidents.in_progress', 'appeals.in_progress'],
  };
}

/** The alerts and handling section. */
export function handlingSection(
  data: PeriodicReportData,
  state: BuildState,
  words: PeriodWords,
): ReportSection {
  const incidentFigures = caseFigures('incidents', '舆情事件', data.incidents, state);
  const appealFigures = caseFigures('appeals', '网络诉求', data.appeals, state);
  const blocks: ReportBlock[] = [
    ...alertBlocks(data, state, words),
    {
      kind: 'paragraph',
      text: `舆情事件处置：${caseText('incidents', '舆情事件', '办结', state, words)}`,
      figures: incidentFigures,
    },
    {
      kind: 'paragraph',
      text: `网络诉求办理：${caseText('appeals', '网络诉求', '答复', state, words)}`,
      figures: appealFigures,
    },
  ];
  const table = openCaseTable(data, state);
  if (table !== null) blocks.push(table);
  return { key: 'handling', title: '预警与处置情况', blocks };
}
