/**
 * The import job (`fengxiang import FILE`): one straight-line orchestrator.
 * open the reader → find or create the unit's import source → read rows in batches → normalise, dedup and
 * store each batch in one transaction → report progress → summary. Every batch that was stored stays stored
 * if the process dies; running the same import again stores nothing twice (dedup by platform id, URL and
 * content hash), so an interrupted import is finished by running it again.
 */
import type { Source } from '../domain/entities.js';
import type { Clock } from '../platform/clock.js';
import {
  readImportFile,
  type ImportFormat,
  type ImportOptions,
  type ImportRow,
} from '../sources/import/index.js';
import type { RawItem } from '../domain/collection.js';
import { acceptItems, type AcceptDeps } from './collect/accept.js';

/** Rows stored per transaction. */
export const IMPORT_BATCH = 1000;
/** Rejections listed one by one in the summary; the rest are only counted. */
export const MAX_LISTED_REJECTIONS = 100;

/** What to import, into which unit. */
export interface ImportRequest extends ImportOptions {
  path: string;
  unitId: string;
  /** The import source's name; by default one per format and platform, e.g. `导入 mediacrawler`. */
  sourceName?: string;
}

/** Counts so far, for progress and the final summary. */
export interface ImportCounts {
  read: number;
  inserted: number;
  updated: number;
  duplicates: number;
  rejected: number;
  bytesRead: number;
  totalBytes: number;
}

/** The result of an import. */
export interface ImportSummary extends ImportCounts {
  format: ImportFormat;
  sourceId: string;
  /** The first rejections with their line numbers. */
  rejections: { line: number; reason: string }[];
  durationMs: number;
}

/** Imports one file; `onProgress` is called after every batch. */
export async function importFile(
  deps: AcceptDeps & { clock: Clock },
  request: ImportRequest,
  onProgress: (counts: ImportCounts) => void = () => undefined,
): Promise<ImportSummary> {
  const startedAt = deps.clock.now();
  const reader = readImportFile(request.path, request);
  const format = await reader.format();
  const source = await importSource(deps, request, format);
  const counts: ImportCounts = {
    read: 0,
    inserted: 0,
    updated: 0,
    duplicates: 0,
    rejected: 0,
    bytesRead: 0,
    totalBytes: 0,
  };
  const rejections: ImportSummary['rejections'] = [];
  let batch: ImportRow[] = [];
  const flush = async (): Promise<void> => {
    await storeBatch(deps, source, batch, counts, rejections);
    batch = [];
    Object.assign(counts, reader.progress());
    onProgress({ ...counts });
  };
  for await (const row of reader) {
    counts.read += 1;
    batch.push(row);
    if (batch.length >= IMPORT_BATCH) await flush();
  }
  await flush();
  return { ...counts, format, sourceId: source.id, rejections, durationMs: deps.clock.now() - startedAt };
}

async function storeBatch(
  deps: AcceptDeps & { clock: Clock },
  source: Source,
  rows: readonly ImportRow[],
  counts: ImportCounts,
  rejections: ImportSummary['rejections'],
): Promise<void> {
  if (rows.length === 0) return;
  const items: (RawItem | { rejected: string })[] = rows.map((row) =>
    row.item ? row.item : { rejected: row.error ?? 'unreadable row' },
  );
  const result = await acceptItems(deps, source, items, deps.clock.now());
  counts.inserted += result.inserted;
  counts.updated += result.updated;
  counts.duplicates += result.duplicates;
  counts.rejected += result.rejected;
  result.outcomes.forEach((outcome, index) => {
    if (outcome.status !== 'rejected' || rejections.length >= MAX_LISTED_REJECTIONS) return;
    const line = rows[index]?.line ?? 0;
    rejections.push({ line, reason: outcome.reason.replace(/^line \d+: /u, '') });
  });
}

/** The unit's import source of that name, created on first use. */
async function importSource(deps: AcceptDeps, request: ImportRequest, format: ImportFormat): Promise<Source> {
  const name = request.sourceName ?? `导入 ${format}${request.platform ? ` ${request.platform}` : ''}`;
  const scope = { unitIds: [request.unitId] };
  let cursor: string | null = null;
  do {
    const page = await deps.storage.sources.list(scope, { kind: 'import' }, { limit: 200, cursor });
    const found = page.items.find((source) => source.name === name);
    if (found) return found;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return deps.storage.sources.create({
    unitId: request.unitId,
    name,
    kind: 'import',
    platform: request.platform ?? null,
    enabled: true,
  });
}
