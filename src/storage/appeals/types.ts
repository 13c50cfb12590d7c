/** Appeals and the departments they are dispatched to, as storage keeps them (issue 6 §5). */
import type {
  Appeal,
  AppealChannel,
  AppealDepartment,
  AppealStatGroup,
  AppealState,
  AppealStats,
} from '../../domain/index.js';
import type { Page, PageRequest, Scope } from '../repositories.js';

/** The fields of a new appeal (state new). */
export interface NewAppeal {
  unitId: string;
  channel: AppealChannel;
  title: string;
  content: string;
  itemId?: string | null;
  sourceId?: string | null;
  externalRef?: string | null;
  url?: string | null;
  citizenName?: string | null;
  citizenContact?: string | null;
  category?: string | null;
  receivedAt: number;
  createdBy: string | null;
  createdAt: number;
}

/** What triage, dispatch, reply and the rest change. */
export type AppealPatch = Partial<
  Omit<Appeal, 'id' | 'unitId' | 'channel' | 'itemId' | 'sourceId' | 'createdBy' | 'createdAt' | 'updatedAt'>
>;

/** Filters of an appeal list; they combine with AND. */
export interface AppealFilter {
  states?: AppealState[];
  channels?: AppealChannel[];
  departmentId?: string;
  category?: string;
  /** Received at or after. */
  from?: number;
  /** Received before. */
  to?: number;
  /** Only dispatched appeals whose deadline has come by this time (overdue at that time). */
  overdueAt?: number;
}

/** Appeals. */
export interface AppealRepository {
  /** CONFLICT when the item already became an appeal; NOT_FOUND for a missing unit. */
  create(input: NewAppeal): Promise<Appeal>;
  get(id: string, scope?: Scope): Promise<Appeal | null>;
  /** Several appeals by id in scope (missing or out-of-scope ids are left out). */
  getMany(ids: readonly string[], scope?: Scope): Promise<Appeal[]>;
  /** The appeal an item became, if any. */
  findByItem(itemId: string): Promise<Appeal | null>;
  /** Newest received first (keyset by receipt time and id). */
  list(scope: Scope, filter: AppealFilter, page: PageRequest): Promise<Page<Appeal>>;
  /** NOT_FOUND for a missing appeal. */
  update(id: string, patch: AppealPatch, at: number): Promise<Appeal>;
  /** The duplicates merged into this appeal, oldest first. */
  listMergedInto(id: string): Promise<Appeal[]>;
  /** The appeals answered by one batch reply, oldest first. */
  listByBatch(batchId: string): Promise<Appeal[]>;
  /** How many appeals of units in scope are in each state (states without appeals are 0). */
  countByState(scope: Scope): Promise<Record<AppealState, number>>;
  /**
   * Figures of appeals received in [from, to), grouped by unit, department or category: received (merged
   * duplicates left out), rejected, replied, on time, rates, average handling working days, satisfaction.
   */
  stats(scope: Scope, period: { from: number; to: number }, groupBy: AppealStatGroup): Promise<AppealStats[]>;
}

/** The fields of a new or changed department. */
export interface AppealDepartmentInput {
  unitId: string;
  name: string;
  categories?: string[];
  contact?: string | null;
  enabled?: boolean;
}

/** Departments appeals are dispatched to, unique by name within a unit. */
export interface AppealDepartmentRepository {
  /** CONFLICT for a name the unit already has; NOT_FOUND for a missing unit. */
  create(input: AppealDepartmentInput): Promise<AppealDepartment>;
  get(id: string, scope?: Scope): Promise<AppealDepartment | null>;
  /** Departments of units in scope, by unit then name. */
  list(scope: Scope): Promise<AppealDepartment[]>;
  /** NOT_FOUND when missing; CONFLICT when renamed to a name the unit already has. */
  update(id: string, patch: Partial<Omit<AppealDepartmentInput, 'unitId'>>): Promise<AppealDepartment>;
  delete(id: string): Promise<void>;
}
