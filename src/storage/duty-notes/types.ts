/** Shift hand-over notes and key-period duty requirements (migration 0012). */
import type { DutyHandover, KeyPeriodDutyRequirement } from '../../domain/index.js';
import type { Page, PageRequest, Scope } from '../repositories.js';

/** A new hand-over note; the repository gives it an id. */
export type DutyHandoverInput = Omit<DutyHandover, 'id' | 'createdAt'>;

/** Filters of a hand-over list; they combine with AND. */
export interface DutyHandoverFilter {
  unitId?: string;
  /** Either side of the hand-over. */
  userId?: string;
  /** Handed over at or after. */
  from?: number;
  /** Handed over before. */
  to?: number;
}

/** What a key period's duty requirement is set to. */
export type KeyPeriodDutyInput = Omit<KeyPeriodDutyRequirement, 'updatedAt'>;

/** Counts for the work summary (工作总结) of a period. */
export interface DutyStatistics {
  /** Hand-overs recorded per unit. */
  handoversByUnit: { unitId: string; count: number }[];
  /** Hand-overs that left matters open. */
  handoversWithOpenMatters: number;
}

/** Hand-over notes and the duty key periods require. */
export interface DutyNoteRepository {
  addHandover(input: DutyHandoverInput, now: number): Promise<DutyHandover>;
  getHandover(id: string, scope?: Scope): Promise<DutyHandover | null>;
  /** Newest hand-over first, keyset paged. */
  listHandovers(scope: Scope, filter: DutyHandoverFilter, page: PageRequest): Promise<Page<DutyHandover>>;
  /** Creates or replaces the key period's requirement. */
  setKeyPeriodDuty(input: KeyPeriodDutyInput, now: number): Promise<KeyPeriodDutyRequirement>;
  /** The key period's requirement; null when it requires nothing. */
  getKeyPeriodDuty(keyPeriodId: string): Promise<KeyPeriodDutyRequirement | null>;
  /** Hand-over statistics of units in scope handed over in [from, to). */
  statistics(scope: Scope, from: number, to: number): Promise<DutyStatistics>;
}
