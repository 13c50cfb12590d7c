/** Clustering analysed items into events, and the event services the API uses. */
export { clusterHandler, clusterPayloadIds } from './handler.js';
export { clusterItems, mergeEvents, type ClusterOutcome } from './run.js';
export { resolveDeps, type ClusterDeps, type TermSource } from './deps.js';
export { refreshEvent } from './refresh.js';
