/**
 * Issuing a report: number it (期数) within its unit, type and the calendar year of the issue time, write
 * the issue line into the document, render every kept format with its SHA-256, and store it all in one
 * transaction. When another report took the number meanwhile (the unique index says CONFLICT) it takes the
 * next number, up to {@link ISSUE_ATTEMPTS} times.
 */
import type { ReportDocument, StoredReport } from '../../domain/index.js';
import { wallTimeAt } from '../../analysis/time/zone.js';
import { isAppError } from '../../platform/errors.js';
import { sha256Hex } from '../../platform/sha256.js';
import type { ReportFile } from '../../storage/repositories.js';
import { DEFAULT_ISSUE_FORMATS, type ReportReviewDeps } from './deps.js';

/** How many numbers an issue tries before giving up. */
export const ISSUE_ATTEMPTS = 5;

/** The issue line: "2026年第12期", or "舆情专报 2026年第12期" with a prefix. */
export function issueLabel(prefix: string | null | undefined, year: number, number: number): string {
  const lead = prefix?.trim() ?? '';
  const label = `${year}年第${number}期`;
  return lead === '' ? label : `${lead} ${label}`;
}

async function renderAll(
  deps: ReportReviewDeps,
  document: ReportDocument,
  at: number,
): Promise<Omit<ReportFile, 'reportId'>[]> {
  const files: Omit<ReportFile, 'reportId'>[] = [];
  for (const format of deps.formats ?? DEFAULT_ISSUE_FORMATS) {
    const file = await deps.render(document, format);
    files.push({ format, ...file, sha256: sha256Hex(file.bytes), createdAt: at });
  }
  return files;
}

function numberTaken(error: unknown): boolean {
  return isAppError(error) && error.code === 'CONFLICT' && error.details['reason'] === 'number_taken';
}

/** Numbers, renders and stores `report` as issued at `at` by `actorId`. */
export async function issueReport(
  deps: ReportReviewDeps,
  report: StoredReport,
  options: { actorId: string | null; issuePrefix?: string | null | undefined; at: number },
): Promise<StoredReport> {
  const year = wallTimeAt(options.at, deps.timeZone).year;
  let number = await deps.reports.nextIssueNumber(report.unitId, report.type, year);
  for (let attempt = 1; ; attempt += 1) {
    const document = { ...report.document, issueLabel: issueLabel(options.issuePrefix, year, number) };
    const files = await renderAll(deps, document, options.at);
    try {
      return await deps.reports.issue(report.id, {
        issuedBy: options.actorId,
        issuedAt: options.at,
        year,
        number,
        document,
        files,
      });
    } catch (error) {
      if (!numberTaken(error) || attempt >= ISSUE_ATTEMPTS) throw error;
      const next = await deps.reports.nextIssueNumber(report.unitId, report.type, year);
      number = Math.max(number + 1, next);
    }
  }
}
