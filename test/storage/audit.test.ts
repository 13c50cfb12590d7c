import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import { KyselyAuditRepository } from '../../src/storage/audit/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { openTestDatabase, START, type TestDatabase } from './fixtures.js';

type NewEntry = Omit<AuditEntry, 'id'>;

function entry(at: number, overrides: Partial<NewEntry> = {}): NewEntry {
  return {
    at,
    actorUserId: 'user-1',
    unitId: 'unit-a',
    action: 'source.update',
    targetType: 'source',
    targetId: 'src-1',
    ip: '10.0.0.1',
    detail: {},
    ...overrides,
  };
}

describe.each(databaseTargets)('audit repository on $name', (target) => {
  let test: TestDatabase;
  let audit: KyselyAuditRepository;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    audit = new KyselyAuditRepository(test.handle.db);
    await audit.append(entry(START + 1, { action: 'login', targetType: null, targetId: null }));
    await audit.append(entry(START + 2, { unitId: 'unit-b', actorUserId: 'user-2' }));
    await audit.append(entry(START + 3, { unitId: null, action: 'system.migrate', actorUserId: null }));
    for (let i = 0; i < 3; i++) await audit.append(entry(START + 4, { targetId: `same-ms-${i}` }));
    await audit.append(entry(START + 5, { action: 'clue.view', targetType: 'clue', targetId: 'clue-9' }));
  });
  afterAll(async () => {
    await test.close();
  });

  it('appends an entry with an id and its JSON detail', async () => {
    const detail = { changed: ['name', 'url'], before: { name: '旧' }, count: 2, ok: true };
    const saved = await audit.append(
      entry(START + 100, { action: 'scheme.update', targetType: 'scheme', detail }),
    );
    expect(saved.id).toMatch(/^[0-9a-f]{28}$/);
    const page = await audit.list({ unitIds: null }, { action: 'scheme.update' }, { limit: 10 });
    expect(page.items).toEqual([saved]);
    expect(page.items[0]?.detail).toEqual(detail);
  });

  it('lists newest first and pages by (at, id) without skipping entries of the same time', async () => {
    const seen: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const page = await audit.list({ unitIds: null }, { to: START + 100 }, { limit: 2, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(7);
    expect(new Set(seen.map((e) => e.id)).size).toBe(7);
    expect(seen.map((e) => e.at)).toEqual([5, 4, 4, 4, 3, 2, 1].map((d) => START + d));
    const sameMs = seen.filter((e) => e.at === START + 4).map((e) => e.id);
    expect(sameMs).toEqual([...sameMs].sort().reverse());
  });

  it('shows a restricted scope only its units, never entries without a unit', async () => {
    const a = await audit.list({ unitIds: ['unit-a'] }, { to: START + 100 }, { limit: 50 });
    expect(a.items.every((e) => e.unitId === 'unit-a')).toBe(true);
    expect(a.items).toHaveLength(5);
    const ab = await audit.list({ unitIds: ['unit-a', 'unit-b'] }, { to: START + 100 }, { limit: 50 });
    expect(ab.items).toHaveLength(6);
    expect((await audit.list({ unitIds: [] }, {}, { limit: 50 })).items).toEqual([]);
    const all = await audit.list({ unitIds: null }, { action: 'system.migrate' }, { limit: 50 });
    expect(all.items.map((e) => e.unitId)).toEqual([null]);
  });

  it('filters by actor, action, target and a half-open time range', async () => {
    const all = { unitIds: null };
    const byActor = await audit.list(all, { actorUserId: 'user-2' }, { limit: 50 });
    expect(byActor.items.map((e) => e.at)).toEqual([START + 2]);
    const byTarget = await audit.list(all, { targetType: 'clue', targetId: 'clue-9' }, { limit: 50 });
    expect(byTarget.items.map((e) => e.action)).toEqual(['clue.view']);
    const byAction = await audit.list(all, { action: 'login' }, { limit: 50 });
    expect(byAction.items.map((e) => e.at)).toEqual([START + 1]);
    const range = await audit.list(all, { from: START + 2, to: START + 4 }, { limit: 50 });
    expect(range.items.map((e) => e.at)).toEqual([START + 3, START + 2]);
  });

  it('rejects a cursor of the wrong shape with BAD_REQUEST', async () => {
    const idCursor = Buffer.from(JSON.stringify({ id: 'x' })).toString('base64url');
    await expect(audit.list({ unitIds: null }, {}, { limit: 1, cursor: idCursor })).rejects.toSatisfy((e) =>
      isAppError(e, 'BAD_REQUEST'),
    );
  });
});
