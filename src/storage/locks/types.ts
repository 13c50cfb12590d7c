/** Named locks shared by every process that uses the same database (see {@link LockRepository}). */

/**
 * Serialises work across processes: on PostgreSQL a session advisory lock on a connection of its own
 * (released when the work ends or when the process's connection dies, so a killed process never leaves
 * it held); inside a transaction, a transaction-scoped lock. The embedded SQLite database has one
 * writing process, whose queues already run such work one job at a time, so there it only runs the work.
 */
export interface LockRepository {
  /** Runs `work` while holding the lock called `name`; waits while another process holds it. */
  hold<T>(name: string, work: () => Promise<T>): Promise<T>;
}
