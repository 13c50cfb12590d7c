/** 舆情概况: volume, sentiment and the change on the previous period, with the volume curve and sentiment mix. */
import type { PeriodicReportData, ReportBlock, ReportSection } from '../../domain/index.js';
import { ratio } from './figures.js';
import type { BuildState, PeriodWords } from './context.js';
import { SENTIMENT_NAMES } from './names.js';
import { changeWord, clockTime, monthDay } from './text.js';

function registerTotals(data: PeriodicReportData, state: BuildState): void {
  const { book } = state;
  const totals = data.totals;
  book.count('items.total', '监测信息总量', totals, (t) => t.total);
  book.count('items.positive', '正面信息', totals, (t) => t.positive);
  book.count('items.neutral', '中性信息', totals, (t) => t.neutral);
  book.count('items.negative', '负面信息', totals, (t) => t.negative);
  book.count('items.unlabelled', '未完成研判信息', totals, (t) => t.unlabelled);
  book.add(
    'items.negative_share',
    '负面信息占比',
    ratio(totals.value.negative, totals.value.total),
    'percent',
    totals.trace,
  );
  book.count('items.previous_total', '上期监测信息总量', data.previousTotals, (t) => t.total);
  const delta = totals.value.total - data.previousTotals.value.total;
  const both = [...totals.trace, ...data.previousTotals.trace];
  book.add('items.change', '信息量变化', Math.abs(delta), 'count', both);
  book.add(
    'items.change_rate',
    '信息量变化率',
    ratio(Math.abs(delta), data.previousTotals.value.total),
    'percent',
    both,
  );
}

function overviewText(data: PeriodicReportData, state: BuildState, words: PeriodWords): string {
  const { book } = state;
  const delta = data.totals.value.total - data.previousTotals.value.total;
  const change =
    delta === 0
      ? `与${words.previous}持平`
      : data.previousTotals.value.total === 0
        ? `${words.previous}为0条`
        : `较${words.previous}${changeWord(delta)}${book.print('items.change')}条（${book.print('items.change_rate')}）`;
  return (
    `${state.period.label}，共监测到相关网络信息${book.print('items.total')}条，${change}。` +
    `其中正面信息${book.print('items.positive')}条，中性信息${book.print('items.neutral')}条，` +
    `负面信息${book.print('items.negative')}条，负面占比${book.print('items.negative_share')}。`
  );
}

function peakText(data: PeriodicReportData, state: BuildState): string | null {
  const buckets = data.volume.value;
  let peak = buckets[0];
  for (const bucket of buckets) if (peak === undefined || bucket.total > peak.total) peak = bucket;
  if (peak === undefined || peak.total === 0) return null;
  state.book.add('volume.peak', '信息量峰值', peak.total, 'count', data.volume.trace);
  const when =
    data.bucketMs < 86_400_000
      ? `${monthDay(peak.from, state.period.timeZone)}${clockTime(peak.from, state.period.timeZone)}时段`
      : monthDay(peak.from, state.period.timeZone);
  return `信息量峰值出现在${when}，达${state.book.print('volume.peak')}条。`;
}

function volumeLabels(data: PeriodicReportData, state: BuildState): string[] {
  const zone = state.period.timeZone;
  return data.volume.value.map((bucket) =>
    data.bucketMs < 86_400_000 ? clockTime(bucket.from, zone) : monthDay(bucket.from, zone),
  );
}

/** The overview section. */
export function overviewSection(
  data: PeriodicReportData,
  state: BuildState,
  words: PeriodWords,
): ReportSection {
  registerTotals(data, state);
  const blocks: ReportBlock[] = [];
  const figures = [
    'items.total',
    'items.positive',
    'items.neutral',
    'items.negative',
    'items.negative_share',
  ];
  blocks.push({
    kind: 'paragraph',
    text: overviewText(data, state, words),
    figures: [...figures, 'items.change', 'items.change_rate'],
  });
  if (data.totals.value.total === 0) {
    blocks.push({ kind: 'notice', text: `${words.current}未监测到相关信息，无走势和情感分布可列。` });
    return { key: 'overview', title: '舆情概况', blocks };
  }
  const peak = peakText(data, state);
  if (peak !== null) blocks.push({ kind: 'paragraph', text: peak, figures: ['volume.peak'] });
  state.book.add('volume.series', '信息量走势', data.volume.value.length, 'count', data.volume.trace);
  blocks.push({
    kind: 'chart',
    chart: 'line',
    title: '信息量走势',
    categories: volumeLabels(data, state),
    series: [
      { name: '全部信息', values: data.volume.value.map((bucket) => bucket.total) },
      { name: '负面信息', values: data.volume.value.map((bucket) => bucket.negative) },
    ],
    figures: ['volume.series'],
  });
  const totals = data.totals.value;
  blocks.push({
    kind: 'chart',
    chart: 'pie',
    title: '情感倾向分布',
    categories: [SENTIMENT_NAMES.positive, SENTIMENT_NAMES.neutral, SENTIMENT_NAMES.negative],
    series: [{ name: '信息量', values: [totals.positive, totals.neutral, totals.negative] }],
    figures: ['items.positive', 'items.neutral', 'items.negative'],
  });
  return { key: 'overview', title: '舆情概况', blocks };
}
