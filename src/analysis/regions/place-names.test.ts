import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from './gazetteer.js';
import { loadGazetteer } from './load.js';
import { placeNamesOf } from './place-names.js';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = loadGazetteer();
});

describe('placeNamesOf', () => {
  it.each<[string, string[]]>([
    ['昆山一小区停水', ['昆山市']],
    ['湖北襄阳发生火灾', ['襄阳市']],
    ['北京朝阳区交通管制', ['朝阳区']],
    ['今天天气很好', []],
  ])('%s', (text, names) => {
    expect(placeNamesOf(text, gazetteer)).toEqual(names);
  });
});
