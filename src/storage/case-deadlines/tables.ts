/** `case_deadlines` — deadlines of case records (migration 0010). */
export interface CaseDeadlinesTable {
  id: string;
  unitId: string;
  recordType: string;
  recordId: string;
  kind: string;
  title: string;
  level: string | null;
  dueAt: number;
  remindAt: number | null;
  remindedAt: number | null;
  escalatedAt: number | null;
  doneAt: number | null;
  createdAt: number;
}
