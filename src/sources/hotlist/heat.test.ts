import { describe, expect, it } from 'vitest';
import { parseHeat } from './heat.js';

describe('parseHeat', () => {
  it.each([
    ['a number', 4567890, 4567890],
    ['digits', '4567890', 4567890],
    ['万', '123万', 1230000],
    ['decimal 万', '45.6万', 456000],
    ['亿', '1.2亿', 120000000],
    ['label before', '热 45678', 45678],
    ['label word before', '热度 123万', 1230000],
    ['label after', '4567890热度', 4567890],
    ['category label before', '剧集 356789', 356789],
    ['thousands separators', '1,234,567', 1234567],
    ['full-width digits', '１２３万', 1230000],
    ['w abbreviation', '32.5w', 325000],
    ['views phrase', '2.1万人在看', 21000],
    ['a label only (沸)', '沸', null],
    ['a label only (爆)', '爆', null],
    ['a label only (新)', '新', null],
    ['empty', '', null],
    ['absent', null, null],
    ['negative number', -5, null],
  ])('%s', (_name, value, expected) => {
    expect(parseHeat(value)).toBe(expected);
  });
});
