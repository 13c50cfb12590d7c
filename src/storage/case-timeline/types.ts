/** The shared timeline of case records (migration 0009). */

/** One entry of a record's timeline. */
export interface CaseTimelineEntry {
  id: string;
  unitId: string;
  /** incident, clue, appeal, publication, bulletin, plan_task… */
  recordType: string;
  recordId: string;
  at: number;
  actorUserId: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  details: Record<string, unknown>;
}

/** What a caller appends (id and order are assigned). */
export type NewCaseTimelineEntry = Omit<
  CaseTimelineEntry,
  'id' | 'details' | 'note' | 'fromState' | 'toState'
> &
  Partial<Pick<CaseTimelineEntry, 'details' | 'note' | 'fromState' | 'toState'>>;

/** Case timelines. Append inside the transaction that changes the record, so both land or neither. */
export interface CaseTimelineRepository {
  append(entry: NewCaseTimelineEntry): Promise<CaseTimelineEntry>;
  /** The record's entries in the order they were appended. */
  list(recordType: string, recordId: string): Promise<CaseTimelineEntry[]>;
}
