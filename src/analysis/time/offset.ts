/**
 * Zone designators printed after a time: `Z`, `+0800`, `+08:00`, `GMT`, `UTC+8`, `GMT+08:00` and the
 * North American names RFC 822 defines (EST, CDT, …). `CST` follows RFC 822 (US Central, −06:00): a
 * Chinese site that means China Standard Time should print +0800 or nothing.
 */

const NAMED_OFFSETS: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

/** Regular-expression source for a zone designator, in the named group `z`. */
export const ZONE_SOURCE =
  '(?<z>(?:gmt|utc)\\s*[+-]\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2}|z|ut|utc|gmt|est|edt|cst|cdt|mst|mdt|pst|pdt)(?![a-z])';

/** The offset from UTC in minutes that a zone designator names, or null when it names none. */
export function readZoneOffset(designator: string | undefined): number | null {
  if (designator === undefined) return null;
  const text = designator.toLowerCase().replace(/\s+/gu, '');
  const named = NAMED_OFFSETS[text];
  if (named !== undefined) return named;
  const numeric = /^(?:gmt|utc)?([+-])(\d{1,2})(?::?(\d{2}))?$/u.exec(text);
  if (numeric === null) return null;
  const hours = Number(numeric[2]);
  const minutes = Number(numeric[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** True when the designator is a bare numeric offset such as `+0800` (no `GMT`/`UTC` before it). */
export function isBareOffset(designator: string | undefined): boolean {
  return designator !== undefined && /^[+-]/u.test(designator);
}
