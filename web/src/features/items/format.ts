/** Times as the page shows them, in the console's language. */

/** `iso` as a local date and time, written the way `language` writes them. */
export function timeText(iso: string, language: 'zh' | 'en'): string {
  return new Date(iso).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
}
