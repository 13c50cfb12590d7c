/**
 * Text of corpus items from templates: Weibo-style posts, comments, news articles and message-board
 * appeals, each cut to its length range. Sentences mix the topic's words with Zipf-drawn filler words and
 * online noise, so the index sees both very common and rare tokens.
 */
import { ZipfPicker, type SeededRandom } from './random.js';
import type { Topic } from './topic.js';
import { APPEAL_PHRASES, FILLER, NOISE, SENTIMENT_PHRASES } from './words/vocabulary.js';

/** A title (or null) and a body. */
export interface ItemText {
  title: string | null;
  content: string;
}

type Sentence = (topic: Topic, words: WordSource) => string;

/** The filler and noise words a sentence may use. */
class WordSource {
  private readonly filler = new ZipfPicker(FILLER, 0.9);

  constructor(readonly random: SeededRandom) {}

  word(): string {
    return this.filler.pick(this.random);
  }

  noise(): string {
    return this.random.pick(NOISE);
  }

  feeling(topic: Topic): string {
    return this.random.pick(SENTIMENT_PHRASES[topic.sentiment]);
  }
}

function placeName(topic: Topic, random: SeededRandom): string {
  const { place } = topic;
  const county = place.county ?? '';
  switch (random.int(0, 4)) {
    case 0:
      return `${place.provinceShort}${place.cityShort}`;
    case 1:
      return `${place.city}${county}`;
    case 2:
      return county || place.city;
    case 3:
      return `${place.provinceShort}${county}`;
    default:
      return place.cityShort;
  }
}

const SENTENCES: readonly Sentence[] = [
  (t, w) => `${placeName(t, w.random)}${t.subject}${w.word()}${t.event.word}，${w.feeling(t)}`,
  (t, w) => `${w.word()}${w.word()}，${t.person}说${t.event.word}的${w.word()}还没有${w.word()}`,
  (t, w) => `${t.subject}对${t.event.word}${w.word()}的${w.word()}${w.feeling(t)}`,
  (t, w) => `${w.feeling(t)}，${placeName(t, w.random)}的${t.person}${w.word()}${w.word()}`,
  (t, w) => `关于${t.event.word}，${t.subject}${w.word()}${w.word()}了${w.word()}`,
  (t, w) => `${w.word()}${w.word()}${w.word()}，${w.word()}${w.word()}`,
  (t, w) => `${t.person}反映${placeName(t, w.random)}${w.word()}${t.event.word}${w.word()}`,
];

function sentence(topic: Topic, words: WordSource): string {
  return words.random.pick(SENTENCES)(topic, words);
}

function cut(text: string, min: number, max: number, random: SeededRandom): string {
  const limit = random.int(min, max);
  return text.length > limit ? text.slice(0, limit) : text;
}

/** Builds item texts from topics; one builder per corpus. */
export class TextBuilder {
  private readonly words: WordSource;

  constructor(private readonly random: SeededRandom) {
    this.words = new WordSource(random);
  }

  /** A Weibo-style post of 20–140 characters. */
  post(topic: Topic): ItemText {
    const w = this.words;
    let text = this.random.chance(0.4) ? `#${topic.place.cityShort}${topic.event.word}# ` : '';
    const target = this.random.int(20, 140);
    while (text.length < target) text += `${sentence(topic, w)}${this.random.chance(0.5) ? '。' : '！'}`;
    if (topic.appeal) text = cut(text, 10, 100, this.random) + `，${this.random.pick(APPEAL_PHRASES)}`;
    if (this.random.chance(0.3)) text += w.noise();
    return { title: null, content: cut(text, 20, 140, this.random).padEnd(20, '。') };
  }

  /** A comment of 5–60 characters. */
  comment(topic: Topic): ItemText {
    const w = this.words;
    const parts = [w.feeling(topic)];
    if (this.random.chance(0.5)) parts.push(`${w.word()}${topic.event.word}`);
    if (this.random.chance(0.4)) parts.push(sentence(topic, w));
    if (this.random.chance(0.4)) parts.push(w.noise());
    const text = parts.join(this.random.chance(0.5) ? '，' : ' ');
    return { title: null, content: cut(text, 5, 60, this.random).padEnd(5, '。') };
  }

  /** A news article of 300–2000 characters with a title. */
  article(topic: Topic): ItemText {
    const w = this.words;
    const title = `${placeName(topic, this.random)}${topic.subject}回应${topic.event.word}：${w.word()}${w.word()}`;
    const target = this.random.int(300, 2000);
    const lead = `${this.random.pick(SENTIMENT_PHRASES.neutral)}，${topic.place.city}${topic.place.county ?? ''}`;
    let content = `${lead}${topic.subject}就${topic.event.word}一事作出回应。`;
    while (content.length < target) {
      const paragraph = Array.from({ length: this.random.int(3, 7) }, () => sentence(topic, w)).join('，');
      content += `\n${this.random.pick(SENTIMENT_PHRASES.neutral)}，${paragraph}。`;
    }
    return { title, content: content.slice(0, target) };
  }

  /** A message-board appeal of 60–400 characters with a title. */
  message(topic: Topic): ItemText {
    const w = this.words;
    const title = `关于${topic.place.cityShort}${topic.place.county ?? ''}${topic.event.word}问题的反映`;
    let content = `尊敬的领导：您好！我是${topic.place.city}${topic.place.county ?? ''}的${topic.person}。`;
    const target = this.random.int(60, 400);
    const closing = `${this.random.pick(APPEAL_PHRASES)}，谢谢！`;
    while (content.length + closing.length < target) content += `${sentence(topic, w)}。`;
    content = content.slice(0, target - closing.length) + closing;
    return { title, content };
  }
}
