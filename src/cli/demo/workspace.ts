/**
 * Creating the demo workspace (idempotent): the unit tree, one login per role, sources, key accounts,
 * schemes, alert rules, an in-app channel, an emergency plan and report schedules. Every part is looked up
 * by name first, so a second run creates nothing twice; nothing outside the demo's own units is read or
 * changed.
 */
import { randomBytes } from 'node:crypto';
import { createRule } from '../../alerts/service/index.js';
import type { AlertServiceDeps } from '../../alerts/service/deps.js';
import { hashPassword } from '../../auth/index.js';
import { defaultPlans } from '../../cases/plans/index.js';
import type { Source, Unit } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Storage } from '../../storage/repositories.js';
import {
  DEMO_HOT_CONFIG,
  DEMO_KEY_ACCOUNTS,
  DEMO_RULES,
  DEMO_SCHEMES,
  DEMO_SOURCES,
  DEMO_UNIT_CODE,
  DEMO_UNITS,
  DEMO_USERS,
  type DemoSourceKey,
  type DemoUnitKey,
} from './spec.js';

/** What setting up needs. */
export interface WorkspaceDeps {
  storage: Storage;
  clock: Clock;
  alertService: AlertServiceDeps;
  timeZone: string;
}

/** The demo workspace as set up. */
export interface DemoWorkspace {
  units: Record<DemoUnitKey, Unit>;
  sources: Record<DemoSourceKey, Source>;
  /** Logins created by this run (the password is shown once, for these). */
  createdUsers: string[];
  /** Every demo login. */
  usernames: string[];
  /** The password of the logins created or reset by this run; null when none was. */
  password: string | null;
  /** Parts created by this run (0 on a second run). */
  created: number;
}

/** The demo's top unit, or null when there is no demo workspace. */
export async function findDemoRoot(storage: Storage): Promise<Unit | null> {
  const units = await storage.units.list({ unitIds: null });
  return units.find((unit) => unit.parentId === null && unit.code === DEMO_UNIT_CODE) ?? null;
}

/** A password for the demo logins (16 URL-safe characters). */
export function generateDemoPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Creates what is missing of the demo workspace. `password` is used for logins created now and, when
 * `setPassword` is true (the operator gave one), also set on existing demo logins.
 */
export async function ensureDemoWorkspace(
  deps: WorkspaceDeps,
  password: string,
  setPassword: boolean,
): Promise<DemoWorkspace> {
  const counter = { created: 0 };
  const units = await ensureUnits(deps.storage, counter);
  const users = await ensureUsers(deps.storage, units, password, setPassword, counter);
  const sources = await ensureSources(deps.storage, units, counter);
  await ensureKeyAccounts(deps.storage, units.root, counter);
  const schemes = await ensureSchemes(deps.storage, units, counter);
  await ensureRules(deps, units, schemes, counter);
  await ensureChannel(deps.storage, units.root, counter);
  await ensurePlan(deps, units.root, counter);
  await ensureSchedules(deps, units.root, users.get('demo-leader') ?? null, counter);
  const createdUsers = [...users.entries()].filter(([, u]) => u.created).map(([name]) => name);
  return {
    units,
    sources,
    createdUsers,
    usernames: DEMO_USERS.map((user) => user.username),
    password: createdUsers.length > 0 || setPassword ? password : null,
    created: counter.created,
  };
}

async function ensureUnits(
  storage: Storage,
  counter: { created: number },
): Promise<Record<DemoUnitKey, Unit>> {
  let root = await findDemoRoot(storage);
  if (!root) {
    root = await storage.units.create({ ...DEMO_UNITS.root, parentId: null });
    counter.created += 1;
  }
  const below = await storage.units.list({ unitIds: await storage.units.subtreeIds(root.id) });
  const child = async (key: 'east' | 'west'): Promise<Unit> => {
    const spec = DEMO_UNITS[key];
    const found = below.find((unit) => unit.parentId === root.id && unit.code === spec.code);
    if (found) return found;
    counter.created += 1;
    return storage.units.create({ ...spec, parentId: root.id });
  };
  return { root, east: await child('east'), west: await child('west') };
}

async function ensureUsers(
  storage: Storage,
  units: Record<DemoUnitKey, Unit>,
  password: string,
  setPassword: boolean,
  counter: { created: number },
): Promise<Map<string, { id: string; created: boolean }>> {
  const passwordHash = await hashPassword(password);
  const result = new Map<string, { id: string; created: boolean }>();
  const demoUnitIds = new Set(Object.values(units).map((unit) => unit.id));
  for (const spec of DEMO_USERS) {
    const existing = await storage.users.getWithSecretByUsername(spec.username);
    if (existing) {
      // A login of that name outside the demo belongs to someone else: never touch it.
      if (setPassword && demoUnitIds.has(existing.user.unitId)) {
        await storage.users.setPasswordHash(existing.user.id, passwordHash);
      }
      result.set(spec.username, { id: existing.user.id, created: false });
      continue;
    }
    const user = await storage.users.create({
      unitId: units[spec.unit].id,
      username: spec.username,
      displayName: spec.displayName,
      passwordHash,
      roles: spec.roles,
    });
    counter.created += 1;
    result.set(spec.username, { id: user.id, created: true });
  }
  return result;
}

async function allSources(storage: Storage, unitIds: string[]): Promise<Source[]> {
  const sources: Source[] = [];
  let cursor: string | null = null;
  do {
    const page = await storage.sources.list({ unitIds }, {}, { limit: 200, cursor });
    sources.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return sources;
}

async function ensureSources(
  storage: Storage,
  units: Record<DemoUnitKey, Unit>,
  counter: { created: number },
): Promise<Record<DemoSourceKey, Source>> {
  const existing = await allSources(
    storage,
    Object.values(units).map((unit) => unit.id),
  );
  const entries: [DemoSourceKey, Source][] = [];
  for (const spec of DEMO_SOURCES) {
    const unitId = units[spec.unit].id;
    let source = existing.find((s) => s.unitId === unitId && s.name === spec.name);
    if (!source) {
      const hot = spec.kind === 'hotlist';
      source = await storage.sources.create({
        unitId,
        name: spec.name,
        kind: spec.kind,
        platform: spec.platform,
        tier: spec.tier,
        region: '江苏省',
        // Hot lists are fed by the replay, never fetched from the real site.
        enabled: !hot,
        ...(hot && { url: String(DEMO_HOT_CONFIG[spec.key]?.url), config: DEMO_HOT_CONFIG[spec.key] }),
      });
      counter.created += 1;
    }
    entries.push([spec.key, source]);
  }
  return Object.fromEntries(entries) as Record<DemoSourceKey, Source>;
}

async function ensureKeyAccounts(storage: Storage, root: Unit, counter: { created: number }): Promise<void> {
  const existing = await storage.keyAccounts.listForUnits([root.id]);
  for (const spec of DEMO_KEY_ACCOUNTS) {
    if (existing.some((account) => account.name === spec.name && account.platform === spec.platform))
      continue;
    await storage.keyAccounts.create({ unitId: root.id, ...spec, note: '演示数据' });
    counter.created += 1;
  }
}

async function ensureSchemes(
  storage: Storage,
  units: Record<DemoUnitKey, Unit>,
  counter: { created: number },
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const spec of DEMO_SCHEMES) {
    const unitId = units[spec.unit].id;
    const page = await storage.schemes.list({ unitIds: [unitId] }, {}, { limit: 500 });
    let scheme = page.items.find((s) => s.unitId === unitId && s.name === spec.name);
    if (!scheme) {
      scheme = await storage.schemes.create({
        unitId,
        name: spec.name,
        description: spec.description,
        expression: spec.expression,
      });
      counter.created += 1;
    }
    ids.set(`${spec.unit}/${spec.name}`, scheme.id);
  }
  return ids;
}

async function ensureRules(
  deps: WorkspaceDeps,
  units: Record<DemoUnitKey, Unit>,
  schemes: Map<string, string>,
  counter: { created: number },
): Promise<void> {
  const system = { userId: null, ip: null, unitIds: null };
  for (const spec of DEMO_RULES) {
    const unitId = units[spec.unit].id;
    const page = await deps.storage.alertRules.list({ unitIds: [unitId] }, {}, { limit: 500 });
    if (page.items.some((rule) => rule.unitId === unitId && rule.name === spec.definition.name)) continue;
    const schemeIds = spec.schemes.flatMap((name) => schemes.get(`${spec.unit}/${name}`) ?? []);
    const trigger =
      schemeIds.length > 0 ? { ...spec.definition.trigger, schemeIds } : spec.definition.trigger;
    await createRule(deps.alertService, system, unitId, { ...spec.definition, trigger });
    counter.created += 1;
  }
}

async function ensureChannel(storage: Storage, root: Unit, counter: { created: number }): Promise<void> {
  const channels = await storage.channels.list({ unitIds: [root.id] });
  if (channels.some((channel) => channel.unitId === root.id && channel.kind === 'inapp')) return;
  await storage.channels.create({
    unitId: root.id,
    kind: 'inapp',
    name: '控制台通知',
    coverSubunits: true,
    config: {},
  });
  counter.created += 1;
}

async function ensurePlan(deps: WorkspaceDeps, root: Unit, counter: { created: number }): Promise<void> {
  const content = defaultPlans().find((plan) => plan.category === 'mass_incident' && plan.level === 'larger');
  if (!content) return;
  const existing = await deps.storage.plans.listForUnit(root.id);
  if (existing.some((plan) => plan.name === content.name)) return;
  await deps.storage.plans.create(
    { unitId: root.id, content, status: 'active', createdBy: null },
    deps.clock.now(),
  );
  counter.created += 1;
}

async function ensureSchedules(
  deps: WorkspaceDeps,
  root: Unit,
  leader: { id: string } | null,
  counter: { created: number },
): Promise<void> {
  const existing = await deps.storage.reportSchedules.list({ unitIds: [root.id] });
  const wanted = [
    { type: 'daily', cron: '0 17 * * *' },
    { type: 'weekly', cron: '0 9 * * 1' },
  ] as const;
  for (const { type, cron } of wanted) {
    if (existing.some((schedule) => schedule.unitId === root.id && schedule.type === type)) continue;
    await deps.storage.reportSchedules.create({
      unitId: root.id,
      type,
      cron,
      timeZone: deps.timeZone,
      enabled: true,
      autoIssue: false,
      reviewerId: leader?.id ?? null,
      recipients: [],
      formats: ['docx', 'pdf'],
    });
    counter.created += 1;
  }
}
