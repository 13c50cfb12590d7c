/** Loading what the dashboard shows, from the existing list APIs, for one time range and unit. */
import type { Api } from '../../api/endpoints.js';
import type { Alert, Appeal, EventRecord, Incident, Item } from '../../api/types.js';
import type { TimeRange } from './aggregate.js';

/** The most items the trend is counted over (five pages of the items API). */
export const ITEM_SAMPLE_LIMIT = 1000;
const PAGE = 200;

/** Everything on the dashboard. */
export interface DashboardData {
  items: Item[];
  /** True when the range holds more items than were counted. */
  truncated: boolean;
  events: EventRecord[];
  alerts: Alert[];
  incidents: Incident[];
  appeals: Appeal[];
  loadedAt: Date;
}

async function loadItems(api: Api, range: TimeRange): Promise<{ items: Item[]; truncated: boolean }> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.items({
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      limit: PAGE,
      ...(cursor !== undefined && { cursor }),
    });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && items.length < ITEM_SAMPLE_LIMIT);
  return { items, truncated: cursor !== undefined };
}

/** Keeps the records of `unitId` (all when null): list APIs without a unit filter answer every unit in scope. */
function ofUnit<T extends { unitId: string }>(records: T[], unitId: string | null): T[] {
  return unitId === null ? records : records.filter((record) => record.unitId === unitId);
}

/** Loads the dashboard; lists the caller may not read come back empty. */
export async function loadDashboard(
  api: Api,
  range: TimeRange,
  unitId: string | null,
  can: (permission: string) => boolean,
): Promise<DashboardData> {
  const from = range.from.toISOString();
  const [items, events, alerts, incidents, appeals] = await Promise.all([
    can('items:read') ? loadItems(api, range) : { items: [], truncated: false },
    can('events:read') ? api.events({ from, limit: 10 }).then((page) => page.items) : [],
    can('alerts:read') ? api.alerts({ from, limit: 10 }).then((page) => page.items) : [],
    can('incidents:read')
      ? api
          .incidents({
            state: ['new', 'verifying', 'responding', 'following_up'],
            limit: 10,
            ...(unitId !== null && { unitId }),
          })
          .then((page) => page.items)
      : [],
    can('appeals:read') ? api.appeals({ state: ['dispatched'], limit: 50 }).then((page) => page.items) : [],
  ]);
  return {
    items: ofUnit(items.items, unitId),
    truncated: items.truncated,
    events: ofUnit(events, unitId),
    alerts: ofUnit(alerts, unitId),
    incidents: ofUnit(incidents, unitId),
    appeals: ofUnit(appeals, unitId)
      .filter((appeal) => appeal.dueAt !== null)
      .sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''))
      .slice(0, 10),
    loadedAt: new Date(),
  };
}
