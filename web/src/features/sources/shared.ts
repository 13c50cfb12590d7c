/**
 * Small pieces the 信息源 and 系统 pages share: loading a list with errors shown, times for tables and
 * `datetime-local` inputs, and JSON typed into a text box.
 */
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';

/** A loaded value, whether it is loading, and a way to load it again. */
export interface Loaded<T> {
  data: T;
  loading: boolean;
  reload(): Promise<void>;
}

/** Loads `load()` now and on `reload`, showing failures; `initial` until the first answer. */
export function useLoaded<T>(load: () => Promise<T>, initial: T): Loaded<T> {
  const showError = useShowError();
  const [data, setData] = useState<T>(initial);
  const [loading, setLoading] = useState(false);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await load());
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  }, [load, showError]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, loading, reload };
}

/** A time for a table cell, or a dash. */
export function when(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The value of a `datetime-local` input for an ISO time (in the browser's zone). */
export function toLocalInput(iso: string): string {
  const at = new Date(iso);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The ISO time of a `datetime-local` input's value (read in the browser's zone). */
export function fromLocalInput(value: string): string {
  return new Date(value).toISOString();
}

/** The object a JSON text holds, or an Error saying why it is not one. */
export function parseJsonObject(text: string | undefined): Record<string, unknown> | Error {
  const trimmed = (text ?? '').trim();
  if (!trimmed) return {};
  try {
    const value: unknown = JSON.parse(trimmed);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
    return new Error('not an object');
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** JSON of `value` for a text box. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** The style of JSON and dates typed into or shown in a box. */
export const MONO = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSize: 12,
} as const;
