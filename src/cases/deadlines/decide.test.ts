import { describe, expect, it } from 'vitest';
import { dueNotice, type DeadlineMarks } from './decide.js';

const DUE = 1_000_000;
const open: DeadlineMarks = {
  dueAt: DUE,
  remindAt: DUE - 100,
  remindedAt: null,
  escalatedAt: null,
  doneAt: null,
};

describe('dueNotice', () => {
  it.each<[string, Partial<DeadlineMarks>, number, ReturnType<typeof dueNotice>]>([
    ['before the reminder time', {}, DUE - 101, null],
    ['at the reminder time', {}, DUE - 100, 'reminder'],
    ['between reminder and deadline', {}, DUE - 1, 'reminder'],
    ['reminded already', { remindedAt: DUE - 100 }, DUE - 1, null],
    ['without a reminder time', { remindAt: null }, DUE - 1, null],
    ['at the deadline', {}, DUE, 'overdue'],
    ['past the deadline, never reminded', {}, DUE + 5, 'overdue'],
    ['past the deadline, reminded', { remindedAt: DUE - 100 }, DUE + 5, 'overdue'],
    ['escalated already', { remindedAt: DUE - 100, escalatedAt: DUE }, DUE + 5, null],
    ['done before the reminder', { doneAt: DUE - 200 }, DUE - 1, null],
    ['done, then overdue time', { doneAt: DUE - 50 }, DUE + 5, null],
    ['reminder time after the deadline', { remindAt: DUE + 10 }, DUE + 20, 'overdue'],
  ])('%s', (_name, change, now, expected) => {
    expect(dueNotice({ ...open, ...change }, now)).toBe(expected);
  });
});
