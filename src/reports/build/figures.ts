/**
 * The figures of a report under construction. A builder registers every number it prints here, with the
 * traces of the queries behind it, and prints it through {@link FigureBook.print}, so the text and the
 * figure table of the document can never disagree.
 */
import type { FigureFormat, FigureTrace, ReportFigure, Traced } from '../../domain/index.js';
import { formatFigure } from '../render/format.js';

/** A ratio, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The figures of one document. */
export class FigureBook {
  private readonly figures: Record<string, ReportFigure> = {};

  /** Registers a figure computed from traced data; returns its key. */
  add(
    key: string,
    label: string,
    value: number | null,
    format: FigureFormat,
    trace: readonly FigureTrace[],
  ): string {
    this.figures[key] = { key, label, value, format, trace: [...trace] };
    return key;
  }

  /** Registers a count read straight from a traced answer. */
  count<T>(key: string, label: string, source: Traced<T>, pick: (value: T) => number): string {
    return this.add(key, label, pick(source.value), 'count', source.trace);
  }

  /** The printed value of a registered figure. */
  print(key: string): string {
    const figure = this.figures[key];
    if (figure === undefined) throw new Error(`figure ${key} was printed before it was registered`);
    return formatFigure(figure);
  }

  /** The value of a registered figure. */
  value(key: string): number | null {
    return this.figures[key]?.value ?? null;
  }

  /** Every figure registered, by key. */
  all(): Record<string, ReportFigure> {
    return { ...this.figures };
  }
}
