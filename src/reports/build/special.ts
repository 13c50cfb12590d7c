/**
 * The special report (专报) on one event: a summary of at most 200 characters ending in a one-sentence risk
 * judgement; origin and key spreaders; volume trend and platform mix; the views of officials, media and the
 * public; assessment; suggested handling.
 */
import type {
  EventDossier,
  ItemBrief,
  ReportBlock,
  ReportSection,
  SpecialReportData,
} from '../../domain/index.js';
import type { BuildState } from './context.js';
import { ratio } from './figures.js';
import { platformName, TIER_NAMES } from './names.js';
import { riskGrade, riskSentence, suggestions } from './risk.js';
import { clip, clockTime, monthDay, monthDayTime, quoteItem } from './text.js';

/** The longest summary a special report prints (characters). */
export const SUMMARY_MAX = 200;

function registerEventFigures(data: SpecialReportData, state: BuildState): void {
  const { book } = state;
  const { dossier } = data;
  const { event } = dossier.value;
  book.count('event.items', '事件信息总量', dossier, (d) => d.event.itemCount);
  book.count('event.negative', '事件负面信息', dossier, (d) => d.event.sentiment.negative);
  book.add(
    'event.negative_share',
    '事件负面信息占比',
    ratio(event.sentiment.negative, event.itemCount),
    'percent',
    dossier.trace,
  );
  book.add('event.heat', '事件热度', event.heat, 'number', dossier.trace);
  book.count('event.platforms', '涉及平台数', dossier, (d) => d.platformMix.length);
  book.count('voices.official', '政务机构发布信息', dossier, (d) => d.voiceCounts.official);
  book.count('voices.media', '媒体发布信息', dossier, (d) => d.voiceCounts.media);
  book.count('voices.public', '网民发布信息', dossier, (d) => d.voiceCounts.public);
}

function summarySection(dossier: EventDossier, state: BuildState): ReportSection {
  const { book } = state;
  const { event } = dossier;
  const zone = state.period.timeZone;
  const where = dossier.origin ? `${platformName(dossier.origin.platform)}` : '网络';
  const risk = riskSentence(riskGrade(dossier), dossier, {
    negativeShare: book.print('event.negative_share'),
    heat: book.print('event.heat'),
  });
  const facts =
    `${monthDayTime(event.firstPublishedAt, zone)}起，${where}出现“${clip(event.title, 40)}”相关信息。` +
    `截至${monthDay(state.generatedAt, zone)}${clockTime(state.generatedAt, zone)}，共监测到相关信息${book.print('event.items')}条，` +
    `涉及${book.print('event.platforms')}个平台，其中负面信息${book.print('event.negative')}条。`;
  const room = SUMMARY_MAX - Array.from(risk).length;
  return {
    key: 'summary',
    title: '内容摘要',
    blocks: [
      {
        kind: 'paragraph',
        text: `${clip(facts, room)}${risk}`,
        figures: ['event.items', 'event.platforms', 'event.negative', 'event.negative_share', 'event.heat'],
        emphasis: true,
      },
    ],
  };
}

function originSection(data: SpecialReportData, state: BuildState): ReportSection {
  const dossier = data.dossier.value;
  const blocks: ReportBlock[] = [];
  const origin = dossier.origin;
  blocks.push(
    origin
      ? {
          kind: 'paragraph',
          text: `首发信息：${monthDayTime(origin.publishedAt, state.period.timeZone)}，${quoteItem(origin, 120)}${origin.url ? `（${origin.url}）` : ''}`,
          figures: [],
        }
      : { kind: 'notice', text: '未能确定首发信息。' },
  );
  if (dossier.spreaders.length === 0) {
    blocks.push({ kind: 'notice', text: '暂无可识别的关键传播节点。' });
  } else {
    const figure = state.book.count(
      'event.spreaders',
      '关键传播节点数',
      data.dossier,
      (d) => d.spreaders.length,
    );
    blocks.push({
      kind: 'table',
      caption: '关键传播节点（按互动量排序）',
      columns: [
        { title: '账号', width: 3 },
        { title: '平台', width: 2 },
        { title: '类型', width: 2 },
        { title: '发布条数', align: 'right', width: 1.5 },
        { title: '互动量', align: 'right', width: 1.5 },
      ],
      rows: dossier.spreaders.map((s) => [
        s.name,
        platformName(s.platform),
        s.tier ? TIER_NAMES[s.tier] : '网民',
        s.items,
        s.engagement,
      ]),
      figures: [figure],
    });
  }
  return { key: 'origin', title: '事件起源与关键传播节点', blocks };
}

function trendSection(data: SpecialReportData, state: BuildState): ReportSection {
  const dossier = data.dossier.value;
  const zone = state.period.timeZone;
  const hourly =
    dossier.volume.length > 1 && (dossier.volume[1]?.from ?? 0) - (dossier.volume[0]?.from ?? 0) < 86_400_000;
  const figure = state.book.count('event.volume', '事件走势时段数', data.dossier, (d) => d.volume.length);
  const blocks: ReportBlock[] = [];
  if (dossier.volume.every((bucket) => bucket.total === 0)) {
    blocks.push({ kind: 'notice', text: '暂无走势数据。' });
  } else {
    blocks.push({
      kind: 'chart',
      chart: 'line',
      title: '信息量走势',
      categories: dossier.volume.map((b) =>
        hourly ? `${monthDay(b.from, zone)} ${clockTime(b.from, zone)}` : monthDay(b.from, zone),
      ),
      series: [
        { name: '全部信息', values: dossier.volume.map((b) => b.total) },
        { name: '负面信息', values: dossier.volume.map((b) => b.negative) },
      ],
      figures: [figure],
    });
  }
  if (dossier.platformMix.length > 0) {
    const keys = dossier.platformMix.map((row) =>
      state.book.add(
        `event.platform.${row.name}`,
        `${platformName(row.name)}信息量`,
        row.count,
        'count',
        data.dossier.trace,
      ),
    );
    blocks.push({
      kind: 'chart',
      chart: 'pie',
      title: '平台分布',
      categories: dossier.platformMix.map((row) => platformName(row.name)),
      series: [{ name: '信息量', values: dossier.platformMix.map((row) => row.count) }],
      figures: keys,
    });
  }
  return { key: 'trend', title: '传播态势', blocks };
}

function voiceBlocks(
  title: string,
  key: 'official' | 'media' | 'public',
  items: ItemBrief[],
  state: BuildState,
): ReportBlock[] {
  const head: ReportBlock = {
    kind: 'paragraph',
    text: `${title}：共${state.book.print(`voices.${key}`)}条。`,
    figures: [`voices.${key}`],
    emphasis: true,
  };
  if (items.length === 0) return [head];
  return [head, { kind: 'list', items: items.map((item) => quoteItem(item, 100)), figures: [] }];
}

function viewsSection(dossier: EventDossier, state: BuildState): ReportSection {
  return {
    key: 'views',
    title: '各方观点',
    blocks: [
      ...voiceBlocks('官方声音', 'official', dossier.voices.official, state),
      ...voiceBlocks('媒体观点', 'media', dossier.voices.media, state),
      ...voiceBlocks('网民观点', 'public', dossier.voices.public, state),
    ],
  };
}

function assessmentSection(dossier: EventDossier, state: BuildState): ReportSection {
  const { book } = state;
  const media =
    dossier.voiceCounts.media > 0
      ? `已有媒体发布相关信息${book.print('voices.media')}条，`
      : '暂无媒体跟进报道，';
  const official =
    dossier.voiceCounts.official > 0
      ? `政务机构已发布信息${book.print('voices.official')}条。`
      : '尚未见官方回应。';
  return {
    key: 'assessment',
    title: '研判分析',
    blocks: [
      { kind: 'paragraph', text: `${media}${official}`, figures: ['voices.media', 'voices.official'] },
      {
        kind: 'placeholder',
        id: 'assessment.analysis',
        prompt: '研判人员补充对事件性质、走势和可能衍生风险的分析',
        text: null,
      },
    ],
  };
}

function suggestionsSection(dossier: EventDossier): ReportSection {
  return {
    key: 'suggestions',
    title: '处置建议',
    blocks: [
      { kind: 'list', items: suggestions(riskGrade(dossier)), figures: [] },
      {
        kind: 'placeholder',
        id: 'suggestions.notes',
        prompt: '补充针对本事件的具体处置建议和责任单位',
        text: null,
      },
    ],
  };
}

/** The sections of a special report, in the built-in order. */
export function specialSections(data: SpecialReportData, state: BuildState): ReportSection[] {
  registerEventFigures(data, state);
  const dossier = data.dossier.value;
  return [
    summarySection(dossier, state),
    originSection(data, state),
    trendSection(data, state),
    viewsSection(dossier, state),
    assessmentSection(dossier, state),
    suggestionsSection(dossier),
  ];
}
