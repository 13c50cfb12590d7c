import { describe, expect, it } from 'vitest';
import { deadlineNotice, formatDueTime, formatDuration, recordLabel, type DeadlineFacts } from './notice.js';

const ZONE = 'Asia/Shanghai';
/** 2024-05-10T00:00+08:00: the end of Thursday 9 May. */
const DUE = Date.UTC(2024, 4, 9, 16, 0);
const HOUR = 3_600_000;

const deadline: DeadlineFacts = {
  id: 'dl-1',
  recordType: 'appeal',
  recordId: 'ap-7',
  kind: 'reply',
  title: '「小区停水」诉求答复',
  level: 'yellow',
  dueAt: DUE,
  remindAt: DUE - 24 * HOUR,
};

describe('formatDueTime', () => {
  it.each([
    [DUE, '2024-05-09 24:00'],
    [DUE + 90 * 60_000, '2024-05-10 01:30'],
    [Date.UTC(2024, 4, 3, 4, 5), '2024-05-03 12:05'],
  ])('%s reads %s', (at, text) => {
    expect(formatDueTime(at, ZONE)).toBe(text);
  });

  it('follows the zone', () => {
    expect(formatDueTime(DUE, 'UTC')).toBe('2024-05-09 16:00');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '1分钟'],
    [45 * 60_000, '45分钟'],
    [5 * HOUR, '5小时'],
    [5 * HOUR + 20 * 60_000, '5小时20分钟'],
    [48 * HOUR, '2天'],
    [51 * HOUR + 59 * 60_000, '2天3小时'],
    [-3 * HOUR, '3小时'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('deadlineNotice', () => {
  const context = { now: DUE - 24 * HOUR, timeZone: ZONE, issuer: '姑苏区网信办' };

  it('writes a reminder with the deadline’s level and every official field', () => {
    const draft = deadlineNotice(deadline, 'reminder', context);
    expect(draft.title).toBe('处置时限提醒：「小区停水」诉求答复');
    expect(draft.mergeKey).toBe(`case_deadline:dl-1:reminder:${DUE}`);
    expect(draft.notice).toEqual({
      category: '处置时限',
      level: 'yellow',
      startedAt: DUE - 24 * HOUR,
      scope: '网络诉求（编号 ap-7）',
      matter: '「小区停水」诉求答复将于2024-05-09 24:00到期（还剩1天），尚未办结。',
      measures: expect.stringContaining('时限内办结') as unknown as string,
      issuer: '姑苏区网信办',
    });
    expect(draft.evidence).toMatchObject({ statistic: 'deadline_remaining_ms', value: 24 * HOUR });
  });

  it('writes an overdue escalation one level up, starting when the deadline passed', () => {
    const draft = deadlineNotice(deadline, 'overdue', { ...context, now: DUE + 2 * HOUR });
    expect(draft.title).toBe('处置逾期：「小区停水」诉求答复');
    expect(draft.mergeKey).toBe(`case_deadline:dl-1:overdue:${DUE}`);
    expect(draft.notice).toMatchObject({
      level: 'orange',
      startedAt: DUE,
      matter: '「小区停水」诉求答复已于2024-05-09 24:00到期，逾期2小时仍未办结。',
    });
    expect(draft.notice.measures).toContain('逾期原因');
    expect(draft.evidence).toMatchObject({ statistic: 'deadline_overdue_ms', value: 2 * HOUR });
  });

  it('starts a reminder without a reminder time at the sweep', () => {
    const draft = deadlineNotice({ ...deadline, remindAt: null }, 'reminder', context);
    expect(draft.notice.startedAt).toBe(context.now);
  });

  it.each([
    ['incident', '舆情事件（编号 x）'],
    ['plan_task', '预案任务（编号 x）'],
    ['custom', 'custom（编号 x）'],
  ])('names a %s record', (type, label) => {
    expect(recordLabel(type, 'x')).toBe(label);
  });
});
