/**
 * Running a query so that a report can show it: compile the query object, execute exactly that compiled
 * statement, and keep its SQL and parameters as a {@link FigureTrace}. Every statement of the report data
 * source goes through {@link TraceLog.rows}, so no figure can come from a query the trace does not show.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Traced } from '../../domain/report-data.js';
import type { FigureTrace } from '../../domain/report-document.js';
import type { Database } from '../schema.js';

type TraceParam = FigureTrace['params'][number];

/** A parameter as a trace prints it: booleans as 0/1, bigints and dates as text, objects as JSON. */
function traceParam(value: unknown): TraceParam {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** The trace of a compiled statement. */
export function traceOf(compiled: CompiledQuery, note?: string): FigureTrace {
  return {
    sql: compiled.sql,
    params: compiled.parameters.map(traceParam),
    ...(note !== undefined && { note }),
  };
}

/** The statements run for one answer, in order. */
export class TraceLog {
  private readonly trace: FigureTrace[] = [];

  constructor(private readonly db: Kysely<Database>) {}

  /** Compiles `query`, runs that compiled statement and records it (with `note` on what code does after). */
  async rows<R>(query: Compilable<R>, note?: string): Promise<R[]> {
    const compiled = query.compile();
    const result = await this.db.executeQuery(compiled);
    this.trace.push(traceOf(compiled, note));
    return [...result.rows];
  }

  /** The answer with every statement recorded so far. */
  done<T>(value: T): Traced<T> {
    return { value, trace: [...this.trace] };
  }
}
