import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../platform/errors.js';
import { loadConfig } from './load.js';

const cwd = mkdtempSync(join(tmpdir(), 'fx-config-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    const config = loadConfig({ env: {}, cwd });
    expect(config.port).toBe(8600);
    expect(config.databaseUrl).toBe('sqlite:./data/fengxiang.sqlite');
    expect(config.workerRoles).toEqual(['collect', 'analyse', 'deliver', 'report']);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [{ PORT: '9000' }, 'port', 9000],
    [{ COOKIE_SECURE: 'yes' }, 'cookieSecure', true],
    [{ COOKIE_SECURE: 'false' }, 'cookieSecure', false],
    [{ WORKER_ROLES: 'collect, deliver' }, 'workerRoles', ['collect', 'deliver']],
    [{ DATABASE_URL: 'postgres://u@h/db' }, 'databaseUrl', 'postgres://u@h/db'],
    [{ TIME_ZONE: 'Europe/Berlin' }, 'timeZone', 'Europe/Berlin'],
    [
      { FETCH_ALLOW_PRIVATE_HOSTS: 'intranet.local, 10.1.2.3:8080' },
      'fetchAllowPrivateHosts',
      ['intranet.local', '10.1.2.3:8080'],
    ],
    [{ AUTHOR_STORAGE: 'hash', AUTHOR_HASH_KEY: 'sixteen-chars-key' }, 'authorStorage', 'hash'],
  ] as const)('reads %o from the environment', (env, key, expected) => {
    expect(loadConfig({ env, cwd })[key]).toEqual(expected);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT="eighty"'],
    [{ PORT: '70000' }, 'PORT="70000"'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL=[secret]'],
    [{ COOKIE_SECURE: 'maybe' }, 'COOKIE_SECURE="maybe"'],
    [{ TIME_ZONE: 'Mars/Olympus' }, 'TIME_ZONE="Mars/Olympus"'],
    [{ AUTHOR_STORAGE: 'hash' }, 'AUTHOR_HASH_KEY: must be at least 16 characters'],
    [{ AUTHOR_STORAGE: 'blurred' }, 'AUTHOR_STORAGE="blurred"'],
  ])('rejects %o naming the variable', (env, named) => {
    let caught: unknown;
    try {
      loadConfig({ env, cwd });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'CONFIG_INVALID')).toBe(true);
    expect((caught as Error).message).toContain(named);
  });

  it('lists every bad setting at once', () => {
    expect(() => loadConfig({ env: { PORT: 'x', LOG_LEVEL: 'loud' }, cwd })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });

  it('reads secrets from *_FILE', () => {
    const file = join(cwd, 'db-url');
    writeFileSync(file, 'postgres://secret@db/fx\n');
    expect(loadConfig({ env: { DATABASE_URL_FILE: file }, cwd }).databaseUrl).toBe('postgres://secret@db/fx');
  });

  it('says which *_FILE cannot be read', () => {
    expect(() => loadConfig({ env: { REDIS_URL_FILE: join(cwd, 'missing') }, cwd })).toThrow(
      /REDIS_URL_FILE/,
    );
  });

  it('reads a config file and lets the environment win', () => {
    const file = join(cwd, 'custom.json');
    writeFileSync(file, JSON.stringify({ port: 8700, logLevel: 'debug' }));
    const config = loadConfig({ env: { LOG_LEVEL: 'warn' }, file, cwd });
    expect(config.port).toBe(8700);
    expect(config.logLevel).toBe('warn');
  });

  it('reads fengxiang.config.json from the working folder', () => {
    const dir = mkdtempSync(join(cwd, 'folder-'));
    writeFileSync(join(dir, 'fengxiang.config.json'), JSON.stringify({ port: 8601 }));
    expect(loadConfig({ env: {}, cwd: dir }).port).toBe(8601);
  });

  it('rejects unknown keys and broken JSON in the config file', () => {
    const unknown = join(cwd, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ prot: 1 }));
    expect(() => loadConfig({ env: {}, file: unknown, cwd })).toThrow(/unknown settings: prot/);
    const broken = join(cwd, 'broken.json');
    writeFileSync(broken, '{ "port": ');
    expect(() => loadConfig({ env: {}, file: broken, cwd })).toThrow(/cannot read config file/);
  });
});
