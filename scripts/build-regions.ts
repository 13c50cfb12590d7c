// Builds models/regions/gazetteer.json from ../shared/data/admin-divisions-cn (WTFPL), the hand-written
// nicknames, abbreviations, weak words and look-alikes in models/regions/aliases.tsv, and the part-of-speech
// tags of jieba's dictionary (a county's short name that jieba knows as a common word needs context).
// Run: npx tsx scripts/build-regions.ts [dataDir]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dict } from '@node-rs/jieba/dict.js';
import { format, resolveConfig } from 'prettier';
import {
  ALIAS_FLAGS,
  type ModelPlace,
  type PlaceLevel,
  type RegionModel,
} from '../src/analysis/regions/model.js';

const ROOT = join(import.meta.dirname, '..');
const DATA = process.argv[2] ?? join(ROOT, '../shared/data');
const DIVISIONS = join(DATA, 'admin-divisions-cn');
const OUT = join(ROOT, 'models/regions');

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const PLACEHOLDER_CITIES = new Set(['市辖区', '县']);
const DIRECT_COUNTIES = /直辖县级行政区划$/u;
/** Part-of-speech tags of jieba that mark a proper name; anything else is a common word. */
const PROPER_TAGS = new Set(['ns', 'nr', 'nrt', 'nz', 'nrfg', 'nt']);
/** A county short name this frequent in jieba's dictionary is an everyday word too. */
const COMMON_FREQUENCY = 1000;
const ETHNIC =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|普米|塔吉克|怒|鄂温克|保安|裕固|独龙|鄂伦春';
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${ETHNIC})族?)+自治(?:区|州|县|旗)$`, 'u');
const SUFFIXES = ['特别行政区', '自治区', '地区', '林区', '特区', '新区', '省', '市', '盟', '县', '区', '旗'];
const NO_SHORT = /开发区|管理区|示范区|园区|高新|委员会|群岛|海域|新城$/u;

interface Entry {
  places: Set<number>;
  kinds: Set<string>;
  targets: number;
}

function readCsv(file: string): string[][] {
  const lines = readFileSync(join(DIVISIONS, file), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/gu, '')));
}

/** Places from the CSV files: provinces, cities (municipalities get one city of their own name), counties. */
function buildPlaces(): ModelPlace[] {
  const places: ModelPlace[] = [];
  const byCode = new Map<string, number>();
  const add = (code: string, name: string, parent: number, level: PlaceLevel): number => {
    places.push([code, name, parent, level]);
    byCode.set(code, places.length - 1);
    return places.length - 1;
  };
  for (const [code = '', name = ''] of readCsv('provinces.csv')) {
    const province = add(code, name, -1, 0);
    if (MUNICIPALITIES.has(code)) add(`${code}00`, name, province, 1);
  }
  const cityIndex = new Map<string, number>();
  for (const [code = '', name = '', provinceCode = ''] of readCsv('cities.csv')) {
    const province = byCode.get(provinceCode) ?? -1;
    if (PLACEHOLDER_CITIES.has(name)) cityIndex.set(code, byCode.get(`${provinceCode}00`) ?? province);
    else if (DIRECT_COUNTIES.test(name)) cityIndex.set(code, province);
    else cityIndex.set(code, add(code, name, province, 1));
  }
  for (const [code = '', name = '', cityCode = ''] of readCsv('areas.csv')) {
    const parent = cityIndex.get(cityCode) ?? -1;
    if (parent >= 0 && places[parent]?.[1] !== name) add(code, name, parent, 2);
  }
  addSpecialRegions(places, add);
  return places;
}

function addSpecialRegions(
  places: ModelPlace[],
  add: (code: string, name: string, parent: number, level: PlaceLevel) => number,
): void {
  const tree = JSON.parse(readFileSync(join(DIVISIONS, 'HK-MO-TW.json'), 'utf8')) as Record<string, unknown>;
  const codes: Record<string, string> = { 香港特别行政区: '81', 澳门特别行政区: '82', 台湾省: '71' };
  for (const [name, children] of Object.entries(tree)) {
    const code = codes[name] ?? String(places.length);
    const province = add(code, name, -1, 0);
    if (name !== '台湾省' || children === null || typeof children !== 'object') continue;
    Object.keys(children).forEach((city, i) =>
      add(`${code}${String(i + 1).padStart(2, '0')}`, city, province, 1),
    );
  }
}

function shortName(name: string): string | null {
  if (NO_SHORT.test(name)) return null;
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous?.[1] !== undefined) return autonomous[1];
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return null;
}

function jiebaTags(): Map<string, { frequency: number; tag: string }> {
  const tags = new Map<string, { frequency: number; tag: string }>();
  for (const line of new TextDecoder().decode(dict).split('\n')) {
    const [word = '', frequency = '0', tag = ''] = line.trim().split(' ');
    if (word.length >= 2 && word.length <= 4) tags.set(word, { frequency: Number(frequency), tag });
  }
  return tags;
}

function resolveTarget(places: ModelPlace[], path: string): number {
  const [provinceName, cityName] = path.split('/');
  const province = places.findIndex((p) => p[3] === 0 && p[1] === provinceName);
  if (province < 0) throw new Error(`aliases.tsv: unknown province ${path}`);
  const wanted =
    cityName ??
    (places.some((p) => p[2] === province && p[3] === 1 && p[1] === provinceName) ? provinceName : undefined);
  if (wanted === undefined) return province;
  const city = places.findIndex((p) => p[2] === province && p[3] === 1 && p[1] === wanted);
  if (city < 0) throw new Error(`aliases.tsv: unknown city ${path}`);
  return city;
}

function entryOf(entries: Map<string, Entry>, surface: string): Entry {
  const existing = entries.get(surface);
  if (existing !== undefined) return existing;
  const entry: Entry = { places: new Set(), kinds: new Set(), targets: 1 };
  entries.set(surface, entry);
  return entry;
}

function addAdminNames(entries: Map<string, Entry>, places: ModelPlace[]): void {
  places.forEach(([, name, , level], index) => {
    const target =
      level === 0 && places[index + 1]?.[2] === index && places[index + 1]?.[1] === name ? index + 1 : index;
    if (level === 1 && places[index - 1]?.[1] === name) return;
    const full = entryOf(entries, name);
    full.places.add(target);
    full.kinds.add(`full${level}`);
    const short = shortName(name);
    if (short === null) return;
    const entry = entryOf(entries, short);
    entry.places.add(target);
    entry.kinds.add(`short${level}`);
  });
}

function addHandAliases(entries: Map<string, Entry>, places: ModelPlace[]): void {
  const lines = readFileSync(join(OUT, 'aliases.tsv'), 'utf8').split('\n');
  for (const line of lines) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [kind = '', surface = '', targets = '', prefixes = '', suffixes = ''] = line.split('\t');
    if (kind === 'abbr') {
      const target = resolveTarget(places, targets);
      const forms = [...[...prefixes].map((p) => p + surface), ...[...suffixes].map((s) => surface + s)];
      for (const form of forms) {
        const entry = entryOf(entries, form);
        entry.places.add(target);
        entry.kinds.add('compound');
      }
      continue;
    }
    const entry = entryOf(entries, surface);
    entry.kinds.add(kind);
    if (targets === '') continue;
    const list = targets.split(',');
    for (const path of list) entry.places.add(resolveTarget(places, path));
    entry.targets = Math.max(entry.targets, list.length);
  }
}

function flagsOf(surface: string, entry: Entry, tags: ReturnType<typeof jiebaTags>): number {
  const { kinds } = entry;
  if (kinds.has('block')) return ALIAS_FLAGS.BLOCK;
  let flags = 0;
  if (entry.targets > 1) flags |= ALIAS_FLAGS.ALL;
  const isFull = [...kinds].some((k) => k.startsWith('full'));
  const isNamed = isFull || [...kinds].some((k) => k.startsWith('short') || k.startsWith('nickname'));
  if (!isNamed && kinds.has('compound')) flags |= ALIAS_FLAGS.COMPOUND;
  if (!isFull && [...kinds].some((k) => k.startsWith('short'))) flags |= ALIAS_FLAGS.SHORT;
  if (!kinds.has('strong') && isWeak(surface, entry, tags)) flags |= ALIAS_FLAGS.WEAK;
  return flags;
}

function isWeak(surface: string, entry: Entry, tags: ReturnType<typeof jiebaTags>): boolean {
  const { kinds } = entry;
  if (kinds.has('weak') || kinds.has('nickname-weak')) return true;
  const higher = ['full0', 'full1', 'short0', 'short1', 'nickname'].some((k) => kinds.has(k));
  if (higher) return false;
  if (surface.length <= 2 && kinds.has('full2')) return true;
  if (!kinds.has('short2') || kinds.has('full2')) return false;
  const known = tags.get(surface);
  return known !== undefined && (!PROPER_TAGS.has(known.tag) || known.frequency >= COMMON_FREQUENCY);
}

function build(): RegionModel {
  const places = buildPlaces();
  const entries = new Map<string, Entry>();
  addAdminNames(entries, places);
  addHandAliases(entries, places);
  const tags = jiebaTags();
  const aliases = [...entries]
    .filter(([surface, entry]) => surface.length >= 2 && (entry.places.size > 0 || entry.kinds.has('block')))
    .map(([surface, entry]): RegionModel['aliases'][number] => [
      surface,
      [...entry.places],
      flagsOf(surface, entry, tags),
    ]);
  return {
    version: 1,
    source:
      'admin-divisions-cn (modood/Administrative-divisions-of-China @ 57a0aa9, 国家统计局 2023) + aliases.tsv',
    places,
    aliases,
  };
}

const model = build();
const target = join(OUT, 'gazetteer.json');
const options = (await resolveConfig(target)) ?? {};
writeFileSync(target, await format(JSON.stringify(model), { ...options, filepath: target }));
console.log(
  `wrote models/regions/gazetteer.json: ${model.places.length} places, ${model.aliases.length} names`,
);
