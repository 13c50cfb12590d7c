/**
 * The deadline ticker on both engines: a tick sweeps at the clock's time, concurrent ticks share one
 * sweep, a failing sweep is logged and answered null without stopping the ticker, and stop waits.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaseDeadlineTicker } from '../../src/cases/deadlines/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const START = Date.UTC(2024, 4, 6, 1, 0);
const HOUR = 3_600_000;

describe.each(databaseTargets)('case deadline ticker on $name', (target) => {
  let drop: () => Promise<void>;
  let storage: Storage;
  let clock: ManualClock;
  let unitId: string;
  const logged: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString('utf8'));
        done();
      },
    }),
  );

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    clock = new ManualClock(START);
    storage = await openStorage(database.url, { clock });
    unitId = (await storage.units.create({ name: '网信办', parentId: null })).id;
  }, 60_000);

  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('sweeps on tick at the clock’s time, once for concurrent ticks', async () => {
    let raised = 0;
    const ticker = startCaseDeadlineTicker({
      storage,
      clock,
      logger,
      tickMs: 3_600_000,
      onRaised: async () => {
        raised += 1;
      },
    });
    await storage.caseDeadlines.set(
      {
        unitId,
        recordType: 'incident',
        recordId: 'inc-1',
        kind: 'first_release',
        title: '「化工厂异味」首次权威发布',
        level: 'red',
        dueAt: START + 5 * HOUR,
        remindAt: START + 4 * HOUR,
      },
      START,
    );
    expect(await ticker.tick()).toMatchObject({ reminders: 0, escalations: 0 });
    clock.advance(4 * HOUR);
    const [first, second] = await Promise.all([ticker.tick(), ticker.tick()]);
    expect(first).toMatchObject({ reminders: 1 });
    expect(second).toBe(first);
    expect(raised).toBe(1);
    const alert = await storage.alerts.get(first?.alertIds[0] ?? '');
    expect(alert).toMatchObject({ trigger: 'case_deadline', level: 'red', incidentId: 'inc-1' });
    expect(logged.some((line) => line.includes('case deadlines swept'))).toBe(true);
    await ticker.stop();
  });

  it('logs a failed sweep and keeps going', async () => {
    const broken = { ...storage, caseDeadlines: { ...storage.caseDeadlines } } as Storage;
    broken.caseDeadlines.dueEscalations = () => Promise.reject(new Error('database gone'));
    const ticker = startCaseDeadlineTicker({
      storage: broken,
      clock,
      logger,
      tickMs: 3_600_000,
      onRaised: async () => undefined,
    });
    expect(await ticker.tick()).toBeNull();
    expect(logged.some((line) => line.includes('case deadline sweep failed'))).toBe(true);
    await ticker.stop();
  });
});
