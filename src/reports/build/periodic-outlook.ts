/**
 * 明日（下周、下月）关注: what the records say to watch next — events still growing, overdue work, topics
 * rising against the previous period — and a placeholder for the duty officer's own judgement.
 */
import { EVENT_STAGE_NAMES, type PeriodicReportData, type ReportSection } from '../../domain/index.js';
import type { BuildState, PeriodWords } from './context.js';
import { EVENTS_DESCRIBED } from './periodic-events.js';
import { categoryName } from './names.js';

/** A topic is "rising" when it grew by at least this share and this many items on the previous period. */
const RISING_SHARE = 0.5;
const RISING_MIN_ITEMS = 5;

function growingEvents(data: PeriodicReportData, state: BuildState): string[] {
  return data.events.value
    .slice(0, EVENTS_DESCRIBED)
    .map((event, index) => ({ event, rank: index + 1 }))
    .filter(({ event }) => event.stage !== 'declining')
    .map(
      ({ event, rank }) =>
        `持续关注“${event.title}”：处于${EVENT_STAGE_NAMES[event.stage]}阶段，本期相关信息${state.book.print(`events.${rank}.items`)}条。`,
    );
}

function risingTopics(
  data: PeriodicReportData,
  state: BuildState,
  words: PeriodWords,
): { lines: string[]; figures: string[] } {
  const previous = new Map(data.previousCategories.value.map((row) => [row.name, row.count]));
  const lines: string[] = [];
  const figures: string[] = [];
  for (const row of data.categories.value) {
    const before = previous.get(row.name) ?? 0;
    const grown = row.count - before;
    if (grown < RISING_MIN_ITEMS || (before > 0 && grown / before < RISING_SHARE)) continue;
    const name = categoryName(row.name, state.categoryNames);
    const key = state.book.add(`outlook.rising.${row.name}`, `${name}类信息增量`, grown, 'count', [
      ...data.categories.trace,
      ...data.previousCategories.trace,
    ]);
    figures.push(key);
    lines.push(`“${name}”类信息较${words.previous}增加${state.book.print(key)}条，需关注其走向。`);
  }
  return { lines, figures };
}

function overdueLine(data: PeriodicReportData, state: BuildState): string | null {
  const overdue = data.incidents.value.overdue + data.appeals.value.overdue;
  if (overdue === 0) return null;
  return `督促办理超期事项：舆情事件${state.book.print('incidents.overdue')}件、网络诉求${state.book.print('appeals.overdue')}件。`;
}

/** The outlook section; handling and events sections must have registered their figures first. */
export function outlookSection(
  data: PeriodicReportData,
  state: BuildState,
  words: PeriodWords,
): ReportSection {
  const rising = risingTopics(data, state, words);
  const overdue = overdueLine(data, state);
  const lines = [...growingEvents(data, state), ...rising.lines, ...(overdue === null ? [] : [overdue])];
  const eventFigures = data.events.value
    .slice(0, EVENTS_DESCRIBED)
    .map((_, index) => `events.${index + 1}.items`);
  return {
    key: 'outlook',
    title: `${words.next}关注`,
    blocks: [
      lines.length === 0
        ? { kind: 'notice', text: '根据现有记录，暂无需要特别关注的事项。' }
        : {
            kind: 'list',
            items: lines,
            figures: [...eventFigures, ...rising.figures, 'incidents.overdue', 'appeals.overdue'],
          },
      {
        kind: 'placeholder',
        id: 'outlook.notes',
        prompt: `值班人员补充${words.next}需关注的重要节点、活动和风险`,
        text: null,
      },
    ],
  };
}
