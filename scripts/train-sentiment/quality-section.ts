// Runs only the sentiment part of `npm run eval` and replaces the "Sentiment and emotion" section of
// docs/quality.md with it (the other sections take long and are left as they are).
// Usage: npx tsx scripts/train-sentiment/quality-section.ts [--data DIR] [--model DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSentimentModel } from '../../src/analysis/sentiment/load.js';
import { evaluateSentiment, renderSentiment } from '../eval/sentiment.js';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: join(import.meta.dirname, '../../../shared/data') },
    model: { type: 'string' },
  },
});
const HEADING = '## Sentiment and emotion';
const path = join(import.meta.dirname, '../../docs/quality.md');
const result = evaluateSentiment(args.data, loadSentimentModel(args.model));
const section = renderSentiment(result).join('\n');
const doc = readFileSync(path, 'utf8');
const start = doc.indexOf(HEADING);
const end = start < 0 ? -1 : doc.indexOf('\n## ', start + HEADING.length);
if (start < 0 || end < 0) {
  console.error(`quality-section: "${HEADING}" not found in ${path}; section printed only`);
} else {
  writeFileSync(path, doc.slice(0, start) + section.trimEnd() + '\n\n\n' + doc.slice(end + 1));
}
console.log(section);
