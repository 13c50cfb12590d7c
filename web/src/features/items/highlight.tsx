/** Collected text with the search's terms marked, built from React elements (so the text stays text). */
import { splitByTerms } from './query.js';

/** `text` with every occurrence of `terms` in a `<mark>`. */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {splitByTerms(text, terms).map((piece, index) =>
        piece.hit ? (
          <mark key={index} className="fx-hit">
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}
