/**
 * What an event says about itself, computed from its members: title, keywords, first publisher (首发),
 * counts, platforms, regions, sentiment mix, representative items and the repost tree. Pure: members in,
 * summary out; the caller stores it.
 */
import type { Engagement, RegionRef, SentimentLabel, SentimentMix } from '../../domain/index.js';
import { heatEngagement } from '../heat/formula.js';

/** A member item of an event with what the summary needs. */
export interface EventMember {
  id: string;
  title: string | null;
  content: string;
  author: string | null;
  platform: string | null;
  sourceId: string | null;
  publishedAt: number;
  sentiment: SentimentLabel | null;
  regions: RegionRef[];
  engagement: Engagement;
  parentId: string | null;
  dupOf: string | null;
  /** Cosine of the item to its event when it joined (how central it is). */
  centrality: number;
}

/** The computed part of an event. */
export interface EventSummary {
  title: string;
  firstItemId: string | null;
  firstPublishedAt: number;
  lastPublishedAt: number;
  itemCount: number;
  repostCount: number;
  sourceCount: number;
  platforms: string[];
  regions: RegionRef[];
  sentiment: SentimentMix;
  representativeIds: string[];
}

/** Longest title kept (characters). */
export const MAX_TITLE_LENGTH = 80;
/** Representatives: this many most central, then this many most engaged. */
export const REPRESENTATIVES_EACH = 3;

/** Engagement as one number (the same weighing heat uses): reposts and comments spread a story most. */
export function engagementScore(engagement: Engagement): number {
  return heatEngagement(engagement);
}

/** The first sentence of a text (up to 。！？!? or a line break), cut to {@link MAX_TITLE_LENGTH}. */
export function firstSentence(text: string): string {
  const trimmed = text.replace(/\s+/gu, ' ').trim();
  const end = trimmed.search(/[。！？!?\n]/u);
  const sentence = end > 0 ? trimmed.slice(0, end) : trimmed;
  const chars = [...sentence];
  return chars.length > MAX_TITLE_LENGTH ? `${chars.slice(0, MAX_TITLE_LENGTH - 1).join('')}…` : sentence;
}

/** The item this member reposts or copies, when it is in the event. */
export function originInEvent(member: EventMember, ids: ReadonlySet<string>): string | null {
  if (member.dupOf !== null && ids.has(member.dupOf)) return member.dupOf;
  if (member.parentId !== null && ids.has(member.parentId)) return member.parentId;
  return null;
}

/** The repost tree as parent links within the event: item id → the item it reposts (null for roots). */
export function repostTree(members: readonly EventMember[]): Map<string, string | null> {
  const ids = new Set(members.map((m) => m.id));
  return new Map(members.map((m) => [m.id, originInEvent(m, ids)]));
}

function regionKey(region: RegionRef): string {
  return `${region.province ?? ''}|${region.city ?? ''}|${region.county ?? ''}`;
}

/** Regions named by the members, most frequent first (at most 10). */
function topRegions(members: readonly EventMember[]): RegionRef[] {
  const counts = new Map<string, { region: RegionRef; count: number }>();
  for (const member of members) {
    for (const region of member.regions) {
      const key = regionKey(region);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { region, count: 1 });
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([, entry]) => entry.region);
}

/** Centrality to 6 decimals, so that rounding noise (a cosine of 1.0000000002) never decides a tie. */
function roundedCentrality(member: EventMember): number {
  return Math.round(member.centrality * 1e6);
}

/** Representatives: the most central originals first, then the most engaged not yet chosen. */
function representatives(members: readonly EventMember[], ids: ReadonlySet<string>): string[] {
  const originals = members.filter((m) => originInEvent(m, ids) === null);
  const pool = originals.length > 0 ? originals : members;
  const central = [...pool]
    .sort(
      (a, b) =>
        roundedCentrality(b) - roundedCentrality(a) ||
        a.publishedAt - b.publishedAt ||
        (a.id < b.id ? -1 : 1),
    )
    .slice(0, REPRESENTATIVES_EACH)
    .map((m) => m.id);
  const chosen = new Set(central);
  const engaged = [...members]
    .filter((m) => !chosen.has(m.id))
    .sort(
      (a, b) =>
        engagementScore(b.engagement) - engagementScore(a.engagement) ||
        a.publishedAt - b.publishedAt ||
        (a.id < b.id ? -1 : 1),
    )
    .slice(0, REPRESENTATIVES_EACH)
    .map((m) => m.id);
  return [...central, ...engaged];
}

/** Counts of members by sentiment (unanalysed items count as neutral). */
export function sentimentMix(members: readonly Pick<EventMember, 'sentiment'>[]): SentimentMix {
  const mix: SentimentMix = { positive: 0, neutral: 0, negative: 0 };
  for (const member of members) mix[member.sentiment ?? 'neutral']++;
  return mix;
}

/** The summary of an event from its members; an event without members gets an empty summary at `now`. */
export function summarizeEvent(members: readonly EventMember[], now: number): EventSummary {
  const ordered = [...members].sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : 1));
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const ids = new Set(ordered.map((m) => m.id));
  const reps = representatives(ordered, ids);
  const titleSource = ordered.find((m) => m.id === reps[0]) ?? first;
  const title = titleSource ? firstSentence(titleSource.title ?? titleSource.content) : '';
  return {
    title,
    firstItemId: first?.id ?? null,
    firstPublishedAt: first?.publishedAt ?? now,
    lastPublishedAt: last?.publishedAt ?? now,
    itemCount: ordered.length,
    repostCount: ordered.filter((m) => originInEvent(m, ids) !== null).length,
    sourceCount: new Set(ordered.map((m) => m.sourceId ?? `platform:${m.platform ?? ''}`)).size,
    platforms: [...new Set(ordered.flatMap((m) => (m.platform === null ? [] : [m.platform])))].sort(),
    regions: topRegions(ordered),
    sentiment: sentimentMix(ordered),
    representativeIds: reps,
  };
}
