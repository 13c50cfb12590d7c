/** The emergency-plan tables as Kysely sees them (migration 0013). JSON is text. */

/** `plans` — a plan's current version; `content` is the {@link PlanContent} as JSON. */
export interface PlansTable {
  id: string;
  unitId: string;
  name: string;
  category: string;
  level: string;
  status: string;
  version: number;
  content: string;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** `plan_versions` — every version of every plan. */
export interface PlanVersionsTable {
  planId: string;
  version: number;
  content: string;
  createdBy: string | null;
  createdAt: number;
}

/** `plan_activations` — a plan version activated on a record. */
export interface PlanActivationsTable {
  id: string;
  unitId: string;
  planId: string;
  planVersion: number;
  planName: string;
  category: string;
  level: string;
  recordType: string;
  recordId: string;
  activatedAt: number;
  activatedBy: string | null;
}

/** `plan_tasks` — the checklist of an activation; `ownerUserIds` is a JSON list. */
export interface PlanTasksTable {
  id: string;
  activationId: string;
  unitId: string;
  seq: number;
  stepKey: string;
  title: string;
  description: string | null;
  roleKey: string | null;
  ownerUserIds: string;
  dueAt: number;
  state: string;
  note: string | null;
  doneAt: number | null;
  doneBy: string | null;
  updatedAt: number;
}
