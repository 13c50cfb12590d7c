/**
 * Reading the heat a hot list prints (热度): `123万`, `1.2亿`, `热 45678`, `4567890热度`, `1,234,567`, or a
 * bare number. Labels without a number (`沸`, `爆`, `新`, `热`) carry no heat and give null.
 */
import { parseCount } from '../mapping/values.js';

const NUMBER_WITH_UNIT = /(\d[\d,，]*(?:\.\d+)?)\s*(百万|千万|[万亿千wWkK])?/u;

/** The heat as a number, or null when the value holds none. */
export function parseHeat(value: unknown): number | null {
  if (typeof value === 'number') return parseCount(value);
  if (typeof value !== 'string') return null;
  const match = NUMBER_WITH_UNIT.exec(value.normalize('NFKC'));
  if (!match?.[1]) return null;
  return parseCount(`${match[1]}${match[2] ?? ''}`);
}
