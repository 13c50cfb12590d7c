/**
 * Region (属地) accuracy: extractRegions over the project's own labelled dev set
 * (test/fixtures/regions/dev.jsonl, sentences written for this purpose, with hard cases), scored as
 * micro precision / recall / F1 at province, city and county level. The shipped gazetteer is checked
 * against `admin-divisions-cn` in `dataDir` so a stale model is reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegionRef } from '../../src/domain/index.js';
import { extractRegions, loadGazetteer } from '../../src/analysis/regions/index.js';

const DEV_SET = join(import.meta.dirname, '../../test/fixtures/regions/dev.jsonl');
const LEVELS = ['province', 'city', 'county'] as const;

/** Precision, recall and F1 at one level. */
export interface LevelScore {
  level: (typeof LEVELS)[number];
  truePositives: number;
  predicted: number;
  expected: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The region evaluation result. */
export interface RegionsResult {
  sentences: number;
  /** Sentences whose whole region list was right. */
  exact: number;
  levels: LevelScore[];
  /** Counties in the data that the shipped gazetteer lacks, or null when the data was not found. */
  missingCounties: number | null;
  /** Up to ten wrong sentences, for the report. */
  errors: { text: string; expected: string[]; got: string[] }[];
}

function pathOf(ref: RegionRef): string {
  return `${ref.province ?? ''}/${ref.city ?? ''}/${ref.county ?? ''}`;
}

/** The units a region list is scored by at a level: `江苏省`, `江苏省/苏州市`, `江苏省/苏州市/昆山市`. */
function unitsAt(paths: readonly string[], depth: number): Set<string> {
  const units = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/').slice(0, depth + 1);
    if (parts[depth] !== undefined && parts[depth] !== '') units.add(parts.join('/'));
  }
  return units;
}

function score(level: LevelScore['level'], tp: number, predicted: number, expected: number): LevelScore {
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = expected === 0 ? 1 : tp / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { level, truePositives: tp, predicted, expected, precision, recall, f1 };
}

function missingCounties(dataDir: string, known: ReadonlySet<string>): number | null {
  const areas = join(dataDir, 'admin-divisions-cn/areas.csv');
  if (!existsSync(areas)) return null;
  const codes = readFileSync(areas, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0] ?? '');
  return codes.filter((code) => !known.has(code)).length;
}

/** Runs the evaluation; `dataDir` is ../shared/data. */
export function evaluateRegions(dataDir: string): RegionsResult {
  const gazetteer = loadGazetteer();
  const rows = readFileSync(DEV_SET, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { text: string; regions: string[] });
  const counts = LEVELS.map(() => ({ tp: 0, predicted: 0, expected: 0 }));
  const errors: RegionsResult['errors'] = [];
  let exact = 0;
  for (const row of rows) {
    const got = extractRegions(row.text, gazetteer).map(pathOf);
    const same = got.length === row.regions.length && got.every((path) => row.regions.includes(path));
    if (same) exact += 1;
    else if (errors.length < 10) errors.push({ text: row.text, expected: row.regions, got });
    LEVELS.forEach((_, depth) => {
      const want = unitsAt(row.regions, depth);
      const have = unitsAt(got, depth);
      const count = counts[depth];
      if (count === undefined) return;
      count.expected += want.size;
      count.predicted += have.size;
      for (const unit of have) if (want.has(unit)) count.tp += 1;
    });
  }
  return {
    sentences: rows.length,
    exact,
    levels: LEVELS.map((level, i) =>
      score(level, counts[i]?.tp ?? 0, counts[i]?.predicted ?? 0, counts[i]?.expected ?? 0),
    ),
    missingCounties: missingCounties(dataDir, new Set(gazetteer.code)),
    errors,
  };
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** Markdown lines for docs/quality.md. */
export function renderRegions(result: RegionsResult): string[] {
  const freshness =
    result.missingCounties === null
      ? 'The shipped gazetteer was not compared with admin-divisions-cn (data not found).'
      : `${result.missingCounties} county codes of admin-divisions-cn are not places of their own in the shipped gazetteer (4 when it is current: 东莞市, 中山市, 儋州市 and 嘉峪关市 have no counties and their single county row is the city itself).`;
  return [
    '## Regions (属地)',
    '',
    `Data: \`test/fixtures/regions/dev.jsonl\`, ${result.sentences} sentences written for this project (news,`,
    'posts and complaints, with look-alikes, shared district names, nicknames and abbreviations). A unit is a',
    'province, a province/city or a province/city/county named by a sentence; scores are micro-averaged.',
    `${result.exact} of ${result.sentences} sentences (${percent(result.exact / Math.max(result.sentences, 1))}) get exactly the expected list. ${freshness}`,
    '',
    '| level | expected | predicted | correct | precision | recall | F1 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...result.levels.map(
      (s) =>
        `| ${s.level} | ${s.expected} | ${s.predicted} | ${s.truePositives} | ${percent(s.precision)} | ${percent(s.recall)} | ${percent(s.f1)} |`,
    ),
    '',
    ...(result.errors.length === 0
      ? []
      : [
          'Some misses:',
          '',
          ...result.errors.map(
            (e) =>
              `- ${e.text} — expected ${e.expected.join('; ') || '(none)'}, got ${e.got.join('; ') || '(none)'}`,
          ),
          '',
        ]),
  ];
}
