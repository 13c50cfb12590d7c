/** Events (事件): incremental clustering, splits, stages, summaries and timelines (DESIGN.md §5). */
export {
  DEFAULT_CLUSTER_OPTIONS,
  IncrementalClusterer,
  keeps,
  type AddResult,
  type Assignment,
  type AssignmentReason,
  type ClusterItem,
  type ClusterOptions,
  type EventState,
  type Merge,
} from './clusterer.js';
export {
  DEFAULT_SPLIT_OPTIONS,
  proposeSplit,
  type SplitMember,
  type SplitOptions,
  type SplitProposal,
} from './split.js';
export { DEFAULT_STAGE_OPTIONS, stageOf, volumeCurve, type StageOptions } from './stage.js';
export {
  engagementScore,
  firstSentence,
  MAX_TITLE_LENGTH,
  originInEvent,
  repostTree,
  sentimentMix,
  summarizeEvent,
  type EventMember,
  type EventSummary,
} from './summary.js';
export { eventTimeline } from './timeline.js';
export {
  addInto,
  cosine,
  norm,
  normalized,
  termVector,
  topTerms,
  type IdfLookup,
  type TermVector,
} from './vectors.js';
export { CLUSTER_TERMS, clusterTermsOf } from './terms.js';
