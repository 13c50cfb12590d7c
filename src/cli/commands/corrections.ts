import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { AppError } from '../../platform/errors.js';
import { openStorage } from '../../storage/index.js';
import { readConfig } from '../compose.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

/**
 * `fengxiang corrections export`: staff corrections of sentiment as JSONL `{text, label}` (the format of
 * `scripts/train-sentiment.ts --corrections FILE`), oldest first, so the next model learns from them.
 */
export const correctionsCommand: Command = {
  summary: 'export staff sentiment corrections as training JSONL {text,label}',
  usage: 'fengxiang corrections export [--since ISO-TIME] [--out FILE] [--config FILE]',
  async run(args) {
    const { values, positionals } = parseOptions(
      'corrections',
      args,
      { since: { type: 'string' }, out: { type: 'string' }, config: { type: 'string' } },
      true,
    );
    if (positionals[0] !== 'export' || positionals.length !== 1) {
      throw new AppError('VALIDATION_FAILED', `usage: ${this.usage}`);
    }
    const since = values.since === undefined ? 0 : Date.parse(values.since);
    if (Number.isNaN(since)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `corrections export: --since must be an ISO 8601 time (got "${values.since}")`,
      );
    }
    const config = readConfig(values.config);
    const storage = await openStorage(config.databaseUrl, {
      migrate: config.databaseUrl.startsWith('sqlite:'),
    });
    try {
      const rows = await storage.sentimentCorrections.exportSince(since);
      const out: Writable = values.out ? createWriteStream(values.out, { encoding: 'utf8' }) : process.stdout;
      for (const { correction, title, content } of rows) {
        const text = title ? `${title}\n${content}` : content;
        out.write(`${JSON.stringify({ text, label: correction.label, itemId: correction.itemId })}\n`);
      }
      if (values.out) {
        out.end();
        await finished(out);
      }
      process.stderr.write(`exported ${rows.length} correction(s)\n`);
      return 0;
    } finally {
      await storage.close();
    }
  },
};
