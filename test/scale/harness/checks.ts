/**
 * What the scale and fault tests read back from PostgreSQL after a run: how many items were stored (and
 * whether any platform id or URL is there twice), analysed, evaluated and placed in an event, whether
 * clustering left empty events behind, and the alerts of each rule with their outbox rows.
 */
import pg from 'pg';

/** The state of the pipeline's output. */
export interface PipelineState {
  items: number;
  /** Platform ids (source + external id) stored more than once. */
  duplicateIds: number;
  /** Canonical URLs stored more than once within a source. */
  duplicateUrls: number;
  analysed: number;
  evaluated: number;
  inEvents: number;
  /** Live (not merged) events without any member: what racing clusterers leave behind. */
  emptyEvents: number;
  events: number;
}

/** One alert with its deliveries. */
export interface AlertState {
  id: string;
  ruleId: string | null;
  count: number;
  deliveries: { id: string; channelId: string; state: string; attempts: number }[];
}

const num = (value: unknown): number => Number(value ?? 0);

/** Runs `work` with a connection to `url`. */
export async function withDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 10_000,
    statement_timeout: 120_000,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Counts the items stored so far (cheap enough to poll). */
export async function countItems(client: pg.Client): Promise<{ items: number; evaluated: number }> {
  const { rows } = await client.query<{ items: string; evaluated: string }>(
    'select count(*) as items, count(evaluated_at) as evaluated from items',
  );
  return { items: num(rows[0]?.items), evaluated: num(rows[0]?.evaluated) };
}

/** Reads the whole pipeline state. */
export async function readPipelineState(client: pg.Client): Promise<PipelineState> {
  const one = async (sql: string): Promise<number> =>
    num(Object.values((await client.query(sql)).rows[0] ?? {})[0]);
  return {
    items: await one('select count(*) from items'),
    duplicateIds: await one(
      `select count(*) from (select source_id, external_id from items where external_id is not null
        group by source_id, external_id having count(*) > 1) d`,
    ),
    duplicateUrls: await one(
      `select count(*) from (select source_id, canonical_url from items where canonical_url is not null
        group by source_id, canonical_url having count(*) > 1) d`,
    ),
    analysed: await one('select count(*) from items where analysed_at is not null'),
    evaluated: await one('select count(*) from items where evaluated_at is not null'),
    inEvents: await one(
      'select count(*) from items i where exists (select 1 from event_items e where e.item_id = i.id)',
    ),
    emptyEvents: await one(
      `select count(*) from events ev where ev.merged_into is null
        and not exists (select 1 from event_items e where e.event_id = ev.id)`,
    ),
    events: await one('select count(*) from events where merged_into is null'),
  };
}

/** Every alert with its outbox rows. */
export async function readAlerts(client: pg.Client): Promise<AlertState[]> {
  const alerts = await client.query<{ id: string; rule_id: string | null; count: number }>(
    'select id, rule_id, count from alerts order by created_at',
  );
  const deliveries = await client.query<{
    id: string;
    alert_id: string;
    channel_id: string;
    state: string;
    attempts: number;
  }>('select id, alert_id, channel_id, state, attempts from alert_deliveries');
  return alerts.rows.map((alert) => ({
    id: alert.id,
    ruleId: alert.rule_id,
    count: num(alert.count),
    deliveries: deliveries.rows
      .filter((row) => row.alert_id === alert.id)
      .map((row) => ({
        id: row.id,
        channelId: row.channel_id,
        state: row.state,
        attempts: num(row.attempts),
      })),
  }));
}

/** How many items the given scheme matched (scheme hits recorded). */
export async function countSchemeHits(client: pg.Client, schemeId: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    'select count(*) as n from scheme_hits where scheme_id = $1',
    [schemeId],
  );
  return num(rows[0]?.n);
}
