/** The dashboard's API calls: the overview in one answer, and the newest items of the range. */
import type { z } from 'zod';
import type { overview } from '../../../../src/contract/index.js';
import { type HttpClient, queryString } from '../../api/client.js';
import type { Api } from '../../api/endpoints.js';
import type { Item } from '../../api/types.js';
import type { TimeRange } from './aggregate.js';

/** The answer of GET /stats/overview. */
export type Overview = z.output<typeof overview>;

/** How many of the newest items the dashboard lists. */
export const LATEST_ITEMS = 8;

function overviewQuery(range: TimeRange, unitId: string | null): string {
  return queryString({
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    bucket: range.bucket,
    ...(unitId !== null && { unitId }),
  });
}

/** The overview of `range` for `unitId` (every unit in scope when null). */
export function fetchOverview(http: HttpClient, range: TimeRange, unitId: string | null): Promise<Overview> {
  return http.request<Overview>('GET', `/api/v1/stats/overview${overviewQuery(range, unitId)}`);
}

/** The overview for a display token (the big screen); `http` sends the token. */
export function fetchDisplayOverview(
  http: HttpClient,
  range: TimeRange,
  unitId: string | null,
): Promise<Overview> {
  return http.request<Overview>('GET', `/api/v1/display/overview${overviewQuery(range, unitId)}`);
}

/** The newest items of `range` (of `unitId` when given). */
export async function fetchLatestItems(api: Api, range: TimeRange, unitId: string | null): Promise<Item[]> {
  const page = await api.items({
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    limit: unitId === null ? LATEST_ITEMS : LATEST_ITEMS * 4,
  });
  return page.items.filter((item) => unitId === null || item.unitId === unitId).slice(0, LATEST_ITEMS);
}
