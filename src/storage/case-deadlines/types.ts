/** Deadlines of case records (migration 0010). */

/** One deadline of one record. */
export interface CaseDeadline {
  id: string;
  unitId: string;
  /** incident, appeal, plan_task… */
  recordType: string;
  recordId: string;
  /** What is due, e.g. `first_release`, `press_conference`, `response`, `reply`. */
  kind: string;
  /** What people are told, e.g. 「某事件」首次权威发布. */
  title: string;
  /** The alert level its reminder and escalation carry (the record's level); null for blue. */
  level: string | null;
  dueAt: number;
  /** When to remind; null for no reminder. */
  remindAt: number | null;
  remindedAt: number | null;
  escalatedAt: number | null;
  /** When the duty was done; null while open. */
  doneAt: number | null;
  createdAt: number;
}

/** What setting a deadline takes. */
export type CaseDeadlineInput = Pick<
  CaseDeadline,
  'unitId' | 'recordType' | 'recordId' | 'kind' | 'title' | 'level' | 'dueAt' | 'remindAt'
>;

/** Case deadlines. Set and complete them inside the transaction that changes the record. */
export interface CaseDeadlineRepository {
  /**
   * Sets the record's deadline of this kind: creates it, or moves it (a new due time resets the reminder
   * and escalation marks and reopens it, e.g. after an extension or a new dispatch; a new unit follows a
   * transfer).
   */
  set(input: CaseDeadlineInput, now: number): Promise<CaseDeadline>;
  /** Marks the deadline done (no reminder or escalation after this); nothing when absent or done. */
  complete(recordType: string, recordId: string, kind: string, at: number): Promise<void>;
  /** The record's deadlines, earliest due first. */
  listFor(recordType: string, recordId: string): Promise<CaseDeadline[]>;
  /** Open deadlines whose reminder time has come and that were not reminded yet. */
  dueReminders(now: number, limit: number): Promise<CaseDeadline[]>;
  /** Open deadlines past due that were not escalated yet. */
  dueEscalations(now: number, limit: number): Promise<CaseDeadline[]>;
  /**
   * Claims the reminder: marks it sent unless it already was. False when another sweep claimed it first (on
   * PostgreSQL the row lock makes a concurrent claim wait for the first and then find it taken), so two
   * sweeping processes never send the same notice.
   */
  markReminded(id: string, at: number): Promise<boolean>;
  /** Claims the overdue escalation, like {@link markReminded}. */
  markEscalated(id: string, at: number): Promise<boolean>;
}
