/** `clues` (migration 0014). `itemIds` and `checklist` are JSON text; `transfer` is JSON text or null. */
export interface CluesTable {
  id: string;
  unitId: string;
  title: string;
  summary: string;
  origin: string;
  itemIds: string;
  incidentId: string | null;
  checklist: string;
  state: string;
  transfer: string | null;
  /** Copied out of `transfer` so the case-filing statistics can filter by period. */
  transferredAt: number | null;
  outcome: string | null;
  outcomeNote: string | null;
  outcomeAt: number | null;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}
