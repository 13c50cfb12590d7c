/**
 * Appeal detection accuracy on our own labelled dev set (test/fixtures/appeal/dev.jsonl, written for this
 * project): citizens' appeals to many departments, and hard negatives — journalists' and third-person
 * reports of the same problems, thank-you notes, policy questions, announcements, venting without a
 * request. Precision, recall and F1 of the appeal flag; department accuracy on the true appeals the
 * detector also flags.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectAppeal, loadAppealModel, type AppealModel } from '../../src/analysis/appeal/index.js';

/** Scores of one labelled set. */
export interface AppealSetScore {
  texts: number;
  appeals: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  f1: number;
  departmentTotal: number;
  departmentCorrect: number;
  departmentAccuracy: number;
}

/** Everything the appeal section of docs/quality.md shows. */
export interface AppealEvalResult {
  dev: AppealSetScore;
  check: AppealSetScore;
}

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/appeal');

interface Row {
  text: string;
  appeal: boolean;
  department: string | null;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function scoreSet(path: string, model: AppealModel): AppealSetScore {
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
  let tp = 0;
  let fp = 0;
  let departmentCorrect = 0;
  for (const row of rows) {
    const result = detectAppeal(row.text, model);
    if (!result.appeal) continue;
    if (!row.appeal) {
      fp++;
      continue;
    }
    tp++;
    if (result.department === row.department) departmentCorrect++;
  }
  const appeals = rows.filter((row) => row.appeal).length;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, appeals);
  return {
    texts: rows.length,
    appeals,
    truePositives: tp,
    falsePositives: fp,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    departmentTotal: tp,
    departmentCorrect,
    departmentAccuracy: ratio(departmentCorrect, tp),
  };
}

/**
 * Measures the shipped appeal lexicon on our two sets. `dataDir` is accepted like every eval step's; the
 * sets live in the repository because ../shared/data has no labelled appeals.
 */
export function evaluateAppeal(dataDir: string): AppealEvalResult {
  void dataDir;
  const model = loadAppealModel();
  return {
    dev: scoreSet(join(FIXTURES, 'dev.jsonl'), model),
    check: scoreSet(join(FIXTURES, 'check.jsonl'), model),
  };
}

function row(name: string, r: AppealSetScore): string {
  return `| ${name} | ${r.texts} | ${r.appeals} | ${percent(r.precision)} | ${percent(r.recall)} | ${percent(r.f1)} | ${percent(r.departmentAccuracy)} (${r.departmentCorrect}/${r.departmentTotal}) |`;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** The appeal section of docs/quality.md. */
export function renderAppeal(result: AppealEvalResult): string[] {
  return [
    '## Appeal detection (诉求识别)',
    '',
    'Data: our own labelled sets, written for this project: appeals to eleven departments and hard negatives',
    '(journalists’ and third-person reports of the same problems, thank-you notes, policy questions, official',
    'announcements, venting without a request). The lexicon (`models/appeal/lexicon.json`) was adjusted after',
    'reading the errors on `dev.jsonl`, so its figures are optimistic; `check.jsonl` was written afterwards and',
    'never used to adjust anything. Department accuracy is over true appeals that were detected.',
    '',
    '| set | texts | appeals | precision | recall | F1 | department accuracy |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('test/fixtures/appeal/dev.jsonl', result.dev),
    row('test/fixtures/appeal/check.jsonl', result.check),
    '',
  ];
}
