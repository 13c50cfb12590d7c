/** The language of the console as React context: `useI18n()` gives the language, `t` and the switch. */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import {
  type Language,
  loadLanguage,
  type MessageKey,
  type MessageParams,
  saveLanguage,
  translate,
} from './i18n.js';

/** What {@link useI18n} gives. */
export interface I18n {
  language: Language;
  t(key: MessageKey, params?: MessageParams): string;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18n | null>(null);

function browserStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Provides the language, read from and kept in localStorage. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(() => loadLanguage(browserStore()));
  const setLanguage = useCallback((next: Language) => {
    saveLanguage(browserStore(), next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The console's language and texts. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
