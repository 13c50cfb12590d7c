/** The publication tables (migration 0015) as Kysely sees them. JSON is text. */

/** `publications`. */
export interface PublicationsTable {
  id: string;
  unitId: string;
  title: string;
  body: string;
  channel: string | null;
  incidentId: string | null;
  state: string;
  version: number;
  createdBy: string | null;
  signedOffBy: string | null;
  signedOffAt: number | null;
  publishedUrl: string | null;
  publishedAt: number | null;
  rejectReason: string | null;
  withdrawReason: string | null;
  createdAt: number;
  updatedAt: number;
}

/** `publication_versions`: every text a publication had. */
export interface PublicationVersionsTable {
  publicationId: string;
  version: number;
  unitId: string;
  title: string;
  body: string;
  editedBy: string | null;
  editedAt: number;
  note: string | null;
}

/** `publication_settings`: a unit's own secret terms (a JSON list). */
export interface PublicationSettingsTable {
  unitId: string;
  secretTerms: string;
  updatedAt: number;
}
