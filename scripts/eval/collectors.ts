/**
 * Collector accuracy: the real feed, article and list collectors run over the saved feeds and pages of
 * ../shared/data, with GNE's extraction as the reference for article pages. Steps live in `collectors/`.
 */
export { evaluateCollectors, type CollectorsReport } from './collectors/report.js';
export { renderCollectors } from './collectors/render.js';
