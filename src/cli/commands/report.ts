/**
 * `fengxiang report TYPE --date D --format docx|pdf|md|html --out FILE`: generates a report from the database
 * and writes it to a file (DESIGN.md §6). With `--save` the report is also stored as a draft, so it can be
 * reviewed and issued in the console.
 */
import { writeFile } from 'node:fs/promises';
import {
  REPORT_FORMATS,
  REPORT_TYPES,
  type ReportFormat,
  type ReportPeriod,
  type ReportType,
} from '../../domain/index.js';
import { systemClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { generateReportDocument } from '../../reports/generate.js';
import { customPeriod, periodOf, settingsOrDefault } from '../../reports/periods.js';
import { renderReport } from '../../reports/render/index.js';
import { openStorage } from '../../storage/index.js';
import type { Storage } from '../../storage/repositories.js';
import { readConfig } from '../compose.js';
import { parseOptions } from '../options.js';
import { unitOption } from '../units.js';
import type { Command } from './types.js';

const USAGE =
  'fengxiang report TYPE (--date YYYY-MM-DD | --from D --to D | --event ID) --format docx|pdf|md|html --out FILE [--unit U] [--save] [--config FILE]';

function oneOf<T extends string>(values: readonly T[], value: string | undefined, what: string): T {
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      `report: ${what} must be one of ${values.join(', ')} (got "${value ?? ''}")`,
      {
        field: what,
      },
    );
  }
  return found;
}

interface PeriodOptions {
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  event?: string | undefined;
}

function periodFor(
  type: ReportType,
  options: PeriodOptions,
  settings: Parameters<typeof periodOf>[2],
  now: number,
): ReportPeriod {
  if (type === 'special') {
    if (!options.event)
      throw new AppError('VALIDATION_FAILED', 'report: a special report needs --event ID', {
        field: 'event',
      });
    return { from: now, to: now, label: '', timeZone: settings.timeZone };
  }
  if (options.from !== undefined || options.to !== undefined) {
    if (options.from === undefined || options.to === undefined) {
      throw new AppError('VALIDATION_FAILED', 'report: --from and --to go together', { field: 'from' });
    }
    return customPeriod(options.from, options.to, settings.timeZone);
  }
  if (options.date === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      `report: a ${type} report needs --date YYYY-MM-DD (or --from and --to)`,
      {
        field: 'date',
      },
    );
  }
  return periodOf(type, options.date, settings);
}

async function generate(
  storage: Storage,
  type: ReportType,
  unitValue: string | undefined,
  options: PeriodOptions,
  defaultZone: string,
) {
  const unit = await unitOption('report', storage, unitValue);
  const settings = settingsOrDefault(await storage.reportSettings.get(unit.id), unit.id, defaultZone);
  const now = systemClock.now();
  const period = periodFor(type, options, settings, now);
  const generated = await generateReportDocument(
    {
      data: storage.reportData,
      countIssued: (scope, from, to) => storage.reports.countIssued(scope, from, to),
    },
    {
      type,
      unit: { id: unit.id, name: unit.name },
      unitIds: await storage.units.subtreeIds(unit.id),
      period,
      eventId: options.event ?? null,
      template: settings.templates[type] ?? null,
      now,
    },
  );
  return { unit, now, ...generated };
}

/** `fengxiang report`. */
export const reportCommand: Command = {
  summary: 'generate a report (daily, weekly, monthly, special, work_summary) from the database into a file',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseOptions(
      'report',
      args,
      {
        date: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        event: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        unit: { type: 'string' },
        save: { type: 'boolean' },
        config: { type: 'string' },
      },
      true,
    );
    if (positionals.length !== 1) throw new AppError('VALIDATION_FAILED', `usage: ${USAGE}`);
    const type = oneOf(REPORT_TYPES, positionals[0], 'TYPE');
    const format: ReportFormat = oneOf(REPORT_FORMATS, values.format, '--format');
    if (!values.out)
      throw new AppError('VALIDATION_FAILED', 'report: --out FILE is required', { field: 'out' });
    const config = readConfig(values.config);
    const storage = await openStorage(config.databaseUrl, {
      migrate: config.databaseUrl.startsWith('sqlite:'),
    });
    try {
      const { unit, now, document, snapshot } = await generate(
        storage,
        type,
        values.unit,
        values,
        config.timeZone,
      );
      const file = await renderReport(
        document,
        format,
        config.reportFont ? { fontPath: config.reportFont } : {},
      );
      await writeFile(values.out, file.bytes);
      if (values.save) {
        const stored = await storage.reports.create({
          unitId: unit.id,
          type,
          periodFrom: document.period.from,
          periodTo: document.period.to,
          eventId: document.eventId,
          title: document.title,
          document,
          snapshot,
          scheduleId: null,
          createdBy: null,
          createdAt: now,
        });
        process.stderr.write(`report: stored as draft ${stored.id}\n`);
      }
      const figures = Object.keys(document.figures).length;
      process.stdout.write(
        `wrote ${values.out} (${file.bytes.length.toLocaleString('en')} bytes, ${document.sections.length} sections, ${figures} figures${document.empty ? ', no data in the period' : ''})\n`,
      );
      return 0;
    } finally {
      await storage.close();
    }
  },
};
