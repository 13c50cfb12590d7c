/** The table both insert benchmarks print: the repository beside its raw baseline, with the ratio. */
import { formatCount, formatRatio, type Table } from '../support/report.js';
import type { InsertFigures } from './insert-measure.js';

/** One measured path and what it is. */
export interface InsertRow {
  path: string;
  figures: InsertFigures;
  sizeMiB: number | null;
}

/** The repository row first, the baseline second; ratio = repository items/s ÷ baseline items/s. */
export function insertTable(repository: InsertRow, baseline: InsertRow): Table {
  const ratio = repository.figures.itemsPerSecond / baseline.figures.itemsPerSecond;
  const row = (r: InsertRow, ratioCell: string): string[] => [
    r.path,
    formatCount(r.figures.items),
    r.figures.seconds.toFixed(1),
    formatCount(r.figures.itemsPerSecond),
    ratioCell,
    formatCount(r.figures.peakRssMiB),
    r.sizeMiB === null ? '–' : formatCount(r.sizeMiB),
  ];
  return {
    headers: [
      'path',
      'items',
      'seconds',
      'items/s',
      'ratio to baseline',
      'peak RSS (MiB)',
      'database size (MiB)',
    ],
    rows: [row(repository, formatRatio(ratio)), row(baseline, '1.00× (baseline)')],
  };
}
