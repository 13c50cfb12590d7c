import { readFileSync } from 'node:fs';
import type { Unit } from '../../domain/entities.js';
import { AppError } from '../../platform/errors.js';
import { importFile, type ImportCounts, type ImportSummary } from '../../pipeline/import.js';
import { IMPORT_FORMATS, type ColumnMapping, type ImportFormat } from '../../sources/import/index.js';
import { openRuntimeForCommand, readConfig } from '../compose.js';
import { unitOption } from '../units.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

/** `fengxiang import FILE`: reads a file of items into a unit, with progress on stderr and a summary on stdout. */
export const importCommand: Command = {
  summary: 'import items from JSONL, CSV, Excel, MediaCrawler or weibo-crawler files; shows progress',
  usage:
    'fengxiang import FILE [--format jsonl|csv|xlsx|mediacrawler|weibo-crawler] [--unit NAME|ID] [--platform P] [--source NAME] [--mapping JSON|@FILE] [--json] [--config FILE]',
  async run(args) {
    const { values, positionals } = parseOptions(
      'import',
      args,
      {
        config: { type: 'string' },
        format: { type: 'string' },
        unit: { type: 'string' },
        platform: { type: 'string' },
        source: { type: 'string' },
        mapping: { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    const path = positionals[0];
    if (path === undefined || positionals.length !== 1) {
      throw new AppError('VALIDATION_FAILED', `import: give exactly one FILE\nusage: ${this.usage}`);
    }
    const format = formatOption(values.format);
    const mapping = values.mapping === undefined ? undefined : mappingOption(values.mapping);
    const runtime = await openRuntimeForCommand(readConfig(values.config));
    try {
      const unit = await unitOption('import', runtime.storage, values.unit);
      const summary = await importFile(
        {
          storage: runtime.storage,
          segmenter: runtime.segmenter,
          analysers: runtime.analysers,
          clock: runtime.clock,
          settings: {
            defaultTimeZone: runtime.config.timeZone,
            author: { mode: runtime.config.authorStorage, key: runtime.config.authorHashKey },
          },
        },
        {
          path,
          unitId: unit.id,
          ...(format && { format }),
          ...(mapping && { mapping }),
          ...(values.platform && { platform: values.platform }),
          ...(values.source && { sourceName: values.source }),
        },
        progressPrinter(),
      );
      process.stderr.write('\n');
      process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : describeSummary(summary, unit));
      return summary.rejected > 0 && summary.inserted + summary.duplicates + summary.updated === 0 ? 1 : 0;
    } finally {
      await runtime.close();
    }
  },
};

function formatOption(value: string | undefined): ImportFormat | undefined {
  if (value === undefined) return undefined;
  const known = IMPORT_FORMATS.find((format) => format === value);
  if (!known) {
    throw new AppError(
      'VALIDATION_FAILED',
      `import: --format must be one of ${IMPORT_FORMATS.join(', ')} (got "${value}")`,
    );
  }
  return known;
}

function mappingOption(value: string): ColumnMapping {
  const text = value.startsWith('@') ? readMappingFile(value.slice(1)) : value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `import: --mapping is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('VALIDATION_FAILED', 'import: --mapping must be a JSON object of field → column');
  }
  const bad = Object.entries(parsed).find(([, column]) => typeof column !== 'string');
  if (bad) throw new AppError('VALIDATION_FAILED', `import: --mapping field "${bad[0]}" must name a column`);
  return parsed as ColumnMapping;
}

function readMappingFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `import: cannot read --mapping file ${path}: ${(error as Error).message}`,
    );
  }
}

function progressPrinter(): (counts: ImportCounts) => void {
  return (counts) => {
    const percent = counts.totalBytes > 0 ? ((100 * counts.bytesRead) / counts.totalBytes).toFixed(1) : '?';
    process.stderr.write(
      `\rimport: ${percent}% read ${counts.read.toLocaleString('en')} · new ${counts.inserted.toLocaleString('en')} · duplicate ${counts.duplicates.toLocaleString('en')} · rejected ${counts.rejected.toLocaleString('en')}   `,
    );
  };
}

function describeSummary(summary: ImportSummary, unit: Unit): string {
  const lines = [
    `imported ${summary.format} into ${unit.name} (source ${summary.sourceId}) in ${(summary.durationMs / 1000).toFixed(1)} s`,
    `  read       ${summary.read}`,
    `  new        ${summary.inserted}`,
    `  updated    ${summary.updated}`,
    `  duplicate  ${summary.duplicates}`,
    `  rejected   ${summary.rejected}`,
    ...summary.rejections.map((r) => `    line ${r.line}: ${r.reason}`),
  ];
  if (summary.rejected > summary.rejections.length) {
    lines.push(`    … and ${summary.rejected - summary.rejections.length} more`);
  }
  return `${lines.join('\n')}\n`;
}
