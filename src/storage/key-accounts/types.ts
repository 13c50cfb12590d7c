/** The key-account registry (重点账号) as storage offers it (issue 5 §2). */
import type { KeyAccount, MediaTier } from '../../domain/index.js';
import type { Page, PageRequest, Scope } from '../repositories.js';

/** The fields of a new key account. */
export interface KeyAccountInput {
  unitId: string;
  /** null: every platform. */
  platform?: string | null;
  name: string;
  tier?: MediaTier | null;
  /** Multiplies authority; 1 by default. */
  weight?: number;
  note?: string | null;
}

/** The fields of a key account that may change. */
export type KeyAccountPatch = Partial<Omit<KeyAccountInput, 'unitId'>>;

/** Filters of a key-account list. */
export interface KeyAccountFilter {
  /** Only accounts of this platform (accounts of every platform are not included). */
  platform?: string;
  /** Name contains this text (normal form). */
  q?: string;
}

/** Key accounts per unit, unique per unit, platform and normalised name. */
export interface KeyAccountRepository {
  /** CONFLICT when the unit already has the account on that platform; NOT_FOUND for a missing unit. */
  create(input: KeyAccountInput): Promise<KeyAccount>;
  get(id: string, scope?: Scope): Promise<KeyAccount | null>;
  /** Accounts in scope, oldest first (keyset by id). */
  list(scope: Scope, filter: KeyAccountFilter, page: PageRequest): Promise<Page<KeyAccount>>;
  /** Every account of these units (for the matcher of a batch), unpaged. */
  listForUnits(unitIds: readonly string[]): Promise<KeyAccount[]>;
  /** NOT_FOUND when missing; CONFLICT when the change collides with another account. */
  update(id: string, patch: KeyAccountPatch): Promise<KeyAccount>;
  delete(id: string): Promise<void>;
}
