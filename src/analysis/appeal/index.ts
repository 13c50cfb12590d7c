/** Appeal detection (诉求识别): whether a text asks an authority to solve the writer's problem, and whose. */
export {
  appealVerdict,
  appealVerdictOfFound,
  detectAppeal,
  detectAppealNormalized,
  type AppealResult,
} from './detect.js';
export { pickDepartment } from './department.js';
export {
  appealLexiconSchema,
  compileAppealModel,
  parseAppealLexicon,
  SIGNAL_KEYS,
  type AppealLexiconFile,
  type AppealModel,
  type SignalKey,
  type TermRole,
} from './lexicon.js';
export { loadAppealModel } from './load.js';
