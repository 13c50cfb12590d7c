import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/platform/errors.js';
import { KyselySourceRepository } from '../../src/storage/sources/repository.js';
import { KyselyUnitRepository } from '../../src/storage/units/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUser, openTestDatabase, START, type TestDatabase } from './fixtures.js';

describe.each(databaseTargets)('unit repository on $name', (target) => {
  let test: TestDatabase;
  let units: KyselyUnitRepository;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    units = new KyselyUnitRepository(test.handle.db, test.clock);
  });
  afterAll(async () => {
    await test.close();
  });

  it('creates roots and children with materialised paths and the clock time', async () => {
    const root = await units.create({ name: '区委网信办', parentId: null, code: '320505' });
    const child = await units.create({ name: '公安分局', parentId: root.id });
    expect(root.path).toBe(`/${root.id}/`);
    expect(root.code).toBe('320505');
    expect(root.createdAt).toBe(START);
    expect(child.path).toBe(`/${root.id}/${child.id}/`);
    expect(child.code).toBeNull();
    expect(await units.get(child.id)).toEqual(child);
  });

  it('refuses a child of a missing parent with NOT_FOUND', async () => {
    await expect(units.create({ name: 'x', parentId: 'missing' })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });

  it('lists parents before children and honours the scope', async () => {
    const a = await units.create({ name: 'A', parentId: null });
    const a1 = await units.create({ name: 'A1', parentId: a.id });
    const b = await units.create({ name: 'B', parentId: null });
    const all = await units.list({ unitIds: null });
    const ids = all.map((u) => u.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(a1.id));
    expect(ids).toContain(b.id);
    const scoped = await units.list({ unitIds: [a.id, a1.id] });
    expect(scoped.map((u) => u.id)).toEqual([a.id, a1.id]);
    expect(await units.list({ unitIds: [] })).toEqual([]);
    expect(await units.get(b.id, { unitIds: [a.id] })).toBeNull();
    expect((await units.get(a.id, { unitIds: [a.id] }))?.name).toBe('A');
  });

  it('returns the subtree ids of a unit and NOT_FOUND for a missing one', async () => {
    const top = await units.create({ name: 'top', parentId: null });
    const mid = await units.create({ name: 'mid', parentId: top.id });
    const leaf = await units.create({ name: 'leaf', parentId: mid.id });
    const other = await units.create({ name: 'other', parentId: null });
    expect((await units.subtreeIds(top.id)).sort()).toEqual([top.id, mid.id, leaf.id].sort());
    expect(await units.subtreeIds(leaf.id)).toEqual([leaf.id]);
    expect(await units.subtreeIds(top.id)).not.toContain(other.id);
    await expect(units.subtreeIds('missing')).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('renames and recodes without moving', async () => {
    const unit = await units.create({ name: 'old', parentId: null, code: 'c1' });
    test.clock.advance(1000);
    const renamed = await units.update(unit.id, { name: 'new', code: null });
    expect(renamed).toMatchObject({ name: 'new', code: null, path: unit.path, updatedAt: START + 1000 });
    expect(renamed.createdAt).toBe(unit.createdAt);
  });

  it('moves a unit and rewrites the paths of its whole subtree', async () => {
    const left = await units.create({ name: 'left', parentId: null });
    const right = await units.create({ name: 'right', parentId: null });
    const moved = await units.create({ name: 'moved', parentId: left.id });
    const below = await units.create({ name: 'below', parentId: moved.id });
    const deeper = await units.create({ name: 'deeper', parentId: below.id });

    const result = await units.update(moved.id, { parentId: right.id });
    expect(result.parentId).toBe(right.id);
    expect(result.path).toBe(`${right.path}${moved.id}/`);
    expect((await units.get(below.id))?.path).toBe(`${right.path}${moved.id}/${below.id}/`);
    expect((await units.get(deeper.id))?.path).toBe(`${right.path}${moved.id}/${below.id}/${deeper.id}/`);
    expect(await units.subtreeIds(left.id)).toEqual([left.id]);
    expect((await units.subtreeIds(right.id)).length).toBe(4);

    const toRoot = await units.update(moved.id, { parentId: null });
    expect(toRoot.path).toBe(`/${moved.id}/`);
    expect((await units.get(deeper.id))?.path).toBe(`/${moved.id}/${below.id}/${deeper.id}/`);
  });

  it('refuses to move a unit below itself or a descendant with UNIT_CYCLE and changes nothing', async () => {
    const top = await units.create({ name: 'top', parentId: null });
    const child = await units.create({ name: 'child', parentId: top.id });
    await expect(units.update(top.id, { parentId: child.id })).rejects.toSatisfy((e) =>
      isAppError(e, 'UNIT_CYCLE'),
    );
    await expect(units.update(top.id, { parentId: top.id, name: 'renamed' })).rejects.toSatisfy((e) =>
      isAppError(e, 'UNIT_CYCLE'),
    );
    expect(await units.get(top.id)).toEqual(top);
    expect((await units.get(child.id))?.path).toBe(child.path);
  });

  it('reports NOT_FOUND when updating a missing unit or moving below a missing parent', async () => {
    const unit = await units.create({ name: 'u', parentId: null });
    await expect(units.update('missing', { name: 'x' })).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
    await expect(units.update(unit.id, { parentId: 'missing' })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });

  it('deletes a leaf unit and refuses units with children or users', async () => {
    const parent = await units.create({ name: 'parent', parentId: null });
    const child = await units.create({ name: 'child', parentId: parent.id });
    const staffed = await units.create({ name: 'staffed', parentId: null });
    await makeUser(test, staffed.id, 'unit-test-user');

    await expect(units.delete(parent.id)).rejects.toSatisfy((e) => isAppError(e, 'UNIT_HAS_CHILDREN'));
    await expect(units.delete(staffed.id)).rejects.toSatisfy((e) => isAppError(e, 'UNIT_HAS_CHILDREN'));
    await units.delete(child.id);
    expect(await units.get(child.id)).toBeNull();
    await units.delete(parent.id);
    expect(await units.get(parent.id)).toBeNull();
    await expect(units.delete(parent.id)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('refuses with CONFLICT to delete a unit that still owns sources', async () => {
    const owner = await units.create({ name: 'owner', parentId: null });
    await new KyselySourceRepository(test.handle.db, test.clock).create({
      unitId: owner.id,
      name: 's',
      kind: 'feed',
    });
    await expect(units.delete(owner.id)).rejects.toSatisfy((e) => isAppError(e, 'CONFLICT'));
    expect((await units.get(owner.id))?.name).toBe('owner');
  });
});
