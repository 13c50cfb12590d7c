/** Clues as storage keeps them (issue 6 §4). Reads take a scope; the API audits every read it serves. */
import type {
  Clue,
  ClueChecklist,
  ClueFilingStats,
  ClueOrigin,
  ClueOutcome,
  ClueState,
} from '../../domain/index.js';
import type { Page, PageRequest, Scope } from '../repositories.js';

/** The fields of a new clue (state draft, empty checklist unless given). */
export interface NewClue {
  unitId: string;
  title: string;
  summary: string;
  origin: ClueOrigin;
  itemIds?: string[];
  incidentId?: string | null;
  checklist?: ClueChecklist;
  createdBy: string | null;
  createdAt: number;
}

/** What edits and transitions change. */
export type CluePatch = Partial<
  Pick<
    Clue,
    | 'title'
    | 'summary'
    | 'itemIds'
    | 'checklist'
    | 'state'
    | 'transfer'
    | 'outcome'
    | 'outcomeNote'
    | 'outcomeAt'
  >
>;

/** Filters of a clue list; they combine with AND. */
export interface ClueFilter {
  states?: ClueState[];
  origins?: ClueOrigin[];
  outcomes?: ClueOutcome[];
  incidentId?: string;
  /** Clues made from or supported by this item. */
  itemId?: string;
  /** Created at or after. */
  from?: number;
  /** Created before. */
  to?: number;
}

/** Clues. */
export interface ClueRepository {
  /** NOT_FOUND for a missing unit. */
  create(input: NewClue): Promise<Clue>;
  get(id: string, scope?: Scope): Promise<Clue | null>;
  /** Newest first (keyset by creation time and id). */
  list(scope: Scope, filter: ClueFilter, page: PageRequest): Promise<Page<Clue>>;
  /** NOT_FOUND for a missing clue. */
  update(id: string, patch: CluePatch, at: number): Promise<Clue>;
  /** How many clues of units in scope are in each state (states without clues are 0). */
  countByState(scope: Scope): Promise<Record<ClueState, number>>;
  /**
   * 成案率 per unit for clues transferred in [from, to): counts per outcome and the rate filed ÷ final
   * outcomes. Units without transfers in the period are left out.
   */
  filingStats(scope: Scope, period: { from: number; to: number }): Promise<ClueFilingStats[]>;
}
