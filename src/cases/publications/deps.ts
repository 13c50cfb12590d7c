/**
 * What the publication and bulletin services need, and who acts. The composition root passes storage, the
 * clock and the source of confidential texts (clue titles, unpublished response drafts of the unit).
 */
import type { Clock } from '../../platform/clock.js';
import type { Storage } from '../../storage/repositories.js';

/** The repositories of one open transaction. */
export type StorageTx = Omit<Storage, 'transaction' | 'close' | 'ping'>;

/** Who acts, from where, and which units they may touch (null: every unit, system jobs only). */
export interface CaseActor {
  userId: string | null;
  ip: string | null;
  unitIds: readonly string[] | null;
}

/** The publication service's dependencies. */
export interface PublicationDeps {
  storage: Storage;
  clock: Clock;
  /**
   * Texts of the unit's confidential records (clue titles, unpublished response drafts): a fragment of 8+
   * characters of any of them found in a draft blocks sign-off. None when absent.
   */
  confidentialTexts?: (unitId: string) => Promise<readonly string[]>;
}
