import { describe, expect, it } from 'vitest';
import { deadlineLevel, escalationLevel, reminderLevel } from './levels.js';

describe('deadline notice levels', () => {
  it.each([
    [null, 'blue', 'orange'],
    ['blue', 'blue', 'orange'],
    ['yellow', 'yellow', 'orange'],
    ['orange', 'orange', 'red'],
    ['red', 'red', 'red'],
    ['purple', 'blue', 'orange'],
  ] as const)('level %s: reminder %s, overdue escalation %s', (level, reminder, escalation) => {
    expect(reminderLevel(level)).toBe(reminder);
    expect(escalationLevel(level)).toBe(escalation);
  });

  it('reads only known levels', () => {
    expect(deadlineLevel('RED')).toBe('blue');
    expect(deadlineLevel('red')).toBe('red');
  });
});
