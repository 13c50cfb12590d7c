/** The appeal tables (migration 0014) as Kysely sees them. Booleans are 0/1; lists are JSON text. */

/** `appeal_departments`. */
export interface AppealDepartmentsTable {
  id: string;
  unitId: string;
  name: string;
  categories: string;
  contact: string | null;
  enabled: number;
  createdAt: number;
  updatedAt: number;
}

/** `appeals`. */
export interface AppealsTable {
  id: string;
  unitId: string;
  channel: string;
  title: string;
  content: string;
  itemId: string | null;
  sourceId: string | null;
  externalRef: string | null;
  url: string | null;
  citizenName: string | null;
  citizenContact: string | null;
  category: string | null;
  state: string;
  receivedAt: number;
  departmentId: string | null;
  dispatchedAt: number | null;
  dueAt: number | null;
  extensionDays: number | null;
  extensionReason: string | null;
  returnReason: string | null;
  mergedIntoId: string | null;
  rejectReason: string | null;
  reply: string | null;
  repliedAt: number | null;
  repliedBy: string | null;
  replyBatchId: string | null;
  handlingDays: number | null;
  onTime: number | null;
  publishState: string;
  publishedAt: number | null;
  publishedUrl: string | null;
  publishError: string | null;
  satisfaction: string | null;
  closedAt: number | null;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}
