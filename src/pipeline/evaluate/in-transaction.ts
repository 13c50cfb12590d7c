/**
 * A {@link Storage} over one open transaction, whose own `transaction` calls join it instead of opening
 * another: so services written against `Storage` (the alert service opens a transaction per decision) can
 * run inside a larger unit of work that commits or rolls back as one.
 */
import type { Storage } from '../../storage/repositories.js';

/** The repositories of an open transaction. */
type Transaction = Parameters<Parameters<Storage['transaction']>[0]>[0];

/** `tx` as a Storage; nested transactions run in `tx`, and closing it is left to its owner. */
export function storageJoining(tx: Transaction): Storage {
  return {
    ...tx,
    transaction: (work) => work(tx),
    ping: async () => true,
    close: async () => undefined,
  };
}
