/** The daily, weekly and monthly reports: one structure, with the period's own words and buckets. */
import type { PeriodicReportData, ReportSection } from '../../domain/index.js';
import type { BuildState } from './context.js';
import { PERIOD_WORDS } from './context.js';
import { distributionSection } from './periodic-distribution.js';
import { eventsSection } from './periodic-events.js';
import { handlingSection } from './periodic-handling.js';
import { negativeSection } from './periodic-negative.js';
import { outlookSection } from './periodic-outlook.js';
import { overviewSection } from './periodic-overview.js';

/** The sections of a periodic report, in the built-in order. */
export function periodicSections(data: PeriodicReportData, state: BuildState): ReportSection[] {
  const words = PERIOD_WORDS[data.type];
  const overview = overviewSection(data, state, words);
  const events = eventsSection(data, state, words);
  const negative = negativeSection(data, state, words);
  const distribution = distributionSection(data, state, words);
  const handling = handlingSection(data, state, words);
  const outlook = outlookSection(data, state, words);
  return [overview, events, negative, distribution, handling, outlook];
}

/** True when the period holds no records a periodic report could describe. */
export function periodicIsEmpty(data: PeriodicReportData): boolean {
  return (
    data.totals.value.total === 0 &&
    data.alerts.value.raised === 0 &&
    data.incidents.value.openedInPeriod === 0 &&
    data.incidents.value.inProgress === 0 &&
    data.appeals.value.openedInPeriod === 0 &&
    data.appeals.value.inProgress === 0
  );
}
