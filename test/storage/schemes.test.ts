import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeWords, Unit, User } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import { KyselySchemeRepository } from '../../src/storage/schemes/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, makeUser, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const WORDS: SchemeWords = {
  regions: ['苏州', '姑苏'],
  subjects: ['医院'],
  people: [],
  events: ['纠纷', '投诉'],
  excludes: ['招聘'],
};

describe.each(databaseTargets)('scheme repository on $name', (target) => {
  let test: TestDatabase;
  let schemes: KyselySchemeRepository;
  let unit: Unit;
  let otherUnit: Unit;
  let author: User;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    schemes = new KyselySchemeRepository(test.handle.db, test.clock);
    unit = await makeUnit(test, 'office');
    otherUnit = await makeUnit(test, 'bureau');
    author = await makeUser(test, unit.id, 'author');
  });
  afterAll(async () => {
    await test.close();
  });

  it('creates a scheme with defaults', async () => {
    const scheme = await schemes.create({ unitId: unit.id, name: '食品安全', expression: '食品+安全' });
    expect(scheme).toMatchObject({
      unitId: unit.id,
      name: '食品安全',
      description: null,
      expression: '食品+安全',
      words: null,
      target: 'both',
      enabled: true,
      createdBy: null,
      createdAt: START,
      updatedAt: START,
    });
    expect(await schemes.get(scheme.id)).toEqual(scheme);
  });

  it('stores structured words, target, author and the disabled flag', async () => {
    const scheme = await schemes.create({
      unitId: unit.id,
      name: '医疗纠纷',
      description: '本地医院相关投诉',
      expression: '(苏州|姑苏)+(医院)+(纠纷|投诉)-(招聘)',
      words: WORDS,
      target: 'title',
      enabled: false,
      createdBy: author.id,
    });
    const read = await schemes.get(scheme.id);
    expect(read).toEqual(scheme);
    expect(read?.words).toEqual(WORDS);
    expect(read).toMatchObject({ target: 'title', enabled: false, createdBy: author.id });
  });

  it('rejects a missing unit or author with NOT_FOUND', async () => {
    await expect(schemes.create({ unitId: 'missing', name: 'x', expression: 'x' })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
    await expect(
      schemes.create({ unitId: unit.id, name: 'x', expression: 'x', createdBy: 'missing' }),
    ).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('hides schemes outside the scope', async () => {
    const outside = await schemes.create({ unitId: otherUnit.id, name: 'outside', expression: 'a' });
    expect(await schemes.get(outside.id, { unitIds: [unit.id] })).toBeNull();
    expect((await schemes.get(outside.id, { unitIds: [otherUnit.id, unit.id] }))?.name).toBe('outside');
    expect(await schemes.get(outside.id, { unitIds: [] })).toBeNull();
  });

  it('pages newest first across pages, filtered by enabled and scope', async () => {
    const listUnit = await makeUnit(test, 'listing');
    for (let i = 0; i < 5; i++) {
      test.clock.advance(1);
      await schemes.create({ unitId: listUnit.id, name: `k${i}`, expression: `w${i}`, enabled: i % 2 === 0 });
    }
    const scope = { unitIds: [listUnit.id] };
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await schemes.list(scope, {}, { limit: 2, cursor });
      names.push(...page.items.map((s) => s.name));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(names).toEqual(['k4', 'k3', 'k2', 'k1', 'k0']);
    expect(pages).toBe(3);
    const enabled = await schemes.list(scope, { enabled: true }, { limit: 10 });
    expect(enabled.items.map((s) => s.name)).toEqual(['k4', 'k2', 'k0']);
    const disabled = await schemes.list(scope, { enabled: false }, { limit: 1 });
    expect(disabled.items.map((s) => s.name)).toEqual(['k3']);
    expect(disabled.nextCursor).not.toBeNull();
    expect((await schemes.list({ unitIds: [] }, {}, { limit: 10 })).items).toEqual([]);
  });

  it('updates fields, replaces and clears words, and reports NOT_FOUND', async () => {
    const scheme = await schemes.create({ unitId: unit.id, name: 'n', expression: 'a', words: WORDS });
    test.clock.advance(10);
    const changed = await schemes.update(scheme.id, {
      name: 'renamed',
      description: 'd',
      expression: 'b|c',
      target: 'content',
      enabled: false,
      words: { ...WORDS, people: ['张三'] },
    });
    expect(changed).toMatchObject({
      name: 'renamed',
      description: 'd',
      expression: 'b|c',
      target: 'content',
      enabled: false,
    });
    expect(changed.words?.people).toEqual(['张三']);
    expect(changed.updatedAt).toBe(scheme.updatedAt + 10);
    const cleared = await schemes.update(scheme.id, { words: null, description: null });
    expect(cleared.words).toBeNull();
    expect(cleared.description).toBeNull();
    expect(cleared.expression).toBe('b|c');
    await expect(schemes.update('missing', { name: 'x' })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });

  it('deletes a scheme and reports NOT_FOUND the second time', async () => {
    const scheme = await schemes.create({ unitId: unit.id, name: 'gone', expression: 'x' });
    await schemes.delete(scheme.id);
    expect(await schemes.get(scheme.id)).toBeNull();
    await expect(schemes.delete(scheme.id)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });
});
