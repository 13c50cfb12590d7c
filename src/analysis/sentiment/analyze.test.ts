import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './analyze.js';
import { Segmenter } from '../segment/segmenter.js';
import { loadSentimentModel } from './load.js';

const segmenter = new Segmenter();
const model = loadSentimentModel(undefined, { segmenter });
const withoutSegmenter = loadSentimentModel();

describe('analyzeSentiment (shipped model)', () => {
  it.each([
    ['这家酒店服务很好，房间干净', 'positive'],
    ['太开心了，终于放假了', 'positive'],
    ['气死我了，快递三天还没到', 'negative'],
    ['市政府今天召开新闻发布会，通报了今年的工作安排。', 'neutral'],
  ])('plain: %s → %s', (text, label) => {
    expect(analyzeSentiment(text, model).label).toBe(label);
  });

  it.each([
    ['房间不是很干净，服务也不太热情', 'negative'],
    ['没有问题，很满意', 'positive'],
  ])('negation: %s → %s', (text, label) => {
    const result = analyzeSentiment(text, model);
    expect(result.label).toBe(label);
    expect(result.signals).toContain('negation');
  });

  it.each([
    ['非常满意', 'positive'],
    ['太差了', 'negative'],
  ])('degree: %s → %s', (text, label) => {
    const result = analyzeSentiment(text, model);
    expect(result.label).toBe(label);
    expect(result.signals).toContain('degree');
  });

  it.each([
    ['虽然价格有点贵，但是服务非常好，下次还来', 'positive'],
    ['虽然服务不错，但是房间太脏了，很失望', 'negative'],
    ['房间很大，不过隔音太差了', 'negative'],
  ])('adversative: %s → %s', (text, label) => {
    const result = analyzeSentiment(text, model);
    expect(result.label).toBe(label);
    expect(result.signals).toContain('adversative');
  });

  it.each([
    ['真是“高效”啊，排队三个小时才办完', 'sarcasm:quoted-praise'],
    ['真是好服务啊，等了两个小时', 'sarcasm:zhenshi'],
    ['呵呵，又降价了', 'sarcasm:hehe'],
  ])('sarcasm: %s → negative with %s', (text, signal) => {
    const result = analyzeSentiment(text, model);
    expect(result.label).toBe('negative');
    expect(result.signals).toContain(signal);
  });

  it.each([
    ['The service was very good', 'positive', 'degree'],
    ['This is not good at all', 'negative', 'negation'],
    ['Nice screen but the battery is terrible and the support was rude', 'negative', 'adversative'],
    ['The meeting is on Monday', 'neutral', 'language:en'],
  ])('English: %s → %s', (text, label, signal) => {
    const result = analyzeSentiment(text, model);
    expect(result.label).toBe(label);
    expect(result.signals).toContain(signal);
  });

  it.each([
    ['我好害怕，外面在打雷', 'fear'],
    ['太开心了，终于放假了', 'happy'],
    ['气死我了，快递三天还没到', 'angry'],
  ])('emotion: %s → %s', (text, emotion) => {
    expect(analyzeSentiment(text, model).emotion).toBe(emotion);
  });

  it.each(['', 'Привет мир', '12345'])('no Chinese or English (%j) is neutral', (text) => {
    const result = analyzeSentiment(text, model);
    expect(result.label).toBe('neutral');
    expect(result.emotion).toBe('neutral');
  });

  it('gives calibrated probabilities that sum to one and a score equal to the label probability', () => {
    const result = analyzeSentiment('快递很快，包装完好，好评', model);
    const { positive, neutral, negative } = result.probabilities;
    expect(positive + neutral + negative).toBeCloseTo(1, 6);
    expect(result.score).toBeCloseTo(result.probabilities[result.label], 6);
    expect(result.emotionScore).toBeGreaterThan(0);
  });

  it.each([
    '这家酒店服务很好，房间干净',
    '房间不是很干净，服务也不太热情',
    '虽然服务不错，但是房间太脏了，很失望',
  ])('words passed in give the same result as the model segmenting %s itself', (text) => {
    const given = analyzeSentiment(text, withoutSegmenter, segmenter.tokens(text));
    const inside = analyzeSentiment(text, model);
    expect(given.probabilities.positive).toBeCloseTo(inside.probabilities.positive, 9);
    expect(given.probabilities.negative).toBeCloseTo(inside.probabilities.negative, 9);
  });

  it.each([
    ['这家酒店服务很好，房间干净', 'positive'],
    ['太差了，再也不来了', 'negative'],
  ])('without words or segmenter, %s still scores from characters → %s', (text, label) => {
    const alone = analyzeSentiment(text, withoutSegmenter);
    const full = analyzeSentiment(text, model);
    expect(alone.label).toBe(label);
    expect(alone.probabilities.positive).not.toBeCloseTo(full.probabilities.positive, 6);
  });
});
