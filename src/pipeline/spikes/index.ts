/** The spike pipeline (issue 5 §3–4): judge the latest closed bucket of a unit's schemes; find coordinated posting. */
export {
  detectCoordinatedPosting,
  type CoordinatedDeps,
  type CoordinatedPostingFinding,
} from './coordinated.js';
export { detectSpikes } from './detect.js';
export type { SchemeSpikeStatus, SpikeDeps, SpikeFinding, SpikeRun, SpikeStorage } from './types.js';
