/**
 * The `fengxiang` command line (DESIGN.md §6). Parses the command, runs it, and turns errors into a clear
 * message and exit code. Each command lives in `commands/<name>.ts`; wiring lives in `compose.ts`.
 */
import { isAppError } from '../platform/errors.js';
import { COMMANDS, usage } from './commands/index.js';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`fengxiang: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    process.stderr.write(`fengxiang ${name}: ${describe(error)}\n`);
    return 1;
  }
}

function describe(error: unknown): string {
  if (isAppError(error)) return `[${error.code}] ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
