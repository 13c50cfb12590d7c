/** Showing failures to the user in their language: API errors with the server's own texts. */
import { App } from 'antd';
import { useCallback } from 'react';
import { isApiError } from './api/client.js';
import { useI18n } from './i18n/context.js';

/** The text of `error` in `language`. */
export function errorText(error: unknown, language: 'zh' | 'en'): string {
  if (isApiError(error)) return error.text(language);
  return error instanceof Error ? error.message : String(error);
}

/** A function that shows `error` as a message toast. */
export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { language } = useI18n();
  return useCallback(
    (error: unknown) => {
      void message.error(errorText(error, language));
    },
    [message, language],
  );
}
