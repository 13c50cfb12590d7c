/**
 * Clues (问题线索, issue 6 §4): matters found in monitoring that point at possible wrongdoing and are handed
 * to a case-handling unit (纪检监察、公安…). Confidential: only roles with `clues:read` see them, and every
 * view and export is audited.
 */

/** The four quality criteria a clue must meet before transfer (事实明显、情节清晰、细节详尽、可查性强). */
export const CLUE_CRITERIA = ['facts_evident', 'plot_clear', 'details_complete', 'verifiable'] as const;
/** One of {@link CLUE_CRITERIA}. */
export type ClueCriterion = (typeof CLUE_CRITERIA)[number];

/** The Chinese names of the criteria, for the console and exports. */
export const CLUE_CRITERION_NAMES: Readonly<Record<ClueCriterion, string>> = {
  facts_evident: '事实明显',
  plot_clear: '情节清晰',
  details_complete: '细节详尽',
  verifiable: '可查性强',
};

/** One criterion of the checklist: whether it is met and why (the note). */
export interface ClueCheck {
  checked: boolean;
  note: string | null;
}

/** The checklist: every criterion with its state. */
export type ClueChecklist = Record<ClueCriterion, ClueCheck>;

/** The outcomes the case-handling unit reports (立案 / 初核了结 / 不予立案 / 办理中). */
export const CLUE_OUTCOMES = ['filed', 'closed_after_check', 'not_filed', 'in_progress'] as const;
/** One of {@link CLUE_OUTCOMES}. */
export type ClueOutcome = (typeof CLUE_OUTCOMES)[number];

/** Outcomes that end the clue's tracking (办理中 is interim). */
export const FINAL_CLUE_OUTCOMES: readonly ClueOutcome[] = ['filed', 'closed_after_check', 'not_filed'];

/**
 * Where a clue is: draft (checklist being filled) → ready (all four criteria met) → transferred → an outcome
 * state. `in_progress` may still turn into a final outcome; the three final ones end the clue.
 */
export const CLUE_STATES = [
  'draft',
  'ready',
  'transferred',
  'in_progress',
  'filed',
  'closed_after_check',
  'not_filed',
] as const;
/** One of {@link CLUE_STATES}. */
export type ClueState = (typeof CLUE_STATES)[number];

/** What a clue was made from. */
export const CLUE_ORIGINS = ['item', 'incident', 'manual'] as const;
/** One of {@link CLUE_ORIGINS}. */
export type ClueOrigin = (typeof CLUE_ORIGINS)[number];

/** The transfer of a clue to a case-handling unit. */
export interface ClueTransfer {
  /** The receiving unit (e.g. 区纪委监委), as written; not a unit of the tree. */
  toUnitName: string;
  /** Who received it there and how to reach them. */
  contact: string;
  at: number;
  by: string | null;
  /** The evidence records handed over (ids of the evidence store). */
  evidenceIds: string[];
  /** The evidence package handed over, when one was built. */
  packageId: string | null;
}

/** A clue. */
export interface Clue {
  id: string;
  unitId: string;
  title: string;
  summary: string;
  origin: ClueOrigin;
  /** The items the clue was made from or that support it. */
  itemIds: string[];
  incidentId: string | null;
  checklist: ClueChecklist;
  state: ClueState;
  transfer: ClueTransfer | null;
  outcome: ClueOutcome | null;
  outcomeNote: string | null;
  outcomeAt: number | null;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** An empty checklist: nothing checked, no notes. */
export function emptyChecklist(): ClueChecklist {
  return {
    facts_evident: { checked: false, note: null },
    plot_clear: { checked: false, note: null },
    details_complete: { checked: false, note: null },
    verifiable: { checked: false, note: null },
  };
}

/** Case-filing figures (成案率) of one unit for clues transferred in a period. */
export interface ClueFilingStats {
  unitId: string;
  transferred: number;
  filed: number;
  closedAfterCheck: number;
  notFiled: number;
  inProgress: number;
  /** Transferred without any outcome reported yet. */
  awaiting: number;
  /** filed ÷ (filed + closedAfterCheck + notFiled); null when no final outcome yet. */
  filingRate: number | null;
}
