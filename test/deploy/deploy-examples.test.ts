/**
 * The deployment examples in deploy/ (Docker is not available here to run them): the compose file parses,
 * has the services docs/operations.md describes, starts workers and the API only after the migration, and
 * every command it or a systemd unit runs is a real `fengxiang` command with valid roles; no secret is
 * written into the examples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { parseRoles } from '../../src/cli/roles.js';

const DEPLOY = join(import.meta.dirname, '../../deploy');

interface ComposeService {
  image?: string;
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
}

const compose = parse(readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

/** Checks a `fengxiang …` argument list: a known command, and valid roles where it names them. */
function expectRealCommand(args: readonly string[]): void {
  const [name, ...rest] = args;
  expect(Object.keys(COMMANDS)).toContain(name);
  const roles = rest[rest.indexOf('--roles') + 1];
  if (rest.includes('--roles') && (name === 'serve' || name === 'worker')) {
    expect(() => parseRoles(name, roles, [])).not.toThrow();
  }
}

describe('deploy/compose.yaml', () => {
  it('has PostgreSQL 15, Redis 7, a one-shot migration, one API and scalable workers', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'migrate', 'postgres', 'redis', 'worker']);
    expect(compose.services['postgres']?.image).toBe('postgres:15');
    expect(compose.services['redis']?.image).toBe('redis:7');
    expect(compose.services['api']?.depends_on?.['migrate']?.condition).toBe(
      'service_completed_successfully',
    );
    expect(compose.services['worker']?.depends_on?.['migrate']?.condition).toBe(
      'service_completed_successfully',
    );
    expect(compose.services['worker']?.environment?.['REDIS_URL']).toBe('redis://redis:6379');
  });

  it('runs only real fengxiang commands', () => {
    const commands = Object.values(compose.services)
      .map((service) => service.command)
      .filter((command): command is string[] => command?.[1] === 'bin/fengxiang.js');
    expect(commands).toHaveLength(3);
    for (const command of commands) expectRealCommand(command.slice(2));
  });
});

describe('deploy/systemd', () => {
  const units = readdirSync(join(DEPLOY, 'systemd')).filter((name) => name.endsWith('.service'));

  it.each(units)('%s runs a real fengxiang command', (unit) => {
    const text = readFileSync(join(DEPLOY, 'systemd', unit), 'utf8');
    const exec = /^ExecStart=\S+ \S+\/bin\/fengxiang\.js (.+)$/m.exec(text)?.[1];
    expect(exec).toBeDefined();
    const args = (exec ?? '').replace('%i', 'collect,analyse').split(' ');
    expectRealCommand(args);
    expect(text).toContain('EnvironmentFile=/etc/fengxiang/fengxiang.env');
  });
});

describe('no secrets in the examples', () => {
  it.each(['compose.yaml', 'compose.env.example', 'fengxiang.env.example'])(
    '%s uses placeholders',
    (file) => {
      const text = readFileSync(join(DEPLOY, file), 'utf8');
      expect(text).not.toMatch(/(PASSWORD|SECRET|KEY)=(?!<)[^\s$]{6,}/);
      expect(text).not.toMatch(/postgres:\/\/[^:\s]+:(?!<|\$\{)[^@\s]+@/);
    },
  );
});
