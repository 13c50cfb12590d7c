/** Narrative edits change placeholder texts and the title only, and name unknown placeholders. */
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../domain/index.js';
import { isAppError } from '../../platform/errors.js';
import { applyNarrativeEdit, placeholderIds } from './edit.js';

const DOCUMENT: ReportDocument = {
  type: 'work_summary',
  title: '工作总结',
  unitName: '市委网信办',
  issueLabel: null,
  period: { from: 0, to: 1, label: '2024年', timeZone: 'Asia/Shanghai' },
  generatedAt: 0,
  eventId: null,
  sections: [
    {
      key: 'a',
      title: '一、情况',
      blocks: [
        { kind: 'paragraph', text: '共 3 条', figures: ['n'] },
        { kind: 'placeholder', id: 'p1', prompt: '写研判', text: null },
      ],
    },
    {
      key: 'b',
      title: '二、打算',
      blocks: [{ kind: 'placeholder', id: 'p2', prompt: '写打算', text: '旧' }],
    },
  ],
  figures: {},
  empty: false,
};

describe('applyNarrativeEdit', () => {
  it('fills, clears and keeps placeholders and retitles, leaving the rest as it was', () => {
    expect(placeholderIds(DOCUMENT)).toEqual(['p1', 'p2']);
    const edited = applyNarrativeEdit(DOCUMENT, {
      placeholders: { p1: '总体平稳', p2: ' ' },
      title: ' 新标题 ',
    });
    expect(edited.title).toBe('新标题');
    expect(edited.sections[0]?.blocks).toEqual([
      DOCUMENT.sections[0]?.blocks[0],
      { kind: 'placeholder', id: 'p1', prompt: '写研判', text: '总体平稳' },
    ]);
    expect(edited.sections[1]?.blocks[0]).toMatchObject({ id: 'p2', text: null });
    expect(applyNarrativeEdit(DOCUMENT, {})).toEqual(DOCUMENT);
    expect(DOCUMENT.sections[1]?.blocks[0]).toMatchObject({ text: '旧' });
  });

  it('names unknown placeholders and refuses a blank title', () => {
    try {
      applyNarrativeEdit(DOCUMENT, { placeholders: { p1: 'x', nope: 'y', other: 'z' } });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(isAppError(error, 'VALIDATION_FAILED')).toBe(true);
      expect(error instanceof Error && error.message).toContain('nope, other');
    }
    expect(() => applyNarrativeEdit(DOCUMENT, { title: '  ' })).toThrow(/title/);
  });
});
