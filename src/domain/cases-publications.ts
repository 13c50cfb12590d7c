/**
 * Publications (信息发布, issue 6 §6): official releases that go from idea to draft, review and sign-off
 * (审稿签发) before they are published online, with every edit of the text kept as a version and a
 * confidentiality check that blocks sign-off while a draft leaks secrets or unpublished case details.
 */
import type { EpochMs } from './entities.js';

/** The states of a publication. */
export const PUBLICATION_STATES = [
  'idea',
  'draft',
  'in_review',
  'signed_off',
  'published',
  'withdrawn',
] as const;
/** One of {@link PUBLICATION_STATES}. */
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** Chinese names of the states, for the console and reports. */
export const PUBLICATION_STATE_NAMES: Readonly<Record<PublicationState, string>> = {
  idea: '选题',
  draft: '草稿',
  in_review: '审稿中',
  signed_off: '已签发',
  published: '已发布',
  withdrawn: '已撤回',
};

/** What people do to a publication. `edit` saves a new version of the text. */
export const PUBLICATION_ACTIONS = [
  'edit',
  'start_draft',
  'submit',
  'reject',
  'sign_off',
  'publish',
  'withdraw',
] as const;
/** One of {@link PUBLICATION_ACTIONS}. */
export type PublicationAction = (typeof PUBLICATION_ACTIONS)[number];

/** Secret markings every unit's check starts from (offices add their own words). */
export const DEFAULT_SECRET_TERMS: readonly string[] = ['内部', '秘密', '机密', '绝密'];

/** A publication and where it stands. */
export interface Publication {
  id: string;
  unitId: string;
  title: string;
  body: string;
  /** Where it goes out (官网, 官方微博, 新闻发布会…); free text. */
  channel: string | null;
  /** The incident it speaks to, when any. */
  incidentId: string | null;
  state: PublicationState;
  /** The number of the current text version (1 for the first text). */
  version: number;
  createdBy: string | null;
  /** Who signed it off (审稿签发) and when; cleared when it is rejected back to draft. */
  signedOffBy: string | null;
  signedOffAt: EpochMs | null;
  publishedUrl: string | null;
  publishedAt: EpochMs | null;
  /** The reason of the last rejection, shown to the author until the next submission. */
  rejectReason: string | null;
  withdrawReason: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** One saved version of a publication's text. */
export interface PublicationVersion {
  publicationId: string;
  version: number;
  title: string;
  body: string;
  editedBy: string | null;
  editedAt: EpochMs;
  note: string | null;
}

/** Where a confidentiality hit was found. */
export type ConfidentialityField = 'title' | 'body';

/** One reason a draft may not be signed off. */
export interface ConfidentialityHit {
  /** A marked secret term, or a fragment of a confidential record's text. */
  kind: 'secret_term' | 'case_detail';
  field: ConfidentialityField;
  /** Offset of the hit in the field (UTF-16 code units, as JavaScript strings count). */
  position: number;
  length: number;
  /** The text found. */
  text: string;
}

/** A unit's publication settings. */
export interface PublicationSettings {
  unitId: string;
  /** The office's own secret terms, checked besides {@link DEFAULT_SECRET_TERMS}. */
  secretTerms: string[];
  updatedAt: EpochMs | null;
}
