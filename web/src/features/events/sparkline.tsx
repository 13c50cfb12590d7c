/** A tiny trend line of an event's volume, drawn as inline SVG (no chart library per table row). */
import { useEffect, useState } from 'react';
import type { Api } from '../../api/endpoints.js';
import { bucketOf, eventApi, type EventRecord } from './api.js';

const WIDTH = 96;
const HEIGHT = 24;

/** The polyline points of `values` scaled into the box. */
export function sparkPoints(values: readonly number[], width = WIDTH, height = HEIGHT): string {
  if (values.length === 0) return '';
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((value, n) => `${(n * step).toFixed(1)},${(height - 1 - (value / max) * (height - 2)).toFixed(1)}`)
    .join(' ');
}

/** The volume trend of `event`, loaded on mount; nothing while loading or when the load fails. */
export function Sparkline({ api, event }: { api: Api; event: EventRecord }) {
  const [values, setValues] = useState<number[] | null>(null);
  useEffect(() => {
    let live = true;
    eventApi(api)
      .timeline(event.id, bucketOf(event))
      .then(
        (timeline) => {
          if (live) setValues(timeline.buckets.map((bucket) => bucket.items));
        },
        () => {
          if (live) setValues([]);
        },
      );
    return () => {
      live = false;
    };
  }, [api, event]);
  if (!values || values.length === 0) return <span style={{ display: 'inline-block', width: WIDTH }} />;
  const points = values.length === 1 ? `0,${HEIGHT / 2} ${WIDTH},${HEIGHT / 2}` : sparkPoints(values);
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" data-testid="sparkline">
      <polyline points={points} fill="none" stroke="#1677ff" strokeWidth={1.5} />
    </svg>
  );
}
