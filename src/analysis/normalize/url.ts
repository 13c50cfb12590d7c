/**
 * Canonical URLs, so that one page reached through different links (share buttons, tracking tags, upper-
 * case hosts, default ports) is stored once.
 *
 * What canonicalUrl does: lower-cases scheme and host (the URL parser does this), turns IDN hosts into
 * punycode, drops a trailing dot on the host, user name and password, default ports and the fragment,
 * resolves `/./` and `/../`, collapses repeated slashes in the path, upper-cases percent escapes, removes
 * tracking parameters (below), sorts the remaining parameters by name (values of one name keep their
 * order, and their encoding is kept byte for byte) and drops an empty `?`. It keeps everything else in the
 * path, including `index.html`, because sites differ in what those serve.
 *
 * Tracking parameters removed everywhere: every `utm_*`; the Alibaba/Taobao and Bilibili trackers `spm`,
 * `scm`, `spm_id_from`, `vd_source`, `unique_k`; share tokens `share_token`, `share_source`, `share_from`,
 * `share_medium`, `share_plat`, `share_session_id`, `share_tag`, `shareuid`, `sharer_sharetime`,
 * `sharer_shareid`; Weibo's `wfr`; Toutiao's `tt_from`; `refer`, `ref_src`, `ref_url`;
 * `isappinstalled`; the ad-click ids `fbclid`, `gclid`, `yclid`, `dclid`, `msclkid`, `igshid`; the
 * mailing trackers `_hsenc`, `_hsmi`, `mc_cid`, `mc_eid`.
 * Removed only when clearly tracking: `from` unless its value is a number (then it is a paging offset);
 * the cache busters `_` and `t` only when their value is a 10- or 13-digit Unix time.
 * Kept on purpose: `mod` (Discuz! forums route on `mod=viewthread`), `ref` (a branch or page on many
 * sites), `id`, `page` and every other parameter.
 * On mp.weixin.qq.com only the article identity `__biz`, `mid`, `idx` and `sn` is kept.
 */

const TRACKING_NAMES = new Set([
  'spm',
  'scm',
  'spm_id_from',
  'vd_source',
  'unique_k',
  'share_token',
  'share_source',
  'share_from',
  'share_medium',
  'share_plat',
  'share_session_id',
  'share_tag',
  'shareuid',
  'sharer_sharetime',
  'sharer_shareid',
  'wfr',
  'tt_from',
  'refer',
  'ref_src',
  'ref_url',
  'isappinstalled',
  'fbclid',
  'gclid',
  'yclid',
  'dclid',
  'msclkid',
  'igshid',
  '_hsenc',
  '_hsmi',
  'mc_cid',
  'mc_eid',
]);

const KEEP_ONLY_BY_HOST: Record<string, ReadonlySet<string>> = {
  'mp.weixin.qq.com': new Set(['__biz', 'mid', 'idx', 'sn']),
};

const UNIX_TIME = /^(?:\d{10}|\d{13})$/u;

interface QueryPair {
  raw: string;
  name: string;
  value: string;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/gu, ' '));
  } catch {
    return text;
  }
}

function toPair(raw: string): QueryPair {
  const equals = raw.indexOf('=');
  const name = equals === -1 ? raw : raw.slice(0, equals);
  const value = equals === -1 ? '' : raw.slice(equals + 1);
  return { raw, name: decode(name), value: decode(value) };
}

/** True when the query parameter only tracks where a visitor came from or busts a cache. */
export function isTrackingParameter(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('utm_') || TRACKING_NAMES.has(lower)) return true;
  if (lower === 'from') return !/^\d+$/u.test(value);
  if (lower === '_' || lower === 't') return UNIX_TIME.test(value);
  return false;
}

function canonicalQuery(search: string, host: string): string {
  const keepOnly = KEEP_ONLY_BY_HOST[host];
  const pairs = search
    .replace(/^\?/u, '')
    .split('&')
    .filter((raw) => raw.length > 0)
    .map(toPair)
    .filter((pair) => !isTrackingParameter(pair.name, pair.value))
    .filter((pair) => keepOnly === undefined || keepOnly.has(pair.name));
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return pairs.map((pair) => pair.raw).join('&');
}

function upperCaseEscapes(text: string): string {
  return text.replace(/%[0-9a-f]{2}/giu, (escape) => escape.toUpperCase());
}

function parseHttpUrl(text: string, base?: string): URL | null {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname.length === 0) return null;
  return url;
}

/** The canonical form of an absolute http(s) URL (see the module comment), or null when it is not one. */
export function canonicalUrl(url: string): string | null {
  const parsed = parseHttpUrl(url.trim());
  if (parsed === null) return null;
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  parsed.hostname = parsed.hostname.replace(/\.$/u, '');
  parsed.pathname = upperCaseEscapes(parsed.pathname.replace(/\/{2,}/gu, '/'));
  const query = canonicalQuery(parsed.search, parsed.hostname);
  parsed.search = query.length > 0 ? `?${upperCaseEscapes(query)}` : '';
  return parsed.href.replace(/\?$/u, '');
}

/**
 * The absolute http(s) URL that `href` points to from a page at `base`, or null when it points nowhere
 * useful: empty or fragment-only links, `javascript:`, `mailto:`, `tel:`, `data:` and other schemes, or
 * an invalid base. The result is resolved, not canonical; pass it to {@link canonicalUrl} for that.
 */
export function resolveUrl(href: string, base: string): string | null {
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.startsWith('#')) return null;
  if (parseHttpUrl(base) === null) return null;
  return parseHttpUrl(trimmed, base)?.href ?? null;
}
