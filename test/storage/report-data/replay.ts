/**
 * Proving a trace is real: the data source runs over a Kysely that records the rows of every statement,
 * then each traced SQL is run again with its parameters and must give the same rows, statement by statement.
 */
import {
  CompiledQuery,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { expect } from 'vitest';
import type { Traced } from '../../../src/domain/report-data.js';
import { KyselyReportDataSource } from '../../../src/storage/report-data/source.js';
import type { Database } from '../../../src/storage/schema.js';

/** Keeps the rows of every statement run through it, in order. */
class RowRecorder implements KyselyPlugin {
  readonly results: UnknownRow[][] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.results.push([...args.result.rows]);
    return args.result;
  }
}

/**
 * Runs `ask` on a data source over `db`, checks that it ran exactly the traced statements and that each
 * traced SQL run again gives the rows it gave, and returns the answer.
 */
export async function replayed<T>(
  db: Kysely<Database>,
  ask: (source: KyselyReportDataSource) => Promise<Traced<T>>,
): Promise<Traced<T>> {
  const recorder = new RowRecorder();
  const answer = await ask(new KyselyReportDataSource(db.withPlugin(recorder)));
  expect(answer.trace.length).toBeGreaterThan(0);
  expect(answer.trace).toHaveLength(recorder.results.length);
  for (const [index, trace] of answer.trace.entries()) {
    const again = await db.executeQuery(CompiledQuery.raw(trace.sql, [...trace.params]));
    expect(again.rows, `statement ${index}: ${trace.sql}`).toEqual(recorder.results[index]);
  }
  return answer;
}
