/** Small display helpers shared by the 预警 and 处置 pages: level colours, times and safe links. */
import { useEffect, useState } from 'react';
import type { Language, MessageKey } from '../../i18n/i18n.js';
import { useSession } from '../../session/context.js';
import type { AlertLevel } from './api.js';

/** The antd tag colour of each level (红/橙/黄/蓝). */
export const LEVEL_COLORS: Readonly<Record<AlertLevel, string>> = {
  red: 'red',
  orange: 'orange',
  yellow: 'gold',
  blue: 'blue',
};

/** Levels, most severe first. */
export const LEVELS: readonly AlertLevel[] = ['red', 'orange', 'yellow', 'blue'];

/** An ISO time as a short local date and time in `language`. */
export function when(iso: string | null, language: Language): string {
  if (iso === null) return '—';
  return new Date(iso).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/**
 * The link of a collected URL when it is plain http(s), else undefined: collected URLs are untrusted and
 * a `javascript:` or `data:` one must never become a link.
 */
export function safeHref(url: string | null): string | undefined {
  if (url === null) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * User names by id for showing who acted, loaded once when the user may read users; ids stand in for
 * names otherwise.
 */
export function useUserNames(): (id: string | null) => string {
  const { api, can } = useSession();
  const allowed = can('users:read');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!allowed) return;
    api.users().then(
      (list) => setNames(new Map(list.items.map((user) => [user.id, user.displayName || user.username]))),
      () => setNames(new Map()),
    );
  }, [api, allowed]);
  return (id) => (id === null ? '—' : (names.get(id) ?? id));
}

/** The name of a category key in the console's dictionary (the 信息 page's names), else the key itself. */
export function categoryName(category: string, t: (key: MessageKey) => string): string {
  const key = `items.category.${category}`;
  const text = t(key as MessageKey);
  return text === key ? category : text;
}
