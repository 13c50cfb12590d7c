/**
 * The console's small i18n module: one dictionary per language, `{name}` parameters, and the chosen
 * language kept in a key-value store (localStorage in the browser). Chinese is the default. DOM-free.
 */
import { en } from './en.js';
import { type MessageKey, zh } from './zh.js';

export type { MessageKey } from './zh.js';

/** The languages of the console. */
export const LANGUAGES = ['zh', 'en'] as const;
/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** The language shown before anyone chooses. */
export const DEFAULT_LANGUAGE: Language = 'zh';

/** The storage key of the chosen language. */
export const LANGUAGE_KEY = 'fengxiang.language';

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { zh, en };

/** Parameters filled into `{name}` slots. */
export type MessageParams = Record<string, string | number>;

/** The text of `key` in `language`, with `params` filled in; unknown slots are left as written. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = DICTIONARIES[language][key] ?? zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in params ? String(params[name]) : slot,
  );
}

/** True when `value` names a language of the console. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The part of Web Storage the language is kept in. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The stored language, or the default when none (or something unknown) is stored or storage fails. */
export function loadLanguage(store: KeyValueStore | null): Language {
  try {
    const stored = store?.getItem(LANGUAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Keeps `language` for the next visit; storage failures (private mode, quota) are ignored. */
export function saveLanguage(store: KeyValueStore | null, language: Language): void {
  try {
    store?.setItem(LANGUAGE_KEY, language);
  } catch {
    // Nothing to do: the language still applies to this visit.
  }
}

/** Every key whose text is missing or empty in some language (a test keeps this empty). */
export function missingTexts(): { language: Language; key: MessageKey }[] {
  const keys = Object.keys(zh) as MessageKey[];
  return LANGUAGES.flatMap((language) =>
    keys.filter((key) => !DICTIONARIES[language][key]).map((key) => ({ language, key })),
  );
}
