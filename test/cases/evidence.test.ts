/**
 * Evidence end to end on both engines, through the real polite HTTP client against a fixture server: a
 * captured page stays provable after the post is deleted online (the fixture answers 404 afterwards), the
 * exported package's hashes verify (also with the system's unzip), and a tampered package fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildEvidencePackage,
  captureEvidence,
  readZip,
  verifyEvidencePackage,
  writeZip,
  type EvidenceDeps,
} from '../../src/cases/evidence/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { sha256Hex } from '../../src/platform/sha256.js';
import { createHttpClient, type HttpClient } from '../../src/sources/http/index.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>某区化工厂爆炸</title>
<script>var tracking = 1;</script></head>
<body><h1>某区化工厂发生爆炸</h1><p>今天上午十时，某区化工厂发生爆炸，现场浓烟滚滚。</p></body></html>`;

const START = Date.UTC(2024, 4, 3, 2, 0, 0);

describe.each(databaseTargets)('evidence capture and packages on $name', (target) => {
  let fixtures: FixtureServer;
  let http: HttpClient;
  let storage: Storage;
  let drop: () => Promise<void>;
  let deps: EvidenceDeps;
  let clock: ManualClock;
  let unitId: string;
  let otherUnitId: string;
  let itemId: string;

  beforeAll(async () => {
    fixtures = await startFixtureServer({
      '/news/1.html': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE },
    });
    clock = new ManualClock(START);
    const database = await target.create();
    drop = database.drop;
    storage = await openStorage(database.url, { clock });
    http = createHttpClient({ allowPrivate: true, perHostMinIntervalMs: 0, retries: 0, clock });
    deps = { storage, clock, fetcher: http, options: { allowPrivate: true } };
    unitId = (await storage.units.create({ name: '姑苏区网信办', parentId: null })).id;
    otherUnitId = (await storage.units.create({ name: '虎丘区网信办', parentId: null })).id;
    [itemId = ''] = await storage.items.insertMany([
      {
        unitId,
        kind: 'article',
        url: fixtures.url('/news/1.html'),
        title: '某区化工厂爆炸',
        content: '今天上午十时，某区化工厂发生爆炸。',
        author: '某网友',
        platform: 'web',
        contentHash: sha256Hex('今天上午十时，某区化工厂发生爆炸。'),
        publishedAt: START - 3_600_000,
        collectedAt: START - 1_800_000,
      },
    ]);
  }, 60_000);

  afterAll(async () => {
    await http.close();
    await storage.close();
    await drop();
    await fixtures.close();
  });

  it('keeps the page provable after it is deleted online, and the package verifies', async () => {
    const first = await captureEvidence(deps, {
      unitId,
      itemId,
      recordType: 'incident',
      recordId: 'inc-1',
      actorUserId: null,
    });
    expect(first).toMatchObject({
      httpStatus: 200,
      sourceUrl: fixtures.url('/news/1.html'),
      rawSha256: sha256Hex(Buffer.from(PAGE, 'utf8')),
      rawSize: Buffer.byteLength(PAGE),
      pageError: null,
      itemText: '某区化工厂爆炸\n\n今天上午十时，某区化工厂发生爆炸。',
      screenshotSkipped: 'no_browser_configured',
      capturedAt: START,
    });
    expect(first.pageText).toContain('现场浓烟滚滚');
    expect(first.pageText).not.toContain('tracking');
    expect(first.pageTextSha256).toBe(sha256Hex(first.pageText ?? ''));

    // The post is deleted online.
    fixtures.set({ '/news/1.html': { status: 404, body: 'gone' } });
    clock.advance(60_000);
    const second = await captureEvidence(deps, {
      unitId,
      itemId,
      recordType: 'incident',
      recordId: 'inc-1',
      actorUserId: null,
    });
    expect(second).toMatchObject({ httpStatus: 404, pageError: 'FETCH_HTTP_STATUS', rawSha256: null });

    // The first capture is unchanged and its stored page is served back with its hash.
    expect(await storage.evidence.get(first.id)).toEqual(first);
    const stored = await storage.evidence.getBlob(first.id, 'raw');
    expect(stored?.bytes.toString('utf8')).toBe(PAGE);
    expect(stored?.sha256).toBe(first.rawSha256);
    expect(await storage.evidence.getBlob(second.id, 'raw')).toBeNull();

    // Timeline and audit entries of both captures.
    const timeline = await storage.caseTimeline.list('incident', 'inc-1');
    expect(timeline.map((entry) => entry.details['evidenceId'])).toEqual([first.id, second.id]);
    const audit = await storage.audit.list({ unitIds: null }, { action: 'evidence.capture' }, { limit: 10 });
    expect(audit.items).toHaveLength(2);

    const built = await buildEvidencePackage(deps, [first.id, second.id], {
      userId: null,
      ip: '127.0.0.1',
      unitIds: [unitId],
    });
    expect(built.manifest.evidence.map((e) => e.id)).toEqual([first.id, second.id]);
    expect(built.manifest.evidence[0]?.capturedAt).toBe(new Date(START).toISOString());
    expect(built.manifest.files.map((file) => file.path)).toEqual([
      `evidence/${first.id}/item.txt`,
      `evidence/${first.id}/page.html`,
      `evidence/${first.id}/page-text.txt`,
      `evidence/${second.id}/item.txt`,
    ]);
    const report = verifyEvidencePackage(built.bytes);
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    const page = readZip(built.bytes).find((entry) => entry.name.endsWith('page.html'));
    expect(page?.data.toString('utf8')).toBe(PAGE);

    const exports = await storage.audit.list({ unitIds: null }, { action: 'evidence.export' }, { limit: 10 });
    expect(exports.items[0]).toMatchObject({ unitId, targetId: built.sha256, ip: '127.0.0.1' });

    // A standard tool reads the package too.
    const dir = mkdtempSync(join(tmpdir(), 'fx-evidence-'));
    try {
      const file = join(dir, 'package.zip');
      writeFileSync(file, built.bytes);
      const listing = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(listing).toContain('No errors detected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails verification of a tampered package', async () => {
    const evidence = await captureEvidence(deps, {
      unitId,
      itemId,
      recordType: 'clue',
      recordId: 'clue-1',
      actorUserId: null,
    });
    const built = await buildEvidencePackage(deps, [evidence.id], { userId: null, ip: null, unitIds: null });
    const entries = readZip(built.bytes);
    // A careful forger rewrites the text and re-zips with valid checksums: the manifest hash catches it.
    const forged = writeZip(
      entries.map((entry) => ({
        name: entry.name,
        data: entry.name.endsWith('item.txt') ? Buffer.from('某区化工厂一切正常', 'utf8') : entry.data,
      })),
      START,
    );
    const report = verifyEvidencePackage(forged);
    expect(report.valid).toBe(false);
    expect(report.problems.join('\n')).toContain('item.txt: SHA-256');
    // A forger who also fixes the manifest's file list still contradicts the hashes recorded at capture.
    const manifest = JSON.parse(entries[0]?.data.toString('utf8') ?? '{}') as {
      files: { path: string; sha256: string; size: number }[];
    };
    const fake = Buffer.from('某区化工厂一切正常', 'utf8');
    for (const file of manifest.files) {
      if (file.path.endsWith('item.txt')) Object.assign(file, { sha256: sha256Hex(fake), size: fake.length });
    }
    const reforged = writeZip(
      entries.map((entry) => ({
        name: entry.name,
        data:
          entry.name === 'manifest.json'
            ? Buffer.from(JSON.stringify(manifest), 'utf8')
            : entry.name.endsWith('item.txt')
              ? fake
              : entry.data,
      })),
      START,
    );
    const second = verifyEvidencePackage(reforged);
    expect(second.valid).toBe(false);
    expect(second.problems.join('\n')).toContain('not the file recorded');
    // A flipped byte in the archive itself.
    const damaged = Buffer.from(built.bytes);
    const at = damaged.indexOf(Buffer.from('今天上午', 'utf8'));
    damaged[at] = (damaged[at] ?? 0) ^ 0xff;
    expect(verifyEvidencePackage(damaged).valid).toBe(false);
    expect(verifyEvidencePackage(Buffer.from('not a zip at all, not at all')).valid).toBe(false);
  });

  it('stores a screenshot when a screenshotter is configured, and records why not when it fails', async () => {
    // A stand-in for the Chromium screenshotter (tests never launch a browser).
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const shot = await captureEvidence(
      { ...deps, screenshotter: { capture: async () => png } },
      { unitId, itemId, recordType: 'incident', recordId: 'inc-3', actorUserId: null },
    );
    expect(shot).toMatchObject({
      screenshotSha256: sha256Hex(png),
      screenshotSize: png.length,
      screenshotSkipped: null,
    });
    expect((await storage.evidence.getBlob(shot.id, 'screenshot'))?.bytes.equals(png)).toBe(true);
    const built = await buildEvidencePackage(deps, [shot.id], { userId: null, ip: null, unitIds: null });
    expect(built.manifest.files.map((file) => file.path)).toContain(`evidence/${shot.id}/screenshot.png`);
    expect(verifyEvidencePackage(built.bytes).valid).toBe(true);

    const failed = await captureEvidence(
      {
        ...deps,
        screenshotter: {
          capture: async () => {
            throw new Error('chromium exited with code 1');
          },
        },
      },
      { unitId, itemId, recordType: 'incident', recordId: 'inc-3', actorUserId: null },
    );
    expect(failed).toMatchObject({
      screenshotSha256: null,
      screenshotSkipped: 'failed: chromium exited with code 1',
    });
  });

  it('refuses items and captures outside the caller’s units', async () => {
    await expect(
      captureEvidence(deps, {
        unitId: otherUnitId,
        itemId,
        recordType: 'incident',
        recordId: 'inc-2',
        actorUserId: null,
        unitIds: [otherUnitId],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const mine = await storage.evidence.list({ unitIds: [unitId] }, { recordId: 'inc-1' }, { limit: 10 });
    const [first] = mine.items;
    await expect(
      buildEvidencePackage(deps, [first?.id ?? ''], { userId: null, ip: null, unitIds: [otherUnitId] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
