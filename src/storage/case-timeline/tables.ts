/** `case_timeline` — transitions of case records (migration 0009). `details` is JSON text. */
export interface CaseTimelineTable {
  id: string;
  unitId: string;
  recordType: string;
  recordId: string;
  /** Order within the record (1, 2, …), so entries of the same millisecond keep their order. */
  seq: number;
  at: number;
  actorUserId: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  details: string;
}
