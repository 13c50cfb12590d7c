import { describe, expect, it } from 'vitest';
import { proposeSplit, type SplitMember } from './split.js';
import { termVector } from './vectors.js';

function member(id: string, terms: string, originId: string | null = null): SplitMember {
  return { id, vector: termVector(terms.split(' ').filter(Boolean), () => 1), originId };
}

const FIRE = [
  '小区 火灾 消防',
  '火灾 消防 救援',
  '小区 火灾 伤亡',
  '消防 救援 火灾',
  '火灾 小区 浓烟',
  '火灾 浓烟 消防',
];
const EXAM = ['高考 成绩 公布', '高考 考生 分数', '考生 分数 公布', '高考 分数 考生', '高考 成绩 考生'];

describe('proposeSplit', () => {
  it('splits two clearly separate groups; the larger keeps the id, reposts follow their original', () => {
    const members = [
      ...FIRE.map((t, i) => member(`f${i}`, t)),
      ...EXAM.map((t, i) => member(`x${i}`, t)),
      member('rf', '', 'f0'),
      member('rx', '', 'x1'),
      member('rrx', '', 'rx'),
    ];
    const proposal = proposeSplit(members);
    expect(proposal).not.toBeNull();
    expect(new Set(proposal?.splitIds)).toEqual(new Set(['x0', 'x1', 'x2', 'x3', 'x4', 'rx', 'rrx']));
    expect(proposal?.keepIds).toContain('rf');
    expect(proposal?.similarity).toBeLessThan(0.1);
  });

  it.each<[string, SplitMember[]]>([
    ['one coherent story', [...FIRE, ...FIRE].map((t, i) => member(`f${i}`, t))],
    [
      'a small side group',
      [...FIRE, ...FIRE, EXAM[0] ?? '', EXAM[1] ?? ''].map((t, i) => member(`m${i}`, t)),
    ],
    ['too few items', FIRE.slice(0, 4).map((t, i) => member(`f${i}`, t))],
    [
      'two groups that share words',
      [...FIRE.map((t) => `${t} 学校`), ...EXAM.map((t) => `${t} 学校 火灾`)].map((t, i) =>
        member(`m${i}`, t),
      ),
    ],
  ])('proposes nothing for %s', (_name, members) => {
    expect(proposeSplit(members)).toBeNull();
  });
});
