import { checkPasswordPolicy } from '../../auth/index.js';
import { AppError } from '../../platform/errors.js';
import {
  collectDeps,
  openRuntimeForCommand,
  readConfig,
  startBackgroundWorkers,
  untilSignal,
  type Runtime,
} from '../compose.js';
import { readDemoHotList } from '../demo/hot-list.js';
import { backfillDemo, startLiveReplay, type ReplayCounts, type ReplayDeps } from '../demo/replay.js';
import { resetDemoWorkspace } from '../demo/reset.js';
import { startServer } from '../server.js';
import {
  ensureDemoWorkspace,
  findDemoRoot,
  generateDemoPassword,
  type DemoWorkspace,
} from '../demo/workspace.js';
import { parseOptions } from '../options.js';
import { readPassword } from '../prompt.js';
import type { Command } from './types.js';

/** One virtual hour per real minute: the story, its event and its alerts show within the first minute. */
const DEFAULT_SPEED = 60;
const DRAIN_POLL_MS = 200;

/**
 * `fengxiang demo`: creates (or finds) the demo workspace, backfills `--seed-days` of history, then serves
 * the API and console while replaying sample data as if it arrived live, until SIGINT/SIGTERM.
 * `--no-serve` sets up, seeds, waits for evaluation to finish and exits.
 */
export const demoCommand: Command = {
  summary: 'a demo workspace with sample data replayed as if live',
  usage:
    'fengxiang demo [--seed-days N] [--speed N] [--seed N] [--password-file F] [--reset] [--no-serve] [--port N] [--config FILE]',
  async run(args) {
    const { values } = parseOptions('demo', args, {
      config: { type: 'string' },
      'seed-days': { type: 'string' },
      speed: { type: 'string' },
      seed: { type: 'string' },
      'password-file': { type: 'string' },
      reset: { type: 'boolean' },
      'no-serve': { type: 'boolean' },
      port: { type: 'string' },
    });
    const seedDays = numberOption('seed-days', values['seed-days'], 1, 0, 3660);
    const speed = numberOption('speed', values.speed, DEFAULT_SPEED, 1, 100_000);
    const seed = numberOption('seed', values.seed, 1, 0, 2 ** 31);
    const given = values['password-file'] !== undefined;
    const password = given ? await readPassword(values['password-file'], '') : generateDemoPassword();
    checkPasswordPolicy(password);
    const config = readConfig(values.config);
    const runtime = await openRuntimeForCommand(config);
    try {
      if (values.reset) await reset(runtime);
      const workspace = await ensureDemoWorkspace(
        {
          storage: runtime.storage,
          clock: runtime.clock,
          alertService: runtime.alerting.alertService,
          timeZone: config.timeZone,
        },
        password,
        given,
      );
      const replay = replayDeps(runtime, workspace, seed);
      if (values['no-serve']) return await seedOnly(runtime, workspace, replay, seedDays);
      return await serveDemo(runtime, workspace, replay, {
        seedDays,
        speed,
        port: values.port !== undefined ? numberOption('port', values.port, 0, 0, 65535) : config.port,
      });
    } finally {
      await runtime.close();
    }
  },
};

function numberOption(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || parsed > max) {
    throw new AppError(
      'VALIDATION_FAILED',
      `demo: --${name} must be a number from ${min} to ${max} (got "${value}")`,
    );
  }
  return parsed;
}

async function reset(runtime: Runtime): Promise<void> {
  const root = await findDemoRoot(runtime.storage);
  if (!root) return;
  const unitIds = await runtime.storage.units.subtreeIds(root.id);
  const rows = await resetDemoWorkspace(runtime.config.databaseUrl, unitIds);
  process.stderr.write(`demo: removed the demo workspace (${rows} rows in ${unitIds.length} units)\n`);
}

function replayDeps(runtime: Runtime, workspace: DemoWorkspace, seed: number): ReplayDeps {
  const collect = collectDeps(runtime);
  return {
    storage: runtime.storage,
    segmenter: runtime.segmenter,
    analysers: runtime.analysers,
    settings: collect.settings,
    ...(collect.onStored && { onStored: collect.onStored }),
    clock: runtime.clock,
    timeZone: runtime.config.timeZone,
    seed,
    sources: workspace.sources,
    hotList: readDemoHotList(),
  };
}

function describeWorkspace(workspace: DemoWorkspace): string {
  const lines = [
    `demo workspace: ${workspace.units.root.name} (${workspace.units.root.id}) with ${workspace.units.east.name} and ${workspace.units.west.name}; ${workspace.created} parts created`,
    'logins:',
    ...workspace.usernames.map((name) => `  ${name}`),
    workspace.password !== null
      ? `password (shown once): ${workspace.password}`
      : 'password: unchanged (use --password-file F to set one, or --reset to start over)',
  ];
  return `${lines.join('\n')}\n`;
}

function progress(done: number, total: number, counts: ReplayCounts): void {
  process.stderr.write(
    `\rdemo: seeded ${done}/${total} days · new ${counts.inserted.toLocaleString('en')} · duplicate ${counts.duplicates.toLocaleString('en')}   `,
  );
}

/** Waits until the evaluate queue has nothing waiting, running or delayed. */
async function drainEvaluation(runtime: Runtime): Promise<void> {
  for (;;) {
    const counts = (await runtime.queue.counts()).evaluate;
    const left = counts.waiting + counts.active + counts.delayed;
    if (left === 0) return;
    process.stderr.write(`\rdemo: evaluating · ${left} jobs left   `);
    await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }
}

async function seedOnly(
  runtime: Runtime,
  workspace: DemoWorkspace,
  replay: ReplayDeps,
  seedDays: number,
): Promise<number> {
  process.stdout.write(describeWorkspace(workspace));
  const workers = startBackgroundWorkers(runtime, ['analyse']);
  try {
    const counts = await backfillDemo(replay, seedDays, progress);
    await drainEvaluation(runtime);
    process.stderr.write('\n');
    process.stdout.write(
      `seeded ${seedDays} days: ${counts.inserted} new items, ${counts.duplicates} already there, ${counts.rejected} rejected\n`,
    );
    return counts.rejected > 0 && counts.inserted === 0 ? 1 : 0;
  } finally {
    await workers.stop();
  }
}

async function serveDemo(
  runtime: Runtime,
  workspace: DemoWorkspace,
  replay: ReplayDeps,
  options: { seedDays: number; speed: number; port: number },
): Promise<number> {
  const server = await startServer(runtime, options.port);
  process.stdout.write(`${describeWorkspace(workspace)}console: ${server.url}\n`);
  try {
    const counts = await backfillDemo(replay, options.seedDays, progress);
    process.stderr.write(
      `\ndemo: history seeded (${counts.inserted} new items); replaying live at ${options.speed}× — Ctrl-C stops\n`,
    );
    const live = startLiveReplay(replay, {
      speed: options.speed,
      onError: (error) => runtime.logger.warn({ err: error }, 'demo replay step failed'),
    });
    await live.step();
    await untilSignal();
    await live.stop();
    return 0;
  } finally {
    await server.stop();
  }
}
