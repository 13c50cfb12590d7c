/** The confidentiality check: which drafts are blocked, and that each hit names its text and position. */
import { describe, expect, it } from 'vitest';
import type { ConfidentialityHit } from '../../domain/index.js';
import { DEFAULT_SECRET_TERMS } from '../../domain/index.js';
import { checkConfidentiality } from './confidentiality.js';

const CLUE = '某局副局长王某某违规收受礼金二十万元';
const RESPONSE = '经初步核查，涉事车辆系区环卫所公务用车';

type Case = [name: string, draft: { title: string; body: string }, hits: Array<Partial<ConfidentialityHit>>];

const CASES: Case[] = [
  ['clean draft', { title: '关于暴雨天气的通告', body: '请市民注意出行安全。' }, []],
  [
    'secret term in the body',
    { title: '通告', body: '本文件属机密，请勿外传。' },
    [{ kind: 'secret_term', field: 'body', position: 4, length: 2, text: '机密' }],
  ],
  [
    'secret term in the title and twice in the body',
    { title: '内部通报', body: '绝密材料，绝密' },
    [
      { kind: 'secret_term', field: 'title', position: 0, text: '内部' },
      { kind: 'secret_term', field: 'body', position: 0, text: '绝密' },
      { kind: 'secret_term', field: 'body', position: 5, text: '绝密' },
    ],
  ],
  [
    'office-defined term',
    { title: '情况说明', body: '涉及专案组工作安排' },
    [{ kind: 'secret_term', field: 'body', position: 2, text: '专案组' }],
  ],
  [
    'fragment of a clue title (8+ characters) is named whole',
    { title: '情况通报', body: `据群众反映，${CLUE.slice(2, 14)}，正在调查。` },
    [{ kind: 'case_detail', field: 'body', position: 6, length: 12, text: CLUE.slice(2, 14) }],
  ],
  ['seven shared characters are not a leak', { title: '情况通报', body: `据悉${CLUE.slice(0, 7)}一事` }, []],
  [
    'exactly eight shared characters are a leak',
    { title: '情况通报', body: `据悉${RESPONSE.slice(6, 14)}一事` },
    [{ kind: 'case_detail', position: 2, length: 8, text: RESPONSE.slice(6, 14) }],
  ],
  [
    'two separate fragments from two records',
    { title: '通报', body: `${CLUE.slice(0, 9)}；另，${RESPONSE.slice(0, 10)}。` },
    [
      { kind: 'case_detail', position: 0, length: 9 },
      { kind: 'case_detail', position: 12, length: 10 },
    ],
  ],
  [
    'secret term inside a leaked fragment gives both hits',
    { title: '通报', body: '内部掌握：某局副局长王某某违规' },
    [
      { kind: 'secret_term', position: 0, text: '内部' },
      { kind: 'case_detail', position: 5, length: 10 },
    ],
  ],
];

describe('checkConfidentiality', () => {
  it.each(CASES)('%s', (_name, draft, expected) => {
    const hits = checkConfidentiality(draft, {
      secretTerms: [...DEFAULT_SECRET_TERMS, '专案组', ' '],
      confidentialTexts: [CLUE, RESPONSE, 'short'],
    });
    expect(hits).toHaveLength(expected.length);
    expected.forEach((want, index) => expect(hits[index]).toMatchObject(want));
    for (const hit of hits) {
      const field = hit.field === 'title' ? draft.title : draft.body;
      expect(field.slice(hit.position, hit.position + hit.length)).toBe(hit.text);
    }
  });

  it('honours a stricter fragment length', () => {
    const hits = checkConfidentiality(
      { title: '', body: '王某某违规' },
      { secretTerms: [], confidentialTexts: [CLUE], minFragment: 4 },
    );
    expect(hits).toEqual([
      { kind: 'case_detail', field: 'body', position: 0, length: 5, text: '王某某违规' },
    ]);
  });
});
