/**
 * The incident tables as Kysely sees them (migration 0011); listed in the `Database` of ../schema.ts.
 * `verification` and `review` are JSON text; `verificationResult` repeats the result for filters and counts.
 */

/** `incidents`. */
export interface IncidentsTable {
  id: string;
  unitId: string;
  title: string;
  description: string;
  category: string;
  level: string;
  state: string;
  origin: string;
  alertId: string | null;
  eventId: string | null;
  handlerUserId: string | null;
  verificationResult: string | null;
  verification: string | null;
  closingSummary: string | null;
  review: string | null;
  openedBy: string | null;
  openedAt: number;
  closedBy: string | null;
  closedAt: number | null;
  reopenCount: number;
  createdAt: number;
  updatedAt: number;
}

/** `incident_items`: items attached to an incident. */
export interface IncidentItemsTable {
  incidentId: string;
  itemId: string;
  addedBy: string | null;
  addedAt: number;
}

/** `incident_transfers`. */
export interface IncidentTransfersTable {
  id: string;
  incidentId: string;
  fromUnitId: string;
  toUnitId: string;
  fromHandlerUserId: string | null;
  toHandlerUserId: string | null;
  reason: string;
  byUserId: string | null;
  at: number;
}

/** `incident_notifications`. */
export interface IncidentNotificationsTable {
  id: string;
  incidentId: string;
  unitId: string;
  recipient: string;
  method: string;
  note: string | null;
  notifiedAt: number;
  byUserId: string | null;
  createdAt: number;
}

/** `incident_responses`: statements with their review state; the text is the current version's. */
export interface IncidentResponsesTable {
  id: string;
  incidentId: string;
  unitId: string;
  kind: string;
  state: string;
  title: string;
  content: string;
  version: number;
  approvedVersion: number | null;
  createdBy: string | null;
  submittedAt: number | null;
  approvedBy: string | null;
  approvedAt: number | null;
  rejectedReason: string | null;
  publishedBy: string | null;
  publishedAt: number | null;
  publishedUrl: string | null;
  publishedChannel: string | null;
  createdAt: number;
  updatedAt: number;
}

/** `incident_response_versions`: every version of a statement's text. */
export interface IncidentResponseVersionsTable {
  responseId: string;
  version: number;
  title: string;
  content: string;
  editedBy: string | null;
  editedAt: number;
  note: string | null;
}

/** `incident_deadline_rules`: a unit's deadline rules, one row per level and kind. */
export interface IncidentDeadlineRulesTable {
  unitId: string;
  level: string;
  kind: string;
  amount: number;
  amountUnit: string;
  remindBeforeMinutes: number | null;
  updatedBy: string | null;
  updatedAt: number;
}
