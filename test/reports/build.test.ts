/**
 * The pure report builders: each report type from a hand-built snapshot. Every figure a block names exists
 * with a trace, every printed number of the overview matches the snapshot, empty periods say so instead of
 * drawing charts, the special report's summary stays within 200 characters, and templates reorder, drop
 * and retitle sections.
 */
import { describe, expect, it } from 'vitest';
import type { ReportBlock, ReportDocument } from '../../src/domain/index.js';
import { buildReport, SECTION_KEYS } from '../../src/reports/build/index.js';
import { AppError } from '../../src/platform/errors.js';
import { formatFigure } from '../../src/reports/render/format.js';
import { dailyData, emptyDailyData, PERIOD, specialData, workSummaryData } from './data-fixtures.js';

const CONTEXT = {
  unitName: '某区委网信办',
  period: PERIOD,
  generatedAt: PERIOD.to,
  categoryNames: { housing: '住房', education: '教育', corruption: '腐败', public_safety: '公共安全' },
};

function blocks(document: ReportDocument): ReportBlock[] {
  return document.sections.flatMap((section) => section.blocks);
}

function text(document: ReportDocument): string {
  return blocks(document)
    .map((block) =>
      'text' in block && typeof block.text === 'string'
        ? block.text
        : 'items' in block
          ? block.items.join('\n')
          : '',
    )
    .join('\n');
}

function expectFiguresTraced(document: ReportDocument): void {
  for (const block of blocks(document)) {
    if (!('figures' in block)) continue;
    for (const key of block.figures) {
      const figure = document.figures[key];
      expect(figure, `figure ${key}`).toBeDefined();
      expect(figure?.trace.length, `trace of ${key}`).toBeGreaterThan(0);
    }
  }
}

describe('daily report', () => {
  const document = buildReport(dailyData(), CONTEXT);

  it('has the built-in sections in order', () => {
    expect(document.sections.map((s) => s.key)).toEqual(SECTION_KEYS.daily);
    expect(document.title).toBe('网络舆情日报');
    expect(document.empty).toBe(false);
  });

  it('prints the snapshot figures in the overview, with the change on the day before', () => {
    const overview = text(document);
    expect(overview).toContain('共监测到相关网络信息1,236条');
    expect(overview).toContain('较前一日增加136条（12.4%）');
    expect(overview).toContain('负面信息318条，负面占比25.7%');
    expect(document.figures['items.total']?.value).toBe(1236);
    expect(document.figures['items.negative_share']?.value).toBeCloseTo(318 / 1236);
  });

  it('names every figure it prints, each with its query', () => {
    expectFiguresTraced(document);
    expect(document.figures['items.total']?.trace[0]?.sql).toContain('totals');
  });

  it('describes top events with their figures and representative opinions', () => {
    const events = document.sections.find((s) => s.key === 'top_events');
    const all = JSON.stringify(events);
    expect(all).toContain('本期相关信息340条（其中负面210条）');
    expect(all).toContain('代表性观点');
    expect(all).toContain('发酵');
  });

  it('reports alerts by level and status, and open cases with overdue first', () => {
    const handling = JSON.stringify(document.sections.find((s) => s.key === 'handling'));
    expect(handling).toContain('共发出预警5条，其中红色预警1条');
    expect(handling).toContain('超期1件');
    expect(handling).toContain('已超期');
  });

  it('watches growing events and rising topics tomorrow, and leaves room for the officer', () => {
    const outlook = document.sections.find((s) => s.key === 'outlook');
    const all = JSON.stringify(outlook);
    expect(outlook?.title).toBe('明日关注');
    expect(all).toContain('“住房”类信息较前一日增加180条');
    expect(all).not.toContain('“教育”类');
    expect(outlook?.blocks.some((b) => b.kind === 'placeholder')).toBe(true);
  });

  it('draws the volume curve, sentiment mix, sources and regions', () => {
    const charts = blocks(document).filter((b) => b.kind === 'chart');
    expect(charts.map((c) => (c.kind === 'chart' ? c.title : ''))).toEqual([
      '信息量走势',
      '情感倾向分布',
      '信息来源分布',
      '涉及地域排行',
    ]);
  });
});

describe('printed numbers', () => {
  it('print in the text exactly as every renderer prints the figure', () => {
    const data = dailyData();
    data.events.value = data.events.value.map((event, index) =>
      index === 0 ? { ...event, heat: 76.437 } : event,
    );
    const document = buildReport(data, CONTEXT);
    const heat = document.figures['events.1.heat'];
    expect(heat?.value).toBe(76.437);
    expect(text(document)).toContain(`热度${formatFigure(heat ?? { value: null, format: 'number' })}，`);
    expect(text(document)).toContain('热度76.44，');
  });
});

describe('a period with no records', () => {
  const document = buildReport(emptyDailyData(), CONTEXT);

  it('says so plainly and draws no chart', () => {
    expect(document.empty).toBe(true);
    expect(blocks(document).some((b) => b.kind === 'chart')).toBe(false);
    expect(text(document)).toContain('本期未监测到相关信息');
    expect(text(document)).toContain('未发出预警');
    expectFiguresTraced(document);
  });
});

describe('weekly and monthly reports', () => {
  it('use the words of their period', () => {
    const weekly = buildReport({ ...dailyData(), type: 'weekly', bucketMs: 86_400_000 }, CONTEXT);
    expect(weekly.title).toBe('网络舆情周报');
    expect(text(weekly)).toContain('较上周增加');
    expect(weekly.sections.at(-1)?.title).toBe('下周关注');
    const monthly = buildReport({ ...dailyData(), type: 'monthly', bucketMs: 86_400_000 }, CONTEXT);
    expect(text(monthly)).toContain('较上月增加');
    const ranking = blocks(monthly).find((b) => b.kind === 'table' && b.caption.startsWith('事件排行'));
    expect(ranking?.kind === 'table' && ranking.rows.map((row) => row[0])).toEqual([1, 2]);
    const daily = buildReport(dailyData(), CONTEXT);
    expect(blocks(daily).some((b) => b.kind === 'table' && b.caption.startsWith('事件排行'))).toBe(false);
  });
});

describe('special report', () => {
  it('opens with a summary of at most 200 characters ending in a risk judgement', () => {
    const document = buildReport(specialData(), CONTEXT);
    const summary = document.sections[0]?.blocks[0];
    expect(summary?.kind).toBe('paragraph');
    const sentence = summary?.kind === 'paragraph' ? summary.text : '';
    expect(Array.from(sentence).length).toBeLessThanOrEqual(200);
    expect(sentence).toMatch(/风险研判：较高。.*存在进一步扩散升级的风险。$/);
    expect(document.sections.map((s) => s.key)).toEqual(SECTION_KEYS.special);
    expect(document.eventId).toBe('e1');
    expectFiguresTraced(document);
  });

  it('keeps the summary short for a very long event title', () => {
    const data = specialData();
    data.dossier.value.event.title = '长'.repeat(300);
    const document = buildReport(data, CONTEXT);
    const summary = document.sections[0]?.blocks[0];
    expect(summary?.kind === 'paragraph' && Array.from(summary.text).length <= 200).toBe(true);
  });

  it.each([
    [
      { heat: 20, stage: 'declining' as const, sentiment: { positive: 50, neutral: 400, negative: 62 } },
      0,
      '较低',
    ],
    [
      { heat: 45, stage: 'emerging' as const, sentiment: { positive: 50, neutral: 400, negative: 62 } },
      0,
      '中等',
    ],
    [
      { heat: 30, stage: 'peak' as const, sentiment: { positive: 0, neutral: 200, negative: 312 } },
      0,
      '较高',
    ],
    [
      { heat: 10, stage: 'declining' as const, sentiment: { positive: 50, neutral: 450, negative: 12 } },
      3,
      '中等',
    ],
  ])('grades risk %#', (event, media, grade) => {
    const base = specialData();
    const dossier = {
      ...base.dossier.value,
      event: { ...base.dossier.value.event, ...event },
      voiceCounts: { official: 0, media, public: 100 },
    };
    const document = buildReport(specialData(dossier), CONTEXT);
    expect(text(document)).toContain(`风险研判：${grade}`);
  });
});

describe('work summary', () => {
  const document = buildReport(workSummaryData(), CONTEXT);

  it('fills every figure from the records and leaves the narrative to staff', () => {
    const all = text(document);
    expect(all).toContain('累计采集相关网络信息480,000条');
    expect(all).toContain('报送舆情信息40篇，被采用22篇，采用率55.0%，获领导批示6次');
    expect(all).toContain('成案率66.7%');
    expect(all).toContain('编发舆情报告251期');
    const placeholders = blocks(document).filter((b) => b.kind === 'placeholder');
    expect(placeholders.length).toBeGreaterThanOrEqual(9);
    expect(new Set(placeholders.map((p) => (p.kind === 'placeholder' ? p.id : ''))).size).toBe(
      placeholders.length,
    );
    expectFiguresTraced(document);
  });
});

describe('templates', () => {
  it('reorder, drop and retitle sections and rename the report', () => {
    const document = buildReport(dailyData(), CONTEXT, {
      type: 'daily',
      title: '舆情日报',
      unitName: '某区网信办',
      sections: [{ key: 'negative', title: '负面舆情' }, { key: 'overview' }],
    });
    expect(document.title).toBe('舆情日报');
    expect(document.unitName).toBe('某区网信办');
    expect(document.sections.map((s) => [s.key, s.title])).toEqual([
      ['negative', '负面舆情'],
      ['overview', '舆情概况'],
    ]);
  });

  it('refuse a section the type does not have, naming it', () => {
    const build = () => buildReport(dailyData(), CONTEXT, { type: 'daily', sections: [{ key: 'overveiw' }] });
    expect(build).toThrow(AppError);
    expect(build).toThrow(/sections\[0\]\.key "overveiw"/);
  });
});
