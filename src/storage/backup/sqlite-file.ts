import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../../platform/errors.js';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * Checks that `path` exists and starts with the SQLite file header, so that a wrong file gets a clear
 * error (BACKUP_NOT_FOUND or BACKUP_INVALID) before anything is opened or replaced.
 */
export function assertSqliteFile(path: string): void {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new AppError('BACKUP_NOT_FOUND', `backup file not found: ${path}`);
  }
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new AppError('BACKUP_INVALID', `${path} is not a SQLite database`);
  }
}
