/**
 * Generating a report document (issue 7): read the data through the port, build the document with the
 * unit's template. Returns the snapshot with it so that the stored report can show what it was built from.
 */
import { readModelJson } from '../analysis/categories/index.js';
import { parseTaxonomyFile } from '../analysis/categories/taxonomy.js';
import type {
  ReportData,
  ReportDocument,
  ReportPeriod,
  ReportTemplate,
  ReportType,
} from '../domain/index.js';
import { buildReport } from './build/index.js';
import { gatherReportData, type GatherSources } from './gather.js';
import { clockTime, monthDay } from './build/text.js';

/** What to generate. */
export interface GenerateDocumentRequest {
  type: ReportType;
  unit: { id: string; name: string };
  /** The unit and the units below it. */
  unitIds: readonly string[] | null;
  /** The period; a special report covers its event's span up to `now` instead. */
  period: ReportPeriod;
  eventId?: string | null;
  template?: ReportTemplate | null;
  now: number;
}

let categoryNames: Readonly<Record<string, string>> | null = null;

/** Chinese names of the built-in category keys, read once. */
function builtInCategoryNames(): Readonly<Record<string, string>> {
  categoryNames ??= Object.fromEntries(
    Object.entries(
      parseTaxonomyFile(readModelJson('categories', 'taxonomy.json'), 'taxonomy.json').categories,
    ).map(([key, category]) => [key, category.zh]),
  );
  return categoryNames;
}

function specialPeriod(data: ReportData, period: ReportPeriod, now: number): ReportPeriod {
  if (data.type !== 'special') return period;
  const from = data.dossier.value.event.firstPublishedAt;
  const zone = period.timeZone;
  return {
    from,
    to: now,
    label: `${monthDay(from, zone)}${clockTime(from, zone)}至${monthDay(now, zone)}${clockTime(now, zone)}`,
    timeZone: zone,
  };
}

/** Reads the data and builds the document of one report. */
export async function generateReportDocument(
  sources: GatherSources,
  request: GenerateDocumentRequest,
): Promise<{ document: ReportDocument; snapshot: ReportData }> {
  const snapshot = await gatherReportData(sources, {
    type: request.type,
    unitIds: request.unitIds,
    period: request.period,
    eventId: request.eventId ?? null,
  });
  const period = specialPeriod(snapshot, request.period, request.now);
  const document = buildReport(
    snapshot,
    { unitName: request.unit.name, period, generatedAt: request.now, categoryNames: builtInCategoryNames() },
    request.template,
  );
  return { document, snapshot };
}
