import { renameSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/** Where an online backup has got to. */
export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

/** What an online backup did. */
export interface OnlineBackupResult {
  pages: number;
  /** How often a write by another process made SQLite start the copy again. */
  restarts: number;
}

/** Pages copied per step at first (4 MB at the default page size); doubled whenever a write restarts it. */
const FIRST_STEP_PAGES = 1024;

/**
 * Copies the SQLite database at `source` into `destination` while other processes keep writing
 * (SQLite's online backup API, page by page, each step a short read that never blocks writers in WAL mode).
 * When a write by another process restarts the copy, the step grows, so under steady ingest the copy still
 * ends, at worst in one step. The copy is written beside `destination` and renamed into place when complete,
 * so a crash never leaves a half backup under the final name.
 */
export async function backupSqliteOnline(
  source: string,
  destination: string,
  onProgress: (progress: BackupProgress) => void = () => undefined,
): Promise<OnlineBackupResult> {
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  const database = new BetterSqlite3(source, { fileMustExist: true, timeout: 5000 });
  let step = FIRST_STEP_PAGES;
  let restarts = 0;
  let lastRemaining = Number.POSITIVE_INFINITY;
  try {
    const result = await database.backup(partial, {
      progress: (progress) => {
        if (progress.remainingPages > lastRemaining) {
          restarts += 1;
          step = Math.min(step * 2, 0x7fffffff);
        }
        lastRemaining = progress.remainingPages;
        onProgress(progress);
        return step;
      },
    });
    asSingleFile(partial);
    renameSync(partial, destination);
    return { pages: result.totalPages, restarts };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    database.close();
  }
}

/** Switches the copy out of WAL mode, so the backup is one self-contained file that read-only checks leave alone. */
function asSingleFile(path: string): void {
  const copy = new BetterSqlite3(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
