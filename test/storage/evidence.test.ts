/**
 * Evidence storage on both engines: captures and their binary files round-trip byte for byte; lists filter,
 * page and respect scope; the per-unit capture counts of the work summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/domain/index.js';
import { newId } from '../../src/platform/ids.js';
import { KyselyEvidenceRepository } from '../../src/storage/evidence/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

function capture(unitId: string, overrides: Partial<Evidence> = {}): Evidence {
  const at = overrides.capturedAt ?? START;
  return {
    id: newId(at),
    unitId,
    itemId: 'item-1',
    recordType: 'incident',
    recordId: 'inc-1',
    capturedAt: at,
    capturedBy: 'u-1',
    sourceUrl: 'https://news.example.cn/1.html',
    finalUrl: 'https://news.example.cn/1.html',
    httpStatus: 200,
    contentType: 'text/html; charset=utf-8',
    rawSha256: 'a'.repeat(64),
    rawSize: 4,
    pageError: null,
    itemText: '标题\n\n正文',
    itemTextSha256: 'b'.repeat(64),
    pageText: '正文',
    pageTextSha256: 'c'.repeat(64),
    screenshotSha256: null,
    screenshotSize: null,
    screenshotSkipped: 'no_browser_configured',
    item: {
      title: '标题',
      author: null,
      platform: 'web',
      url: 'https://news.example.cn/1.html',
      publishedAt: START - 1000,
      collectedAt: START - 500,
      contentHash: 'd'.repeat(64),
    },
    ...overrides,
  };
}

describe.each(databaseTargets)('evidence storage on $name', (target) => {
  let test: TestDatabase;
  let repo: KyselyEvidenceRepository;
  let unitA: string;
  let unitB: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    repo = new KyselyEvidenceRepository(test.handle.db);
    unitA = (await makeUnit(test, 'A')).id;
    unitB = (await makeUnit(test, 'B')).id;
  });
  afterAll(async () => test.close());

  it('stores a capture and its binary files unchanged', async () => {
    const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x00, 0x80]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]);
    const evidence = capture(unitA, { screenshotSha256: 'e'.repeat(64), screenshotSize: png.length });
    await repo.insert(evidence, [
      { kind: 'raw', sha256: 'a'.repeat(64), bytes },
      { kind: 'screenshot', sha256: 'e'.repeat(64), bytes: png },
    ]);
    expect(await repo.get(evidence.id)).toEqual(evidence);
    const raw = await repo.getBlob(evidence.id, 'raw');
    expect(raw?.bytes.equals(bytes)).toBe(true);
    expect(raw?.sha256).toBe('a'.repeat(64));
    expect((await repo.getBlob(evidence.id, 'screenshot'))?.bytes.equals(png)).toBe(true);
    expect(await repo.get(evidence.id, { unitIds: [unitB] })).toBeNull();
  });

  it('lists newest first with filters, pages and scope', async () => {
    const older = capture(unitA, { recordId: 'inc-2', capturedAt: START + 1000 });
    const newer = capture(unitA, { recordId: 'inc-2', capturedAt: START + 2000, rawSha256: null });
    const clue = capture(unitA, { recordType: 'clue', recordId: 'clue-1', capturedAt: START + 3000 });
    const other = capture(unitB, { recordId: 'inc-2', capturedAt: START + 4000 });
    for (const evidence of [older, newer, clue, other]) await repo.insert(evidence, []);

    const first = await repo.list({ unitIds: [unitA] }, { recordId: 'inc-2' }, { limit: 1 });
    expect(first.items.map((e) => e.id)).toEqual([newer.id]);
    const second = await repo.list(
      { unitIds: [unitA] },
      { recordId: 'inc-2' },
      { limit: 1, cursor: first.nextCursor },
    );
    expect(second.items.map((e) => e.id)).toEqual([older.id]);
    expect(second.nextCursor).toBeNull();

    const noClues = await repo.list({ unitIds: [unitA] }, { excludeRecordTypes: ['clue'] }, { limit: 50 });
    expect(noClues.items.some((e) => e.recordType === 'clue')).toBe(false);
    const clues = await repo.list({ unitIds: null }, { recordType: 'clue' }, { limit: 50 });
    expect(clues.items.map((e) => e.id)).toEqual([clue.id]);

    expect((await repo.getMany([other.id, older.id], { unitIds: [unitA] })).map((e) => e.id)).toEqual([
      older.id,
    ]);
    expect((await repo.getMany([newer.id, older.id])).map((e) => e.id)).toEqual([newer.id, older.id]);
  });

  it('counts captures per unit and record type in a period', async () => {
    const counts = await repo.countByUnit({ unitIds: null }, START + 1000, START + 5000);
    expect(counts).toEqual(
      [
        { unitId: unitA, recordType: 'clue', captures: 1, withoutPage: 0 },
        { unitId: unitA, recordType: 'incident', captures: 2, withoutPage: 1 },
        { unitId: unitB, recordType: 'incident', captures: 1, withoutPage: 0 },
      ].sort((x, y) => (x.unitId + x.recordType < y.unitId + y.recordType ? -1 : 1)),
    );
    expect(await repo.countByUnit({ unitIds: [unitB] }, START, START + 10_000)).toEqual([
      { unitId: unitB, recordType: 'incident', captures: 1, withoutPage: 0 },
    ]);
  });
});
