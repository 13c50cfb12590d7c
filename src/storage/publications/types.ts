/** Publications in storage (migration 0015): records, their text versions and each unit's secret terms. */
import type {
  Publication,
  PublicationSettings,
  PublicationState,
  PublicationVersion,
} from '../../domain/index.js';
import type { Page, PageRequest, Scope } from '../repositories.js';

/** What a new publication is made of; its first text is version 1. */
export interface NewPublication {
  unitId: string;
  title: string;
  body: string;
  channel: string | null;
  incidentId: string | null;
  state: Extract<PublicationState, 'idea' | 'draft'>;
  createdBy: string | null;
  /** A note kept with version 1. */
  note?: string | null;
}

/** Fields a transition or an edit changes. */
export type PublicationPatch = Partial<
  Pick<
    Publication,
    | 'title'
    | 'body'
    | 'channel'
    | 'state'
    | 'version'
    | 'signedOffBy'
    | 'signedOffAt'
    | 'publishedUrl'
    | 'publishedAt'
    | 'rejectReason'
    | 'withdrawReason'
  >
>;

/** Filters of the publication list; times are epoch ms, `from` inclusive and `to` exclusive (created). */
export interface PublicationFilter {
  states?: readonly PublicationState[];
  incidentId?: string;
  /** Words the title contains. */
  q?: string;
  from?: number;
  to?: number;
}

/** A period, `from` inclusive and `to` exclusive (epoch ms). */
export interface StatsPeriod {
  from: number;
  to: number;
}

/** Publications. Writes of a transition go through a transaction's repositories with the timeline entry. */
export interface PublicationRepository {
  /** Creates the record and its version 1. */
  create(input: NewPublication, at: number): Promise<Publication>;
  get(id: string, scope?: Scope): Promise<Publication | null>;
  /** Newest first by creation. */
  list(scope: Scope, filter: PublicationFilter, page: PageRequest): Promise<Page<Publication>>;
  /** How many records of the filter are in each state (the console's tabs). */
  countByState(
    scope: Scope,
    filter: Omit<PublicationFilter, 'states'>,
  ): Promise<Record<PublicationState, number>>;
  /** Changes the record; NOT_FOUND when it does not exist. */
  update(id: string, patch: PublicationPatch, at: number): Promise<Publication>;
  /** Saves one version of the text. */
  addVersion(version: PublicationVersion & { unitId: string }): Promise<void>;
  /** Every version, oldest first. */
  versions(publicationId: string): Promise<PublicationVersion[]>;
  /** The secret terms of a unit (empty until set). */
  getSettings(unitId: string): Promise<PublicationSettings>;
  setSettings(unitId: string, secretTerms: readonly string[], at: number): Promise<PublicationSettings>;
  /** Statistic: publications published in the period (a later withdrawal does not undo the release). */
  countPublished(scope: Scope, period: StatsPeriod): Promise<number>;
}
