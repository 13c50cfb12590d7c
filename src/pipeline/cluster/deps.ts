/** What the clustering orchestrator needs, passed in by the composition root (src/cli). */
import {
  DEFAULT_CLUSTER_OPTIONS,
  termVector,
  topTerms,
  type ClusterOptions,
  type EventMember,
  type IdfLookup,
} from '../../analysis/events/index.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import type { Storage } from '../../storage/repositories.js';

/** The text fields terms are taken from (an Item or a stored member). */
export interface TermSource {
  title: string | null;
  content: string;
  keywords: string[];
}

/** Dependencies of {@link clusterItems} and the event services. */
export interface ClusterDeps {
  storage: Storage;
  clock: Clock;
  /** Source authority of an item for heat (media tier, key accounts); 1 is neutral. Default: 1. */
  authorityOf?: (item: EventMember) => number;
  /** The terms an item is clustered on. Default: its analysed keywords. */
  termsOf?: (item: TermSource) => string[];
  /** IDF of a term (the shipped IDF table). Default: 1 for every term. */
  idf?: IdfLookup;
  /** Clusterer tunables; defaults are the values chosen on dev data. */
  options?: Partial<ClusterOptions>;
  /** Names new events. Default: time-ordered ids. */
  newEventId?: () => string;
}

/** Dependencies with every default filled in. */
export interface ResolvedClusterDeps {
  storage: Storage;
  clock: Clock;
  authorityOf: (item: EventMember) => number;
  vectorOf: (item: TermSource) => Map<string, number>;
  options: ClusterOptions;
  newEventId: () => string;
}

/** Keywords kept on an event (its centroid's strongest terms). */
export const EVENT_KEYWORDS = 10;
/** How far back the unit's heat reference looks. */
export const HEAT_REFERENCE_MS = 30 * 24 * 3600_000;
/**
 * Events at least this large are fully recomputed (summary, centroid, heat, stage, split check — all of which
 * read every member) at most once per {@link LARGE_EVENT_REFRESH_MS}; in between, a new member only updates the
 * item count. Without this, a busy story costs a read of all its members for every new post.
 */
export const LARGE_EVENT = 200;
/** How often a large event is fully recomputed while it keeps growing. */
export const LARGE_EVENT_REFRESH_MS = 60_000;
/** Events larger than this are not checked for splits (the check reads every member). */
export const MAX_SPLIT_CHECK = 5000;

/** Fills in the defaults of {@link ClusterDeps}. */
export function resolveDeps(deps: ClusterDeps): ResolvedClusterDeps {
  const termsOf = deps.termsOf ?? ((item: TermSource) => item.keywords);
  const idf = deps.idf ?? (() => 1);
  return {
    storage: deps.storage,
    clock: deps.clock,
    authorityOf: deps.authorityOf ?? (() => 1),
    vectorOf: (item) => termVector(termsOf(item), idf),
    options: { ...DEFAULT_CLUSTER_OPTIONS, ...deps.options },
    newEventId: deps.newEventId ?? (() => newId(deps.clock.now())),
  };
}

/** A centroid as stored: the strongest terms as [term, weight] pairs. */
export function storedCentroid(centroid: ReadonlyMap<string, number>, size: number): [string, number][] {
  return [...topTerms(centroid, size)];
}
