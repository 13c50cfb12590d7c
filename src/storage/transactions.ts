/**
 * Running several statements atomically whether or not the caller already opened a transaction: Kysely
 * cannot nest transactions, and repositories are also built over the transaction of `Storage.transaction`.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Runs `work` in a new transaction, or in the caller's transaction when `db` already is one. */
export function atomically<T>(db: Kysely<Database>, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx) => work(trx));
}
