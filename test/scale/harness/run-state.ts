/**
 * Watching a scale run: progress lines on stderr while items flow, and the wait for the pipeline to come
 * to rest (every item stored and evaluated, no delivery pending) — with the processes' own errors in the
 * failure message when it never does.
 */
import type { CliProcess } from './cli-process.js';
import { countItems, withDatabase } from './checks.js';

/** Progress of a run. */
export interface Progress {
  items: number;
  evaluated: number;
  pendingDeliveries: number;
}

/** Reads the progress figures. */
export async function readProgress(databaseUrl: string): Promise<Progress> {
  return withDatabase(databaseUrl, async (client) => {
    const counts = await countItems(client);
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from alert_deliveries where state not in ('sent', 'dead')",
    );
    return { ...counts, pendingDeliveries: Number(rows[0]?.n ?? 0) };
  });
}

/** The last error-level lines of the processes, for failure messages. */
export function recentErrors(processes: readonly CliProcess[]): string {
  return processes
    .flatMap((process) =>
      process.lines
        .filter((line) => (line.level ?? 0) >= 50)
        .slice(-3)
        .map((line) => `${process.name}: ${JSON.stringify(line).slice(0, 400)}`),
    )
    .join('\n');
}

/**
 * Polls until `done(progress)` holds, writing a progress line every 10 s; throws after `timeoutMs` with
 * the last figures and recent process errors.
 */
export async function waitForProgress(
  databaseUrl: string,
  processes: readonly CliProcess[],
  done: (progress: Progress) => boolean,
  what: string,
  timeoutMs: number,
): Promise<Progress> {
  const started = Date.now();
  let lastReport = 0;
  for (;;) {
    const progress = await readProgress(databaseUrl).catch(() => null);
    if (progress && done(progress)) return progress;
    const elapsed = Date.now() - started;
    if (elapsed - lastReport >= 10_000) {
      lastReport = elapsed;
      process.stderr.write(`[scale] ${Math.round(elapsed / 1000)} s ${what}: ${JSON.stringify(progress)}\n`);
    }
    if (elapsed > timeoutMs) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last ${JSON.stringify(progress)}\n${recentErrors(processes)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
