/** Publications, bulletins and their timelines as the API shows them: times as ISO 8601, allowed actions added. */
import type { z } from 'zod';
import { bulletinMachine } from '../../cases/bulletins/machine.js';
import type { BulletinDetail } from '../../cases/bulletins/records.js';
import { publicationMachine } from '../../cases/publications/machine.js';
import type * as c from '../../contract/index.js';
import {
  BULLETIN_KIND_NAMES,
  BULLETIN_LEVEL_NAMES,
  PUBLICATION_STATE_NAMES,
  type Bulletin,
  type BulletinAdoption,
  type BulletinInstruction,
  type Publication,
  type PublicationVersion,
} from '../../domain/index.js';
import type { CaseTimelineEntry } from '../../storage/repositories.js';

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}

/** A publication with the actions its state allows. */
export function presentPublication(p: Publication): z.output<typeof c.publication> {
  return {
    ...p,
    stateName: PUBLICATION_STATE_NAMES[p.state],
    signedOffAt: isoOrNull(p.signedOffAt),
    publishedAt: isoOrNull(p.publishedAt),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
    actions: publicationMachine.actionsFrom(p.state),
  };
}

/** One version of a publication's text. */
export function presentPublicationVersion(v: PublicationVersion): z.output<typeof c.publicationVersion> {
  return {
    version: v.version,
    title: v.title,
    body: v.body,
    editedBy: v.editedBy,
    editedAt: iso(v.editedAt),
    note: v.note,
  };
}

/** One timeline entry of a publication or bulletin. */
export function presentTimeline(entry: CaseTimelineEntry): z.output<typeof c.publicationTimelineEntry> {
  return {
    at: iso(entry.at),
    actorUserId: entry.actorUserId,
    action: entry.action,
    fromState: entry.fromState,
    toState: entry.toState,
    note: entry.note,
    details: entry.details,
  };
}

/** A bulletin with the actions its state allows. */
export function presentBulletin(b: Bulletin): z.output<typeof c.bulletin> {
  return {
    ...b,
    kindName: BULLETIN_KIND_NAMES[b.kind],
    submittedAt: isoOrNull(b.submittedAt),
    createdAt: iso(b.createdAt),
    updatedAt: iso(b.updatedAt),
    actions: bulletinMachine.actionsFrom(b.state),
  };
}

/** An adoption. */
export function presentAdoption(a: BulletinAdoption): z.output<typeof c.bulletinAdoption> {
  return {
    id: a.id,
    adoptedBy: a.adoptedBy,
    level: a.level,
    levelName: BULLETIN_LEVEL_NAMES[a.level],
    adoptedAt: iso(a.adoptedAt),
    note: a.note,
    recordedBy: a.recordedBy,
    recordedAt: iso(a.recordedAt),
  };
}

/** An instruction with its feedback. */
export function presentInstruction(i: BulletinInstruction): z.output<typeof c.bulletinInstruction> {
  return {
    id: i.id,
    leader: i.leader,
    level: i.level,
    levelName: BULLETIN_LEVEL_NAMES[i.level],
    text: i.text,
    instructedAt: iso(i.instructedAt),
    feedbackText: i.feedbackText,
    feedbackAt: isoOrNull(i.feedbackAt),
    recordedBy: i.recordedBy,
    recordedAt: iso(i.recordedAt),
  };
}

/** A bulletin with its adoptions, instructions and score. */
export function presentBulletinDetail(detail: BulletinDetail): z.output<typeof c.bulletinDetail> {
  return {
    ...presentBulletin(detail.bulletin),
    adoptions: detail.adoptions.map(presentAdoption),
    instructions: detail.instructions.map(presentInstruction),
    score: detail.score,
  };
}

/** An ISO time for a statistics answer. */
export { iso as isoTime };
