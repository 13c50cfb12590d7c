import { createToken } from '../../auth/index.js';
import { systemClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { openStorage } from '../../storage/index.js';
import { readConfig } from '../compose.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

const DAY_MS = 24 * 3600 * 1000;

/** `fengxiang token create --user U`: prints a new API token for user U once. */
export const tokenCommand: Command = {
  summary: 'print a new API token for a user',
  usage: 'fengxiang token create --user USERNAME [--name NAME] [--expires-days N] [--config FILE]',
  async run(args) {
    const { values, positionals } = parseOptions(
      'token',
      args,
      {
        config: { type: 'string' },
        user: { type: 'string' },
        name: { type: 'string' },
        'expires-days': { type: 'string' },
      },
      true,
    );
    if (positionals[0] !== 'create' || positionals.length !== 1) {
      throw new AppError('VALIDATION_FAILED', `usage: ${this.usage}`);
    }
    if (!values.user) throw new AppError('VALIDATION_FAILED', 'token create: --user is required');
    const days = values['expires-days'] === undefined ? null : Number(values['expires-days']);
    if (days !== null && (!Number.isFinite(days) || days <= 0)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `token create: --expires-days must be a positive number (got ${values['expires-days']})`,
      );
    }
    const config = readConfig(values.config);
    const storage = await openStorage(config.databaseUrl, {
      migrate: config.databaseUrl.startsWith('sqlite:'),
    });
    try {
      const found = await storage.users.getWithSecretByUsername(values.user);
      if (!found) throw new AppError('NOT_FOUND', `token create: no user named "${values.user}"`);
      const now = systemClock.now();
      const { secret, token } = await createToken(
        storage,
        systemClock,
        { userId: null, ip: null },
        {
          user: found.user,
          name: values.name ?? 'cli',
          expiresAt: days === null ? null : now + days * DAY_MS,
        },
      );
      process.stderr.write(`token ${token.id} for ${found.user.username} (shown once):\n`);
      process.stdout.write(`${secret}\n`);
      return 0;
    } finally {
      await storage.close();
    }
  },
};
