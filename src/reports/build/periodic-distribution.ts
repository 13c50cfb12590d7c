/**
 * 舆情分布: where the period's items came from (platforms), which places they concern and which topics, as
 * charts with their figures; weekly and monthly reports rank topics against the previous period.
 */
import type {
  NamedCount,
  PeriodicReportData,
  ReportBlock,
  ReportSection,
  Traced,
} from '../../domain/index.js';
import type { BuildState, PeriodWords } from './context.js';
import { ratio } from './figures.js';
import { categoryName, platformName } from './names.js';

/** How many rows a distribution ranks. */
export const RANKED = 10;

function registerCounts(
  prefix: string,
  label: (name: string) => string,
  counts: Traced<NamedCount[]>,
  state: BuildState,
): string[] {
  return counts.value
    .slice(0, RANKED)
    .map((row) => state.book.add(`${prefix}.${row.name}`, label(row.name), row.count, 'count', counts.trace));
}

function platformBlocks(data: PeriodicReportData, state: BuildState): ReportBlock[] {
  const rows = data.platforms.value.slice(0, RANKED);
  if (rows.length === 0) return [{ kind: 'notice', text: '本期无来源分布数据。' }];
  const figures = registerCounts('platforms', (name) => `${platformName(name)}信息量`, data.platforms, state);
  const [top] = rows;
  if (top === undefined) return [];
  const topKey = `platforms.${top.name}`;
  const share = ratio(top.count, data.totals.value.total);
  const trace = [...data.platforms.trace, ...data.totals.trace];
  const shareKey = state.book.add('platforms.top_share', '首位平台信息占比', share, 'percent', trace);
  return [
    {
      kind: 'paragraph',
      text: `从来源看，${platformName(top.name)}信息量最多，共${state.book.print(topKey)}条，占${state.book.print(shareKey)}。`,
      figures: [topKey, shareKey],
    },
    {
      kind: 'chart',
      chart: 'bar',
      title: '信息来源分布',
      categories: rows.map((row) => platformName(row.name)),
      series: [
        { name: '信息量', values: rows.map((row) => row.count) },
        { name: '负面信息', values: rows.map((row) => row.negative ?? 0) },
      ],
      figures,
    },
  ];
}

function regionBlocks(data: PeriodicReportData, state: BuildState): ReportBlock[] {
  const rows = data.regions.value.slice(0, RANKED);
  if (rows.length === 0) return [{ kind: 'notice', text: '本期信息未涉及可识别的地域。' }];
  const figures = registerCounts('regions', (name) => `涉及${name}的信息量`, data.regions, state);
  return [
    {
      kind: 'chart',
      chart: 'bar',
      horizontal: true,
      title: '涉及地域排行',
      categories: rows.map((row) => row.name),
      series: [{ name: '信息量', values: rows.map((row) => row.count) }],
      figures,
    },
  ];
}

function categoryRows(
  data: PeriodicReportData,
  state: BuildState,
): { figures: string[]; rows: (string | number | null)[][] } {
  const previous = new Map(data.previousCategories.value.map((row) => [row.name, row.count]));
  const figures: string[] = [];
  const rows = data.categories.value.slice(0, RANKED).map((row, index) => {
    const name = categoryName(row.name, state.categoryNames);
    figures.push(
      state.book.add(`categories.${row.name}`, `${name}类信息量`, row.count, 'count', data.categories.trace),
    );
    const before = previous.get(row.name) ?? 0;
    figures.push(
      state.book.add(
        `categories.${row.name}.previous`,
        `上期${name}类信息量`,
        before,
        'count',
        data.previousCategories.trace,
      ),
    );
    const delta = row.count - before;
    return [index + 1, name, row.count, before, delta > 0 ? `+${delta}` : String(delta)];
  });
  return { figures, rows };
}

function categoryBlocks(data: PeriodicReportData, state: BuildState, words: PeriodWords): ReportBlock[] {
  if (data.categories.value.length === 0)
    return [{ kind: 'notice', text: '本期信息未涉及已定义的话题类别。' }];
  const { figures, rows } = categoryRows(data, state);
  return [
    {
      kind: 'table',
      caption: `话题类别排行（与${words.previous}比较）`,
      columns: [
        { title: '排名', align: 'right', width: 1 },
        { title: '类别', width: 3 },
        { title: words.current, align: 'right', width: 2 },
        { title: words.previous, align: 'right', width: 2 },
        { title: '变化', align: 'right', width: 2 },
      ],
      rows,
      figures,
    },
  ];
}

/** The distribution section. */
export function distributionSection(
  data: PeriodicReportData,
  state: BuildState,
  words: PeriodWords,
): ReportSection {
  if (data.totals.value.total === 0) {
    return {
      key: 'distribution',
      title: '舆情分布',
      blocks: [{ kind: 'notice', text: `${words.current}无信息，无分布可列。` }],
    };
  }
  return {
    key: 'distribution',
    title: '舆情分布',
    blocks: [
      ...platformBlocks(data, state),
      ...regionBlocks(data, state),
      ...categoryBlocks(data, state, words),
    ],
  };
}
