/** The command table of `fengxiang` (DESIGN.md §6). */
import { adminCommand } from './admin.js';
import { analyzeCommand } from './analyze.js';
import { backupCommand } from './backup.js';
import { copyCommand } from './copy.js';
import { correctionsCommand } from './corrections.js';
import { dedupCommand } from './dedup.js';
import { demoCommand } from './demo.js';
import { importCommand } from './import.js';
import { matchCommand } from './match.js';
import { reanalyzeCommand } from './reanalyze.js';
import { reportCommand } from './report.js';
import { restoreCommand } from './restore.js';
import { migrateCommand } from './migrate.js';
import { serveCommand } from './serve.js';
import { sourceCommand } from './source.js';
import { tokenCommand } from './token.js';
import type { Command } from './types.js';
import { workerCommand } from './worker.js';

/** Every command by name. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  serve: serveCommand,
  worker: workerCommand,
  migrate: migrateCommand,
  backup: backupCommand,
  restore: restoreCommand,
  copy: copyCommand,
  admin: adminCommand,
  token: tokenCommand,
  import: importCommand,
  source: sourceCommand,
  match: matchCommand,
  analyze: analyzeCommand,
  dedup: dedupCommand,
  corrections: correctionsCommand,
  reanalyze: reanalyzeCommand,
  report: reportCommand,
  demo: demoCommand,
};

/** The `--help` text. */
export function usage(): string {
  const lines = Object.values(COMMANDS).map((command) => `  ${command.usage}\n      ${command.summary}`);
  return `Usage: fengxiang <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}
