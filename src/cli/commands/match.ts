import { compileLineExpression, matchLine } from '../../analysis/schemes/index.js';
import { AppError } from '../../platform/errors.js';
import { stringField, transformJsonl } from '../jsonl.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

/**
 * `fengxiang match --expr EXPR`: stdin JSONL `{id, text}` → stdout `{id, matched, hits}` (DESIGN.md §6).
 * Hits are the terms that made the text match, with their span in the normalised text. A syntax error in
 * EXPR stops before reading anything and names the position.
 */
export const matchCommand: Command = {
  summary: 'stdin JSONL {id,text} → {id,matched,hits} for one scheme expression',
  usage: 'fengxiang match --expr EXPR < items.jsonl',
  async run(args) {
    const { values } = parseOptions('match', args, { expr: { type: 'string' } });
    if (!values.expr)
      throw new AppError('VALIDATION_FAILED', `match: --expr is required\nusage: ${this.usage}`);
    const matcher = compileLineExpression(values.expr);
    const run = await transformJsonl(process.stdin, process.stdout, (record) => {
      stringField(record, 'text');
      return matchLine(matcher, record);
    });
    return run.errors > 0 && run.errors === run.lines ? 1 : 0;
  },
};
