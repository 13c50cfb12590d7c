/** Publications on both engines: versions, filters and counts, scope, settings and the published count. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyPublicationRepository } from '../../src/storage/publications/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const HOUR = 3_600_000;

describe.each(databaseTargets)('publications on $name', (target) => {
  let test: TestDatabase;
  let repo: KyselyPublicationRepository;
  let unitA: string;
  let unitB: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    repo = new KyselyPublicationRepository(test.handle.db);
    unitA = (await makeUnit(test, 'A')).id;
    unitB = (await makeUnit(test, 'B')).id;
  });
  afterAll(async () => test.close());

  const base = {
    title: '关于暴雨的通告',
    body: '请注意安全。',
    channel: '官网',
    incidentId: null,
    createdBy: 'u-1',
  };

  it('creates a record with version 1, then keeps every version in order', async () => {
    const created = await repo.create({ ...base, unitId: unitA, state: 'idea', note: '初稿' }, START);
    expect(created).toMatchObject({ state: 'idea', version: 1, signedOffBy: null, createdAt: START });
    await repo.addVersion({
      publicationId: created.id,
      unitId: unitA,
      version: 2,
      title: base.title,
      body: '请市民注意安全。',
      editedBy: 'u-2',
      editedAt: START + 1,
      note: null,
    });
    const updated = await repo.update(
      created.id,
      { version: 2, body: '请市民注意安全。', state: 'draft' },
      START + 1,
    );
    expect(updated).toMatchObject({ version: 2, state: 'draft', updatedAt: START + 1 });
    const versions = await repo.versions(created.id);
    expect(versions.map((v) => [v.version, v.body, v.note])).toEqual([
      [1, '请注意安全。', '初稿'],
      [2, '请市民注意安全。', null],
    ]);
  });

  it('lists newest first with filters, pages and scope, and counts by state', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const made = await repo.create(
        { ...base, title: `进展通报${i}`, unitId: unitA, state: 'draft', incidentId: 'inc-9' },
        START + (i + 1) * HOUR,
      );
      ids.push(made.id);
    }
    await repo.create({ ...base, unitId: unitB, state: 'idea' }, START + 10 * HOUR);
    const first = await repo.list({ unitIds: [unitA] }, { incidentId: 'inc-9' }, { limit: 2 });
    expect(first.items.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    const second = await repo.list(
      { unitIds: [unitA] },
      { incidentId: 'inc-9' },
      { limit: 2, cursor: first.nextCursor },
    );
    expect(second.items.map((p) => p.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    const searched = await repo.list({ unitIds: [unitA] }, { q: '通报1' }, { limit: 10 });
    expect(searched.items.map((p) => p.title)).toEqual(['进展通报1']);
    const counts = await repo.countByState({ unitIds: [unitA] }, {});
    expect(counts).toMatchObject({ idea: 0, draft: 4, published: 0 });
    expect((await repo.countByState({ unitIds: [unitB] }, {})).idea).toBe(1);
    expect(await repo.get(ids[0] ?? '', { unitIds: [unitB] })).toBeNull();
  });

  it('keeps each unit’s secret terms', async () => {
    expect(await repo.getSettings(unitA)).toEqual({ unitId: unitA, secretTerms: [], updatedAt: null });
    await repo.setSettings(unitA, ['专案组', ' ', '专案组'], START);
    await repo.setSettings(unitA, ['专案组', '内参'], START + 1);
    expect(await repo.getSettings(unitA)).toEqual({
      unitId: unitA,
      secretTerms: ['专案组', '内参'],
      updatedAt: START + 1,
    });
    expect((await repo.getSettings(unitB)).secretTerms).toEqual([]);
    await expect(repo.setSettings('no-such-unit', ['x'], START)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts publications published in a period, withdrawn ones included', async () => {
    const day = START + 30 * 24 * HOUR;
    const a = await repo.create({ ...base, unitId: unitA, state: 'draft' }, day);
    const b = await repo.create({ ...base, unitId: unitA, state: 'draft' }, day);
    const c = await repo.create({ ...base, unitId: unitB, state: 'draft' }, day);
    await repo.update(
      a.id,
      { state: 'published', publishedAt: day + HOUR, publishedUrl: 'https://gov.example.cn/1' },
      day,
    );
    await repo.update(b.id, { state: 'withdrawn', publishedAt: day + 2 * HOUR }, day);
    await repo.update(c.id, { state: 'published', publishedAt: day + 2 * HOUR }, day);
    const period = { from: day, to: day + 24 * HOUR };
    expect(await repo.countPublished({ unitIds: [unitA] }, period)).toBe(2);
    expect(await repo.countPublished({ unitIds: [unitA, unitB] }, period)).toBe(3);
    expect(
      await repo.countPublished({ unitIds: null }, { from: day + 90 * 60_000, to: day + 24 * HOUR }),
    ).toBe(2);
    expect(await repo.countPublished({ unitIds: [] }, period)).toBe(0);
  });
});
