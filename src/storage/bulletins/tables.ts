/** The bulletin tables (migration 0015) as Kysely sees them. JSON lists and the scoring scheme are text. */

/** `bulletins`. */
export interface BulletinsTable {
  id: string;
  unitId: string;
  kind: string;
  title: string;
  body: string;
  itemIds: string;
  eventIds: string;
  state: string;
  recipients: string;
  submittedAt: number | null;
  submittedBy: string | null;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** `bulletin_adoptions`: 采用 records. */
export interface BulletinAdoptionsTable {
  id: string;
  bulletinId: string;
  unitId: string;
  adoptedBy: string;
  level: string;
  adoptedAt: number;
  note: string | null;
  recordedBy: string | null;
  recordedAt: number;
}

/** `bulletin_instructions`: 批示 records with their feedback. */
export interface BulletinInstructionsTable {
  id: string;
  bulletinId: string;
  unitId: string;
  leader: string;
  level: string;
  text: string;
  instructedAt: number;
  feedbackText: string | null;
  feedbackAt: number | null;
  recordedBy: string | null;
  recordedAt: number;
}

/** `bulletin_settings`: a unit's higher bodies and scoring scheme. */
export interface BulletinSettingsTable {
  unitId: string;
  recipients: string;
  scoring: string;
  updatedAt: number;
}
