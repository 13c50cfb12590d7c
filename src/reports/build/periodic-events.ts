/** 重点事件: the period's largest events, each with a short account and representative opinions. */
import {
  EVENT_STAGE_NAMES,
  type EventBrief,
  type PeriodicReportData,
  type ReportBlock,
  type ReportSection,
} from '../../domain/index.js';
import type { BuildState, PeriodWords } from './context.js';
import { platformName } from './names.js';
import { chineseOrdinal, monthDayTime, quoteItem } from './text.js';

/** How many events a periodic report describes in full. */
export const EVENTS_DESCRIBED = 5;

function registerEvent(
  event: EventBrief,
  rank: number,
  data: PeriodicReportData,
  state: BuildState,
): string[] {
  const trace = data.events.trace;
  const prefix = `events.${rank}`;
  state.book.add(`${prefix}.items`, `事件“${event.title}”本期信息量`, event.itemsInPeriod, 'count', trace);
  state.book.add(
    `${prefix}.negative`,
    `事件“${event.title}”本期负面信息`,
    event.negativeInPeriod,
    'count',
    trace,
  );
  state.book.add(`${prefix}.total`, `事件“${event.title}”累计信息量`, event.itemCount, 'count', trace);
  state.book.add(`${prefix}.heat`, `事件“${event.title}”热度`, event.heat, 'number', trace);
  return [`${prefix}.items`, `${prefix}.negative`, `${prefix}.total`, `${prefix}.heat`];
}

function eventAccount(event: EventBrief, rank: number, state: BuildState): string {
  const { book } = state;
  const prefix = `events.${rank}`;
  const platforms = event.platforms.slice(0, 4).map(platformName).join('、');
  const keywords = event.keywords.slice(0, 6).join('、');
  const heat = event.heat === null ? '' : `热度${book.print(`${prefix}.heat`)}，`;
  return (
    `该事件最早见于${monthDayTime(event.firstPublishedAt, state.period.timeZone)}，` +
    `本期相关信息${book.print(`${prefix}.items`)}条（其中负面${book.print(`${prefix}.negative`)}条），` +
    `累计${book.print(`${prefix}.total`)}条，${heat}目前处于${EVENT_STAGE_NAMES[event.stage]}阶段` +
    (platforms ? `，主要传播平台为${platforms}` : '') +
    (keywords ? `。关键词：${keywords}。` : '。')
  );
}

/** The top-events section. */
export function eventsSection(
  data: PeriodicReportData,
  state: BuildState,
  words: PeriodWords,
): ReportSection {
  const events = data.events.value.slice(0, EVENTS_DESCRIBED);
  if (events.length === 0) {
    return {
      key: 'top_events',
      title: '重点事件',
      blocks: [{ kind: 'notice', text: `${words.current}未形成聚集性舆情事件。` }],
    };
  }
  const blocks: ReportBlock[] = [];
  events.forEach((event, index) => {
    const rank = index + 1;
    const figures = registerEvent(event, rank, data, state);
    blocks.push({
      kind: 'paragraph',
      text: `（${chineseOrdinal(rank)}）${event.title}`,
      figures: [],
      emphasis: true,
    });
    blocks.push({ kind: 'paragraph', text: eventAccount(event, rank, state), figures });
    if (event.representatives.length > 0) {
      blocks.push({
        kind: 'list',
        items: event.representatives.map((item) => `代表性观点：${quoteItem(item)}`),
        figures: [],
      });
    }
  });
  if (data.type !== 'daily') blocks.push(rankingTable(data, state));
  return { key: 'top_events', title: '重点事件', blocks };
}

/** Weekly and monthly reports rank every listed event by its items in the period. */
function rankingTable(data: PeriodicReportData, state: BuildState): ReportBlock {
  const figure = state.book.count('events.ranked', '排行事件数', data.events, (events) => events.length);
  return {
    kind: 'table',
    caption: '事件排行（按本期信息量）',
    columns: [
      { title: '排名', align: 'right', width: 1 },
      { title: '事件', width: 7 },
      { title: '本期信息量', align: 'right', width: 2 },
      { title: '负面', align: 'right', width: 1.5 },
      { title: '热度', align: 'right', width: 1.5 },
      { title: '阶段', width: 1.5 },
    ],
    rows: data.events.value.map((event, index) => [
      index + 1,
      event.title,
      event.itemsInPeriod,
      event.negativeInPeriod,
      event.heat === null ? null : Math.round(event.heat * 10) / 10,
      EVENT_STAGE_NAMES[event.stage],
    ]),
    figures: [figure],
  };
}
