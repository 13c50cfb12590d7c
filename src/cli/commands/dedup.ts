import { dedupPair } from '../../analysis/dedup/index.js';
import { loadGazetteer, placeNamesOf } from '../../analysis/regions/index.js';
import { stringField, transformJsonl } from '../jsonl.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

/**
 * `fengxiang dedup`: stdin JSONL `{id, a, b}` → stdout `{id, duplicate, similarity}` (DESIGN.md §6): whether
 * b is a copy of a (or a of b) — robust to repost prefixes, added comments, punctuation, full/half width,
 * traditional characters and source lines, and not fooled by one template with different facts.
 */
export const dedupCommand: Command = {
  summary: 'stdin JSONL {id,a,b} → {id,duplicate,similarity}',
  usage: 'fengxiang dedup < pairs.jsonl',
  async run(args) {
    parseOptions('dedup', args, {});
    const gazetteer = loadGazetteer();
    const findPlaces = (text: string): string[] => placeNamesOf(text, gazetteer);
    const run = await transformJsonl(process.stdin, process.stdout, (record) => {
      const result = dedupPair(stringField(record, 'a'), stringField(record, 'b'), { findPlaces });
      return { id: record['id'] ?? null, duplicate: result.duplicate, similarity: result.similarity };
    });
    return run.errors > 0 && run.errors === run.lines ? 1 : 0;
  },
};
