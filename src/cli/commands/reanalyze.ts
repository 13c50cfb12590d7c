import { reanalyzeItems } from '../../pipeline/reanalyze.js';
import { AppError } from '../../platform/errors.js';
import { openRuntimeForCommand, readConfig } from '../compose.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

/** `fengxiang reanalyze`: analysis again over stored items after a model change, with progress. */
export const reanalyzeCommand: Command = {
  summary: 're-run analysis over stored items (after a model change), with progress',
  usage: 'fengxiang reanalyze [--since ISO-TIME] [--config FILE]',
  async run(args) {
    const { values } = parseOptions('reanalyze', args, {
      since: { type: 'string' },
      config: { type: 'string' },
    });
    const since = values.since === undefined ? undefined : Date.parse(values.since);
    if (since !== undefined && Number.isNaN(since)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `reanalyze: --since must be an ISO 8601 time (got "${values.since}")`,
      );
    }
    const runtime = await openRuntimeForCommand(readConfig(values.config));
    try {
      if (!runtime.analysers) throw new AppError('INTERNAL', 'reanalyze: the analysis models are not loaded');
      const result = await reanalyzeItems(
        { storage: runtime.storage, analysers: runtime.analysers, clock: runtime.clock },
        since === undefined ? {} : { from: since },
        ({ done, total }) =>
          process.stderr.write(
            `\rreanalyze: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}   `,
          ),
      );
      process.stderr.write('\n');
      process.stdout.write(`reanalysed ${result.done} item(s)\n`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
