import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Answers whether another process has the SQLite database at `path` open. Every open connection of a WAL
 * database holds a shared lock on the file, so switching it out of WAL (which needs every other connection
 * gone) fails at once with SQLITE_BUSY while a server or worker runs. When nobody holds it, the switch
 * checkpoints the WAL into the file; the mode is set back to WAL before closing.
 */
export function sqliteInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  const database = new BetterSqlite3(path, { fileMustExist: true, timeout: 0 });
  try {
    const mode = database.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') return true;
    database.pragma('journal_mode = WAL');
    return false;
  } catch (error) {
    if (
      error instanceof Error &&
      /SQLITE_BUSY|locked/i.test(`${String((error as { code?: unknown }).code)} ${error.message}`)
    ) {
      return true;
    }
    throw error;
  } finally {
    database.close();
  }
}
