/**
 * Issue 7, done-when: every report type generated from a seeded database and rendered. The PDF's text
 * (pdftotext) and the DOCX's text (its document.xml) hold every section title and the printed figures, and the
 * figures equal counts queried directly from the database with SQL written here. A period without records
 * says so plainly and draws no chart.
 */
import JSZip from 'jszip';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument, ReportPeriod, ReportType } from '../../src/domain/index.js';
import { generateReportDocument } from '../../src/reports/generate.js';
import { customPeriod, periodOf } from '../../src/reports/periods.js';
import { formatFigure, renderReport } from '../../src/reports/render/index.js';
import type { Database } from '../../src/storage/schema.js';
import { createRepositories, type Repositories } from '../../src/storage/storage.js';
import { databaseTargets } from '../helpers/databases.js';
import { openTestDatabase, type TestDatabase } from '../storage/fixtures.js';
import { rawCount } from '../storage/report-data/raw.js';
import { FROM, seed, TO, type Seeded } from '../storage/report-data/seed.js';
import { pdfText, popplerAvailable } from './render/poppler.js';

const sqlite = databaseTargets.find((target) => target.name === 'sqlite');
const ZONE = 'UTC';
const SETTINGS = { timeZone: ZONE, dailyCutoff: '00:00', weekStartsOn: 1 };

/** Text without any whitespace, so that wrapped lines and layout spaces do not split a number. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}

/** Every figure a paragraph prints (tables and charts print them in cells and labels instead). */
function printedFigures(document: ReportDocument): string[] {
  const keys = new Set<string>();
  for (const section of document.sections) {
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') block.figures.forEach((key) => keys.add(key));
    }
  }
  return [...keys].filter((key) => document.figures[key] !== undefined);
}

describe.skipIf(sqlite === undefined)('reports generated from a seeded database', () => {
  let test: TestDatabase;
  let db: Kysely<Database>;
  let repos: Repositories;
  let s: Seeded;

  async function generate(type: ReportType, period: ReportPeriod, eventId: string | null = null) {
    return generateReportDocument(
      {
        data: repos.reportData,
        countIssued: (scope, from, to) => repos.reports.countIssued(scope, from, to),
      },
      { type, unit: { id: s.unitA, name: '姑苏区委网信办' }, unitIds: [s.unitA], period, eventId, now: TO },
    );
  }

  const items = (where: ReturnType<typeof sql>, from = FROM, to = TO) =>
    rawCount(
      db,
      sql<{
        n: unknown;
      }>`select count(*) as n from items where unit_id = ${s.unitA} and published_at >= ${from} and published_at < ${to} and ${where}`,
    );

  beforeAll(async () => {
    if (!sqlite) return;
    test = await openTestDatabase(sqlite);
    db = test.handle.db;
    repos = createRepositories(db, test.handle.dialect, test.clock);
    s = await seed(repos);
  }, 120_000);

  afterAll(async () => {
    await test?.close();
  });

  const cases: [ReportType, () => ReportPeriod, () => string | null][] = [
    ['daily', () => ({ from: FROM, to: TO, label: '2024年5月2日', timeZone: ZONE }), () => null],
    ['weekly', () => periodOf('weekly', '2024-05-02', SETTINGS), () => null],
    ['monthly', () => periodOf('monthly', '2024-05-02', SETTINGS), () => null],
    ['special', () => ({ from: TO, to: TO, label: '', timeZone: ZONE }), () => s.eventId],
    ['work_summary', () => customPeriod('2024-01-01', '2024-12-31', ZONE), () => null],
  ];

  describe.each(cases)('%s report', (type, period, eventId) => {
    let document: ReportDocument;
    let pdf: string;
    let docx: string;

    beforeAll(async () => {
      document = (await generate(type, period(), eventId())).document;
      docx = await docxText((await renderReport(document, 'docx')).bytes);
      pdf = popplerAvailable ? pdfText((await renderReport(document, 'pdf')).bytes) : '';
    }, 60_000);

    it('prints every section title in the DOCX and the PDF', () => {
      expect(document.sections.length).toBeGreaterThanOrEqual(6);
      for (const section of document.sections) {
        expect(squeeze(docx)).toContain(squeeze(section.title));
        if (popplerAvailable) expect(squeeze(pdf)).toContain(squeeze(section.title));
      }
    });

    it('prints the figures of its paragraphs in both files', () => {
      const keys = printedFigures(document);
      expect(keys.length).toBeGreaterThan(3);
      for (const key of keys) {
        const printed = formatFigure(document.figures[key] ?? { value: null, format: 'count' });
        expect(squeeze(docx), key).toContain(printed);
        if (popplerAvailable) expect(squeeze(pdf), key).toContain(printed);
      }
    });

    it('traces every figure to a query', () => {
      for (const figure of Object.values(document.figures)) {
        expect(figure.trace.length, figure.key).toBeGreaterThan(0);
        expect(figure.trace[0]?.sql, figure.key).toMatch(/select/i);
      }
    });
  });

  it('counts the daily figures as the database does', async () => {
    const { document } = await generate('daily', { from: FROM, to: TO, label: '', timeZone: ZONE });
    const value = (key: string) => document.figures[key]?.value;
    expect(value('items.total')).toBe(await items(sql`1 = 1`));
    expect(value('items.negative')).toBe(await items(sql`sentiment = 'negative'`));
    expect(value('items.positive')).toBe(await items(sql`sentiment = 'positive'`));
    expect(value('items.neutral')).toBe(await items(sql`sentiment = 'neutral'`));
    expect(value('items.previous_total')).toBe(await items(sql`1 = 1`, FROM - (TO - FROM), FROM));
    expect(value('negative.count')).toBe(await items(sql`sentiment = 'negative'`));
    expect(value('alerts.raised')).toBe(
      await rawCount(
        db,
        sql<{
          n: unknown;
        }>`select count(*) as n from alerts where unit_id = ${s.unitA} and created_at >= ${FROM} and created_at < ${TO}`,
      ),
    );
    expect(value('items.total')).toBeGreaterThan(0);
  });

  it('counts the work-summary figures as the database does', async () => {
    const period = customPeriod('2024-01-01', '2024-12-31', ZONE);
    const { document } = await generate('work_summary', period);
    const count = (query: ReturnType<typeof sql<{ n: unknown }>>) => rawCount(db, query);
    expect(document.figures['items.total']?.value).toBe(await items(sql`1 = 1`, period.from, period.to));
    expect(document.figures['sources']?.value).toBe(
      await count(sql`select count(*) as n from sources where unit_id = ${s.unitA} and enabled = ${1}`),
    );
    expect(document.figures['alerts.raised']?.value).toBe(
      await count(
        sql`select count(*) as n from alerts where unit_id = ${s.unitA} and created_at >= ${period.from} and created_at < ${period.to}`,
      ),
    );
    expect(document.figures['clues.transferred']?.value).toBe(
      await count(
        sql`select count(*) as n from clues where unit_id = ${s.unitA} and transferred_at >= ${period.from} and transferred_at < ${period.to}`,
      ),
    );
  });

  it('says plainly that a period holds nothing, and draws no chart', async () => {
    const period = {
      from: Date.UTC(2020, 0, 1),
      to: Date.UTC(2020, 0, 2),
      label: '2020年1月1日',
      timeZone: ZONE,
    };
    const { document } = await generate('daily', period);
    expect(document.empty).toBe(true);
    const blocks = document.sections.flatMap((section) => section.blocks);
    expect(blocks.some((block) => block.kind === 'chart')).toBe(false);
    const text = await docxText((await renderReport(document, 'docx')).bytes);
    expect(text).toContain('本期未监测到相关信息');
    if (popplerAvailable) {
      expect(squeeze(pdfText((await renderReport(document, 'pdf')).bytes))).toContain('本期未监测到相关信息');
    }
  });
});
