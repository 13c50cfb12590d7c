import { beforeAll, describe, expect, it } from 'vitest';
import { loadAppealModel, type AppealModel } from '../appeal/index.js';
import { compilePhraseScanner, loadBuiltInTaxonomy, phraseIds, type Taxonomy } from '../categories/index.js';
import { normalizeText } from '../normalize/text.js';
import { compileGazetteer, loadGazetteer, scanAutomaton, type Gazetteer } from '../regions/index.js';
import { buildLexiconScanner, scanLexicons } from './lexicon-scan.js';

let gazetteer: Gazetteer;
let taxonomy: Taxonomy;
let appeal: AppealModel;

beforeAll(() => {
  gazetteer = loadGazetteer();
  taxonomy = loadBuiltInTaxonomy();
  appeal = loadAppealModel();
});

/** Matches as sorted "pattern@start" strings, so that sets can be compared whatever their order. */
function pairSet(pairs: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) out.push(`${pairs[i] ?? 0}@${pairs[i + 1] ?? 0}`);
  return out.sort();
}

const TEXTS = [
  '我家楼下的化工厂每天晚上排放废气，味道刺鼻，恳请环保部门尽快查处！',
  '江苏省苏州市工业园区发生火灾，消防部门已到场处置，目前无人员伤亡。',
  '北京朝阳区和吉林长春的网友都说我市房价太高，我要投诉，希望有关部门管一管',
  '记者近日走访发现，XX路多个小区存在噪音扰民问题，居民反映夜间施工影响休息。',
  '@某某区城管局 我们小区旁边的搅拌站粉尘太大，请尽快处理。腐败，贪污，受贿',
  '中山装和长安汽车都不是地名，南京路也不是南京',
  '',
  '我我我市市市',
];

describe('scanLexicons', () => {
  it.each(TEXTS)('finds what the three separate scanners find in %s', (text) => {
    const normalized = normalizeText(text);
    const found = scanLexicons(buildLexiconScanner(gazetteer, taxonomy, appeal), normalized);
    const regions: number[] = [];
    scanAutomaton(gazetteer.automaton, normalized, regions);
    expect(pairSet(found.regions)).toEqual(pairSet(regions));
    expect(found.categories).toEqual(phraseIds(taxonomy.scanner, normalized));
    expect(found.appeal).toEqual(phraseIds(appeal.scanner, normalized));
  });

  it('orders many matches at shared positions by start and then by phrase id', () => {
    const phrases = ['ab', 'a', 'b', 'abc', 'bc'];
    const small = { ...taxonomy, scanner: compilePhraseScanner(phrases) };
    const noPlaces = compileGazetteer({ version: 1, source: 'none', places: [], aliases: [] });
    const scanner = buildLexiconScanner(noPlaces, small, appeal);
    const text = 'abc'.repeat(20);
    const found = scanLexicons(scanner, text);
    expect(found.regions).toEqual([]);
    expect(found.categories).toEqual(phraseIds(small.scanner, text));
  });
});
