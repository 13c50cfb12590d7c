/**
 * A scratch PostgreSQL database for one benchmark: created on the server named by the URL, handed over by
 * URL, and dropped afterwards whatever happened.
 */
import pg from 'pg';

/** Creates a fresh database, runs `work` with its URL, drops it. */
export async function withScratchDatabase<T>(
  serverUrl: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const name = `fx_bench_${Date.now().toString(36)}`;
  await adminQuery(serverUrl, `create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

/** The size of the current database in MiB. */
export async function databaseSizeMiB(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ size: string }>(
      'select pg_database_size(current_database()) as size',
    );
    return Number(result.rows[0]?.size ?? 0) / 1024 / 1024;
  } finally {
    await client.end();
  }
}

/** The server's version string, e.g. `15.8`. */
export async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('show server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
