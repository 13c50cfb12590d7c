/** Collected text shown as text with the words a scheme matched marked (React escapes everything). */
import type { ReactNode } from 'react';

/** Pieces of `text` split around case-insensitive occurrences of `words`, the occurrences marked. */
export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  const lower = text.toLowerCase();
  const wanted = [...new Set(words.map((word) => word.toLowerCase()).filter((word) => word !== ''))].sort(
    (a, b) => b.length - a.length,
  );
  const parts: ReactNode[] = [];
  let at = 0;
  let plainFrom = 0;
  while (at < text.length && wanted.length > 0) {
    const word = wanted.find((candidate) => lower.startsWith(candidate, at));
    if (!word) {
      at += 1;
      continue;
    }
    if (plainFrom < at) parts.push(text.slice(plainFrom, at));
    parts.push(<mark key={at}>{text.slice(at, at + word.length)}</mark>);
    at += word.length;
    plainFrom = at;
  }
  if (plainFrom < text.length) parts.push(text.slice(plainFrom));
  return <>{parts}</>;
}

/** True for links that may be opened: http and https only (never `javascript:` and the like). */
export function isWebLink(url: string | null): url is string {
  return url !== null && /^https?:\/\//i.test(url);
}
