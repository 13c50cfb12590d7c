/** The console's i18n module: complete dictionaries, parameters, and the language kept between visits. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LANGUAGE,
  LANGUAGE_KEY,
  loadLanguage,
  missingTexts,
  saveLanguage,
  translate,
  type KeyValueStore,
} from '../../web/src/i18n/i18n.js';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('console i18n', () => {
  it('has every text in both languages', () => {
    expect(missingTexts()).toEqual([]);
  });

  it('translates with parameters and leaves unknown slots as written', () => {
    expect(translate('zh', 'nav.reports')).toBe('报告');
    expect(translate('en', 'nav.reports')).toBe('Reports');
    expect(translate('zh', 'soon.text', { area: '系统' })).toBe('“系统”页面正在建设中，敬请期待。');
    expect(translate('en', 'common.sampled', { count: 1000 })).toBe(
      'Counted over the latest 1000 items only',
    );
    expect(translate('en', 'shell.newAlert')).toBe('New alert: {title}');
  });

  it('defaults to Chinese and keeps the chosen language', () => {
    const store = memoryStore();
    expect(DEFAULT_LANGUAGE).toBe('zh');
    expect(loadLanguage(store)).toBe('zh');
    saveLanguage(store, 'en');
    expect(store.data.get(LANGUAGE_KEY)).toBe('en');
    expect(loadLanguage(store)).toBe('en');
    store.data.set(LANGUAGE_KEY, 'fr');
    expect(loadLanguage(store)).toBe('zh');
  });

  it('survives storage that is missing or throws', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(loadLanguage(null)).toBe('zh');
    expect(loadLanguage(broken)).toBe('zh');
    expect(() => saveLanguage(broken, 'en')).not.toThrow();
  });
});
