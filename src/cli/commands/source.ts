import { readFileSync } from 'node:fs';
import {
  DRAFT_SOURCE_ID,
  draftSource,
  SOURCE_KINDS,
  type Source,
  type SourceKind,
} from '../../domain/index.js';
import { collectSource } from '../../pipeline/collect/run.js';
import { previewSource, type SourcePreview } from '../../pipeline/collect/preview.js';
import { AppError } from '../../platform/errors.js';
import { collectDeps, openRuntimeForCommand, readConfig, type Runtime } from '../compose.js';
import { parseOptions } from '../options.js';
import { unitOption } from '../units.js';
import type { Command } from './types.js';

const USAGE = `fengxiang source list [--unit U] [--json]
  fengxiang source add --name N --kind K [--url URL] [--source-config JSON|@FILE] [--unit U] [--interval S] [--json]
  fengxiang source test ID | --kind K [--url URL] [--source-config JSON|@FILE] [--json]
  fengxiang source fetch ID
  fengxiang source runs ID [--limit N] [--json]
  fengxiang source enable|pause|delete ID
  (every action also takes --config FILE)`;

const OPTIONS = {
  config: { type: 'string' },
  'source-config': { type: 'string' },
  unit: { type: 'string' },
  name: { type: 'string' },
  kind: { type: 'string' },
  url: { type: 'string' },
  interval: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseOptions<typeof OPTIONS>>['values'];

/** `fengxiang source …`: manage sources from the command line (the same checks as the API). */
export const sourceCommand: Command = {
  summary:
    'manage sources: list, add, test (fetch once, store nothing), fetch now, history, enable, pause, delete',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseOptions('source', args, OPTIONS, true);
    const [action, id] = positionals;
    if (!action) throw new AppError('VALIDATION_FAILED', `source: say what to do\nusage: ${USAGE}`);
    const runtime = await openRuntimeForCommand(readConfig(values.config));
    try {
      return await runAction(runtime, action, id, values);
    } finally {
      await runtime.close();
    }
  },
};

async function runAction(
  runtime: Runtime,
  action: string,
  id: string | undefined,
  values: Values,
): Promise<number> {
  switch (action) {
    case 'list':
      return listSources(runtime, values);
    case 'add':
      return addSource(runtime, values);
    case 'test':
      return testSource(runtime, id, values);
    case 'fetch':
      return fetchSource(runtime, await existing(runtime, id));
    case 'runs':
      return listRuns(runtime, await existing(runtime, id), values);
    case 'enable':
    case 'pause':
      return setEnabled(runtime, await existing(runtime, id), action === 'enable');
    case 'delete':
      return deleteSource(runtime, await existing(runtime, id));
    default:
      throw new AppError('VALIDATION_FAILED', `source: unknown action "${action}"\nusage: ${USAGE}`);
  }
}

async function existing(runtime: Runtime, id: string | undefined): Promise<Source> {
  if (!id) throw new AppError('VALIDATION_FAILED', 'source: give the source id');
  const found = await runtime.storage.sources.get(id);
  if (!found) throw new AppError('NOT_FOUND', `source: no source with the id "${id}"`);
  return found;
}

function kindOption(value: string | undefined): SourceKind {
  const kind = SOURCE_KINDS.find((known) => known === value);
  if (!kind)
    throw new AppError('VALIDATION_FAILED', `source: --kind must be one of ${SOURCE_KINDS.join(', ')}`);
  return kind;
}

function configOption(value: string | undefined): Record<string, unknown> {
  if (value === undefined) return {};
  let text = value;
  if (value.startsWith('@')) {
    try {
      text = readFileSync(value.slice(1), 'utf8');
    } catch (error) {
      throw new AppError(
        'VALIDATION_FAILED',
        `source: cannot read ${value.slice(1)}: ${(error as Error).message}`,
      );
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `source: --source-config is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('VALIDATION_FAILED', 'source: --source-config must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function intervalOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 30) {
    throw new AppError(
      'VALIDATION_FAILED',
      `source: --interval must be whole seconds, at least 30 (got "${value}")`,
    );
  }
  return seconds;
}

async function audit(runtime: Runtime, source: Source, action: string): Promise<void> {
  await runtime.storage.audit.append({
    at: runtime.clock.now(),
    actorUserId: null,
    unitId: source.unitId,
    action,
    targetType: 'source',
    targetId: source.id,
    ip: null,
    detail: { via: 'cli', name: source.name },
  });
}

function print(values: Values, json: unknown, text: string): void {
  process.stdout.write(values.json ? `${JSON.stringify(json)}\n` : `${text}\n`);
}

function describe(source: Source): string {
  const error = source.lastError ? `  last error: ${source.lastErrorCode ?? ''} ${source.lastError}` : '';
  return `${source.id}  ${source.kind.padEnd(8)} ${(source.enabled ? source.health : 'paused').padEnd(7)} ${source.name}  ${source.url ?? ''}${error}`;
}

async function listSources(runtime: Runtime, values: Values): Promise<number> {
  const scope = values.unit
    ? { unitIds: [(await unitOption('source', runtime.storage, values.unit)).id] }
    : { unitIds: null };
  const all: Source[] = [];
  let cursor: string | null = null;
  do {
    const page = await runtime.storage.sources.list(scope, {}, { limit: 200, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  print(values, all, all.length === 0 ? 'no sources' : all.map(describe).join('\n'));
  return 0;
}

async function addSource(runtime: Runtime, values: Values): Promise<number> {
  if (!values.name) throw new AppError('VALIDATION_FAILED', 'source add: --name is required');
  const kind = kindOption(values.kind);
  const config = configOption(values['source-config']);
  runtime.kinds.validateConfig(kind, config);
  const unit = await unitOption('source add', runtime.storage, values.unit);
  const interval = intervalOption(values.interval);
  const created = await runtime.storage.sources.create({
    unitId: unit.id,
    name: values.name,
    kind,
    url: values.url ?? null,
    config,
    ...(interval !== undefined && { intervalSeconds: interval }),
  });
  await audit(runtime, created, 'source.create');
  print(values, created, `created ${describe(created)}`);
  return 0;
}

async function testSource(runtime: Runtime, id: string | undefined, values: Values): Promise<number> {
  const source = id ? await existing(runtime, id) : sourceFromOptions(runtime, values);
  const preview = await previewSource(collectDeps(runtime), source);
  print(values, preview, describePreview(preview));
  return preview.ok ? 0 : 1;
}

function sourceFromOptions(runtime: Runtime, values: Values): Source {
  return draftSource(
    {
      unitId: DRAFT_SOURCE_ID,
      name: values.name ?? 'preview',
      kind: kindOption(values.kind),
      url: values.url ?? null,
      config: configOption(values['source-config']),
    },
    runtime.clock.now(),
  );
}

function describePreview(preview: SourcePreview): string {
  if (!preview.ok) return `test failed: ${preview.error?.code ?? ''} ${preview.error?.message ?? ''}`;
  const lines = [
    `found ${preview.found} item(s) in ${preview.durationMs} ms (HTTP ${preview.httpStatus ?? '-'})`,
  ];
  for (const item of preview.items) {
    const time =
      new Date(item.publishedAt).toISOString() + (item.timeGuessed ? ' (no time on the page)' : '');
    lines.push(`- ${time}  ${item.title ?? item.excerpt.slice(0, 60)}`, `    ${item.url ?? ''}`);
  }
  for (const entry of preview.hotEntries) lines.push(`#${entry.rank} ${entry.title} ${entry.heat ?? ''}`);
  for (const rejected of preview.rejected) lines.push(`skipped ${rejected.where}: ${rejected.reason}`);
  return lines.join('\n');
}

async function fetchSource(runtime: Runtime, source: Source): Promise<number> {
  const report = await collectSource(collectDeps(runtime), source.id);
  const text =
    report.outcome === 'failed'
      ? `fetch failed: ${report.error?.code ?? ''} ${report.error?.message ?? ''}`
      : `${report.outcome}: found ${report.found}, new ${report.inserted.length}, updated ${report.updated.length}, duplicate ${report.duplicates}, rejected ${report.rejected.length}`;
  process.stdout.write(`${text}\n`);
  return report.outcome === 'failed' ? 1 : 0;
}

async function listRuns(runtime: Runtime, source: Source, values: Values): Promise<number> {
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw new AppError('VALIDATION_FAILED', 'source runs: --limit must be 1 to 200');
  }
  const page = await runtime.storage.fetchRuns.listBySource(source.id, { limit, cursor: null });
  const text = page.items
    .map(
      (run) =>
        `${new Date(run.startedAt).toISOString()}  ${run.outcome.padEnd(12)} found ${run.found} new ${run.inserted} updated ${run.updated} dup ${run.duplicates} rejected ${run.rejected}${run.errorCode ? `  ${run.errorCode}: ${run.errorMessage ?? ''}` : ''}`,
    )
    .join('\n');
  print(values, page.items, text || 'no fetches yet');
  return 0;
}

async function setEnabled(runtime: Runtime, source: Source, enabled: boolean): Promise<number> {
  const updated = await runtime.storage.sources.update(source.id, { enabled });
  if (enabled) await runtime.storage.sources.setNextFetch(source.id, null);
  await audit(runtime, updated, enabled ? 'source.resume' : 'source.pause');
  process.stdout.write(`${describe(updated)}\n`);
  return 0;
}

async function deleteSource(runtime: Runtime, source: Source): Promise<number> {
  await runtime.storage.sources.delete(source.id);
  await audit(runtime, source, 'source.delete');
  process.stdout.write(`deleted ${source.id} ${source.name}\n`);
  return 0;
}
