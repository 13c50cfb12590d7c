/**
 * What one corpus item is about: a place, a body, an event, a person and a stance. Half of the items
 * follow a storyline (an event at one place that lasts a few days), so that searches over a time window
 * find clusters as they do in real monitoring data; the rest are drawn freely with Zipf weights.
 */
import type { SentimentLabel } from '../../src/domain/index.js';
import { ZipfPicker, type SeededRandom } from './random.js';
import { PROVINCES, type Place } from './words/places.js';
import { EVENTS, PEOPLE, SUBJECTS, type EventWord } from './words/vocabulary.js';

/** The subject matter of one item. */
export interface Topic {
  place: Place;
  subject: string;
  event: EventWord;
  person: string;
  sentiment: SentimentLabel;
  appeal: boolean;
}

interface Storyline {
  place: Place;
  subject: string;
  event: EventWord;
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/** Draws topics; storylines are laid out once over the corpus's time span. */
export class TopicPicker {
  private readonly provinces = new ZipfPicker(PROVINCES, 1.1);
  private readonly subjects = new ZipfPicker(SUBJECTS, 1.0);
  private readonly events = new ZipfPicker(EVENTS, 1.05);
  private readonly people = new ZipfPicker(PEOPLE, 1.0);
  private readonly storylinesByDay: Storyline[][];

  constructor(
    private readonly random: SeededRandom,
    private readonly spanStart: number,
    spanDays: number,
  ) {
    this.storylinesByDay = Array.from({ length: spanDays }, () => []);
    const count = spanDays * 4;
    for (let i = 0; i < count; i++) this.addStoryline(spanDays);
  }

  /** A topic for an item published at `at`. */
  pick(at: number): Topic {
    const day = Math.floor((at - this.spanStart) / DAY_MS);
    const active = (this.storylinesByDay[day] ?? []).filter((s) => s.start <= at && at < s.end);
    const story = active.length > 0 && this.random.chance(0.5) ? this.random.pick(active) : null;
    const sentiment = this.pickSentiment();
    return {
      place: story?.place ?? this.pickPlace(),
      subject: story?.subject ?? this.subjects.pick(this.random),
      event: story?.event ?? this.events.pick(this.random),
      person: this.people.pick(this.random),
      sentiment,
      appeal: sentiment === 'negative' && this.random.chance(0.35),
    };
  }

  private pickPlace(): Place {
    const places = this.provinces.pick(this.random);
    return this.random.pick(places);
  }

  private pickSentiment(): SentimentLabel {
    const roll = this.random.next();
    if (roll < 0.45) return 'negative';
    return roll < 0.8 ? 'neutral' : 'positive';
  }

  private addStoryline(spanDays: number): void {
    const startDay = this.random.int(0, spanDays - 1);
    const length = this.random.int(2, 10);
    const start = this.spanStart + startDay * DAY_MS + this.random.int(0, DAY_MS - 1);
    const story: Storyline = {
      place: this.pickPlace(),
      subject: this.subjects.pick(this.random),
      event: this.events.pick(this.random),
      start,
      end: start + length * DAY_MS,
    };
    for (let day = startDay; day <= Math.min(spanDays - 1, startDay + length); day++) {
      this.storylinesByDay[day]?.push(story);
    }
  }
}
