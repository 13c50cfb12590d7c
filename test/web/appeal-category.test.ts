/** Appeal categories print in the console's language whether intake chose a department or staff a topic. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { appealCategoryLabel } from '../../web/src/features/appeals/category.js';
import { en } from '../../web/src/i18n/en.js';
import { zh } from '../../web/src/i18n/zh.js';

function labelIn(messages: Readonly<Record<string, string>>): (prefix: string, value: string) => string {
  return (prefix, value) => messages[`${prefix}.${value}`] ?? value;
}

describe('appeal category names', () => {
  it.each([
    ['human_resources', '人社', 'Human resources and social security'],
    ['housing_construction', '住建', 'Housing and construction'],
    ['corruption', '腐败', 'Corruption'],
    ['made_up_key', 'made_up_key', 'made_up_key'],
  ])('%s prints as %s / %s', (key, chinese, english) => {
    expect(appealCategoryLabel(labelIn(zh), key)).toBe(chinese);
    expect(appealCategoryLabel(labelIn(en), key)).toBe(english);
  });

  it('names every department the appeal detector can choose', () => {
    const lexicon = JSON.parse(readFileSync('models/appeal/lexicon.json', 'utf8')) as {
      departments: { key: string; zh: string }[];
    };
    for (const department of lexicon.departments) {
      expect(appealCategoryLabel(labelIn(zh), department.key)).toBe(department.zh);
    }
  });
});
