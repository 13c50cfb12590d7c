/** Command-line option parsing shared by every command (node:util parseArgs with clear errors). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../platform/errors.js';

/** Parses `args` against `options`; unknown or malformed options become a VALIDATION_FAILED error. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: readonly string[],
  options: T,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ options: T; allowPositionals: boolean; args: string[] }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `${command}: ${(error as Error).message}`);
  }
}
