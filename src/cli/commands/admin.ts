import { checkPasswordPolicy, createFirstAdmin } from '../../auth/index.js';
import { systemClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { openStorage } from '../../storage/index.js';
import { readConfig } from '../compose.js';
import { parseOptions } from '../options.js';
import { readPassword } from '../prompt.js';
import type { Command } from './types.js';

/** `fengxiang admin create`: the root unit and its first administrator, on an installation with no users. */
export const adminCommand: Command = {
  summary: 'create the first administrator (password from prompt, stdin or --password-file)',
  usage:
    'fengxiang admin create --username U [--unit NAME] [--display-name NAME] [--password-file F] [--config FILE]',
  async run(args) {
    const { values, positionals } = parseOptions(
      'admin',
      args,
      {
        config: { type: 'string' },
        username: { type: 'string' },
        unit: { type: 'string' },
        'display-name': { type: 'string' },
        'password-file': { type: 'string' },
      },
      true,
    );
    if (positionals[0] !== 'create' || positionals.length !== 1) {
      throw new AppError('VALIDATION_FAILED', `usage: ${this.usage}`);
    }
    if (!values.username) throw new AppError('VALIDATION_FAILED', 'admin create: --username is required');
    const config = readConfig(values.config);
    const password = await readPassword(values['password-file'], 'Password: ');
    checkPasswordPolicy(password);
    const storage = await openStorage(config.databaseUrl, {
      migrate: config.databaseUrl.startsWith('sqlite:'),
    });
    try {
      const { unit, user } = await createFirstAdmin(storage, systemClock, {
        username: values.username,
        password,
        ...(values['display-name'] ? { displayName: values['display-name'] } : {}),
        ...(values.unit ? { unitName: values.unit } : {}),
      });
      process.stdout.write(
        `created administrator ${user.username} (${user.id}) of unit ${unit.name} (${unit.id})\n`,
      );
      return 0;
    } finally {
      await storage.close();
    }
  },
};
