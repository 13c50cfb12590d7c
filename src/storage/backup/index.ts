/**
 * Backup and restore of the embedded SQLite default (docs/operations.md, "Backup and restore"):
 * an online copy while the server writes, a read-only check of any copy, and a restore that never
 * replaces a database in use and keeps the one it replaces.
 */
export { backupSqliteOnline, type BackupProgress, type OnlineBackupResult } from './online-backup.js';
export { inspectSqlite, inspectionPassed, type SqliteInspection } from './inspect.js';
export { sqliteInUse } from './in-use.js';
export { fileStamp, restoreSqlite, type RestoreRequest, type RestoreResult } from './restore.js';
