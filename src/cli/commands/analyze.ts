import { loadAnalysers } from '../../analysis/analyze/load.js';
import { analyzeLine } from '../../analysis/analyze/line.js';
import { readDomainDictionary } from '../../analysis/segment/domain-dictionary.js';
import { Segmenter } from '../../analysis/segment/segmenter.js';
import { readConfig } from '../compose.js';
import { optionalString, stringField, transformJsonl } from '../jsonl.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

/**
 * `fengxiang analyze`: stdin JSONL `{id, text, title?, publishedText?, fetchedAt?}` → stdout JSONL of the
 * analysis (DESIGN.md §6). Pure analysis, no database. Bad lines answer `{line, error}` and the run goes on.
 */
export const analyzeCommand: Command = {
  summary:
    'stdin JSONL {id,text,…} → analysis JSONL (sentiment, categories, regions, appeal, keywords, simhash)',
  usage: 'fengxiang analyze [--config FILE] < items.jsonl',
  async run(args) {
    const { values } = parseOptions('analyze', args, { config: { type: 'string' } });
    const config = readConfig(values.config);
    const segmenter = new Segmenter();
    segmenter.addDictionary(readDomainDictionary());
    const analysers = loadAnalysers(segmenter);
    const context = { now: Date.now(), timeZone: config.timeZone };
    const run = await transformJsonl(process.stdin, process.stdout, (record) =>
      analyzeLine(
        {
          id: record['id'] ?? null,
          text: stringField(record, 'text'),
          title: optionalString(record, 'title'),
          publishedText: optionalString(record, 'publishedText'),
          fetchedAt: fetchedAtOf(optionalString(record, 'fetchedAt')),
        },
        analysers,
        context,
      ),
    );
    return run.errors > 0 && run.errors === run.lines ? 1 : 0;
  },
};

function fetchedAtOf(value: string | null): number | null {
  if (value === null) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at))
    throw new Error(`"fetchedAt" must be an ISO 8601 time (got ${JSON.stringify(value)})`);
  return at;
}
