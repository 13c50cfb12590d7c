/**
 * A word cloud without a chart extension: spans in a wrapping flex box, sized by how many items carry the
 * word and coloured by how negative those items are. Words are collected text, rendered as text.
 */
import type { NamedCountLike } from './panel-types.js';
import { cloudOf, type CloudWord } from './aggregate.js';

const TONES: Record<'light' | 'dark', Record<CloudWord['tone'], readonly string[]>> = {
  light: {
    negative: ['#cf1322', '#f5222d'],
    mixed: ['#d46b08', '#fa8c16'],
    calm: ['#1677ff', '#0958d9', '#13c2c2', '#389e0d'],
  },
  dark: {
    negative: ['#ff7875', '#ff4d4f'],
    mixed: ['#ffc069', '#ffa940'],
    calm: ['#69b1ff', '#5cdbd3', '#95de64', '#adc6ff'],
  },
};

/** The keywords of a period as a cloud; `count` items carry each word, `negative` of them negative. */
export function WordCloud({
  words,
  minSize,
  maxSize,
  theme = 'light',
  countLabel,
}: {
  words: readonly NamedCountLike[];
  minSize: number;
  maxSize: number;
  theme?: 'light' | 'dark';
  /** The tooltip of a word, e.g. "12 条". */
  countLabel: (count: number) => string;
}) {
  const cloud = cloudOf(words, minSize, maxSize);
  return (
    <div className="fx-cloud" data-testid="word-cloud">
      {cloud.map((word, index) => {
        const tones = TONES[theme][word.tone];
        return (
          <span
            key={word.name}
            title={`${word.name}：${countLabel(word.count)}`}
            style={{
              fontSize: word.size,
              color: tones[index % tones.length],
              fontWeight: word.size >= (minSize + maxSize) / 2 ? 600 : 400,
            }}
          >
            {word.name}
          </span>
        );
      })}
    </div>
  );
}
