/** Bulletins in storage (migration 0015): records, adoptions, instructions and each unit's settings. */
import type {
  Bulletin,
  BulletinAdoption,
  BulletinInstruction,
  BulletinKind,
  BulletinLevel,
  BulletinScoring,
  BulletinSettings,
  BulletinState,
} from '../../domain/index.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { StatsPeriod } from '../publications/types.js';

/** What a new bulletin is made of (it starts as a draft). */
export type NewBulletin = Pick<
  Bulletin,
  'unitId' | 'kind' | 'title' | 'body' | 'itemIds' | 'eventIds' | 'createdBy'
>;

/** Fields a transition or an edit changes. */
export type BulletinPatch = Partial<
  Pick<
    Bulletin,
    | 'title'
    | 'body'
    | 'kind'
    | 'itemIds'
    | 'eventIds'
    | 'state'
    | 'recipients'
    | 'submittedAt'
    | 'submittedBy'
  >
>;

/** Filters of the bulletin list; `from` inclusive and `to` exclusive on the creation time. */
export interface BulletinFilter {
  kinds?: readonly BulletinKind[];
  states?: readonly BulletinState[];
  /** Bulletins linked to this event. */
  eventId?: string;
  q?: string;
  from?: number;
  to?: number;
}

/** Counts of a period as stored, grouped by unit (each unit scores by its own scheme). */
export interface BulletinStatsRows {
  /** Bulletins submitted in the period and still submitted. */
  submitted: number;
  /** Distinct bulletins with an adoption dated in the period. */
  adoptedBulletins: number;
  /** Distinct bulletins with an instruction dated in the period. */
  instructedBulletins: number;
  adoptions: Array<{ unitId: string; level: BulletinLevel; count: number }>;
  instructions: Array<{ unitId: string; level: BulletinLevel; count: number }>;
}

/** Bulletins. */
export interface BulletinRepository {
  create(input: NewBulletin, at: number): Promise<Bulletin>;
  get(id: string, scope?: Scope): Promise<Bulletin | null>;
  /** Newest first by creation. */
  list(scope: Scope, filter: BulletinFilter, page: PageRequest): Promise<Page<Bulletin>>;
  countByState(scope: Scope, filter: Omit<BulletinFilter, 'states'>): Promise<Record<BulletinState, number>>;
  update(id: string, patch: BulletinPatch, at: number): Promise<Bulletin>;
  addAdoption(input: Omit<BulletinAdoption, 'id'>): Promise<BulletinAdoption>;
  adoptions(bulletinId: string): Promise<BulletinAdoption[]>;
  addInstruction(
    input: Omit<BulletinInstruction, 'id' | 'feedbackText' | 'feedbackAt'>,
  ): Promise<BulletinInstruction>;
  instructions(bulletinId: string): Promise<BulletinInstruction[]>;
  /** Records the feedback on an instruction of `bulletinId`; NOT_FOUND when it is not one of its instructions. */
  setFeedback(
    bulletinId: string,
    instructionId: string,
    text: string,
    at: number,
  ): Promise<BulletinInstruction>;
  /** The unit's higher bodies and scoring scheme (none and the defaults until set). */
  getSettings(unitId: string): Promise<BulletinSettings>;
  setSettings(
    unitId: string,
    settings: { recipients: readonly string[]; scoring: BulletinScoring },
    at: number,
  ): Promise<BulletinSettings>;
  /** Statistic: what happened to bulletins of the scope in the period. */
  stats(scope: Scope, period: StatsPeriod): Promise<BulletinStatsRows>;
}
