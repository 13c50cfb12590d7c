/** Evidence (取证) as storage offers it (issue 6 §2). Rows are immutable: there is no update or delete. */
import type { Evidence, EvidenceBlobKind, EvidenceRecordType } from '../../domain/index.js';
import type { Page, PageRequest, Scope } from '../repositories.js';

/** A stored file of a capture. */
export interface EvidenceBlob {
  kind: EvidenceBlobKind;
  sha256: string;
  bytes: Buffer;
}

/** Filters of an evidence list. */
export interface EvidenceFilter {
  recordType?: EvidenceRecordType;
  recordId?: string;
  itemId?: string;
  /** Leave out evidence of these record types (clue evidence for callers who may not see clues). */
  excludeRecordTypes?: readonly EvidenceRecordType[];
}

/** Counts of captures of one unit in a period. */
export interface EvidenceCount {
  unitId: string;
  recordType: EvidenceRecordType;
  captures: number;
  /** Captures whose page could not be stored (deleted, blocked…). */
  withoutPage: number;
}

/** Evidence captures and their files. */
export interface EvidenceRepository {
  /** Stores a capture with its files in one go (call inside a transaction). */
  insert(evidence: Evidence, blobs: readonly EvidenceBlob[]): Promise<Evidence>;
  get(id: string, scope?: Scope): Promise<Evidence | null>;
  /** The captures with these ids that exist in scope, in the order of `ids`. */
  getMany(ids: readonly string[], scope?: Scope): Promise<Evidence[]>;
  /** Captures in scope, newest first (keyset by id). */
  list(scope: Scope, filter: EvidenceFilter, page: PageRequest): Promise<Page<Evidence>>;
  /** The stored bytes of a capture's file; null when it has none. */
  getBlob(evidenceId: string, kind: EvidenceBlobKind): Promise<EvidenceBlob | null>;
  /** Captures per unit and record type with capturedAt in [from, to) (work summary). */
  countByUnit(scope: Scope, from: number, to: number): Promise<EvidenceCount[]>;
}
