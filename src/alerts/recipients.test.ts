import { describe, expect, it } from 'vitest';
import type { AlertLevel } from '../domain/index.js';
import type { AlertContact, Channel, DutyShift } from '../storage/repositories.js';
import { levelReaches, planDeliveries, type EmailAudience, type RecipientInput } from './recipients.js';

const T = Date.UTC(2024, 4, 3, 4);

function channel(id: string, patch: Partial<Channel> = {}): Channel {
  return {
    id,
    unitId: 'district',
    kind: 'webhook',
    name: id,
    enabled: true,
    minLevel: 'blue',
    coverSubunits: false,
    config: {},
    createdAt: 0,
    updatedAt: 0,
    ...patch,
  };
}

const contacts: AlertContact[] = [
  { userId: 'u1', unitId: 'district', displayName: '张', roles: ['leader'], email: 'zhang@example.cn' },
  { userId: 'u2', unitId: 'district', displayName: '李', roles: ['monitor'], email: 'li@example.cn' },
  { userId: 'u3', unitId: 'district', displayName: '王', roles: ['leader'], email: null },
  { userId: 'u4', unitId: 'city', displayName: '赵', roles: ['leader'], email: 'zhao@example.cn' },
];

const shifts: DutyShift[] = [
  {
    id: 's1',
    unitId: 'district',
    userId: 'u2',
    startsAt: T - 1000,
    endsAt: T + 1000,
    levels: null,
    note: null,
    createdAt: 0,
  },
  {
    id: 's2',
    unitId: 'district',
    userId: 'u1',
    startsAt: T + 1000,
    endsAt: T + 9000,
    levels: null,
    note: null,
    createdAt: 0,
  },
];

function input(
  level: AlertLevel,
  channels: Channel[],
  audiences: Record<string, EmailAudience> = {},
): RecipientInput {
  return {
    alert: { unitId: 'district', level },
    unitChain: ['district', 'city'],
    channels,
    contacts,
    shifts,
    at: T,
    emailAudience: (c) => audiences[c.id] ?? null,
  };
}

describe('levelReaches', () => {
  it.each<[AlertLevel, AlertLevel, boolean]>([
    ['red', 'blue', true],
    ['blue', 'blue', true],
    ['orange', 'orange', true],
    ['yellow', 'orange', false],
    ['blue', 'red', false],
    ['red', 'red', true],
  ])('%s alert to a channel from %s: %s', (level, minLevel, reaches) => {
    expect(levelReaches(level, minLevel)).toBe(reaches);
  });
});

describe('planDeliveries', () => {
  it.each<[string, AlertLevel, Channel[], string[]]>([
    ['own unit channel', 'blue', [channel('a')], ['a']],
    ['disabled channel', 'red', [channel('a', { enabled: false })], []],
    ['level below min_level', 'yellow', [channel('a', { minLevel: 'orange' })], []],
    ['level at min_level', 'orange', [channel('a', { minLevel: 'orange' })], ['a']],
    ['ancestor without opt-in', 'red', [channel('c', { unitId: 'city' })], []],
    ['ancestor with opt-in', 'red', [channel('c', { unitId: 'city', coverSubunits: true })], ['c']],
    ['unrelated unit with opt-in', 'red', [channel('x', { unitId: 'other', coverSubunits: true })], []],
  ])('%s', (_name, level, channels, expected) => {
    expect(planDeliveries(input(level, channels)).map((d) => d.channelId)).toEqual(expected);
  });

  it('keeps only the channels a rule names', () => {
    const plan = planDeliveries({ ...input('red', [channel('a'), channel('b')]), channelIds: ['b'] });
    expect(plan).toEqual([{ channelId: 'b', recipient: null }]);
  });

  it.each<[string, EmailAudience, string[]]>([
    ['fixed list', { to: ['ops@example.cn'], roles: [], onDuty: false }, ['ops@example.cn']],
    [
      'by role (with an address, of the channel unit)',
      { to: [], roles: ['leader'], onDuty: false },
      ['zhang@example.cn'],
    ],
    ['on duty now', { to: [], roles: [], onDuty: true }, ['li@example.cn']],
    [
      'all together, deduplicated',
      { to: ['LI@example.cn', 'ops@example.cn'], roles: ['leader', 'monitor'], onDuty: true },
      ['LI@example.cn', 'ops@example.cn', 'zhang@example.cn'],
    ],
    ['nobody', { to: [], roles: ['handler'], onDuty: false }, []],
  ])('e-mail recipients: %s', (_name, audience, expected) => {
    const plan = planDeliveries(input('red', [channel('m', { kind: 'email' })], { m: audience }));
    expect(plan.map((d) => d.recipient)).toEqual(expected);
    expect(plan.every((d) => d.channelId === 'm')).toBe(true);
  });

  it('takes duty shifts limited to levels into account', () => {
    const limited = shifts.map((s) => (s.id === 's1' ? { ...s, levels: ['red' as const] } : s));
    const audience = { m: { to: [], roles: [], onDuty: true } };
    const base = input('yellow', [channel('m', { kind: 'email' })], audience);
    expect(planDeliveries({ ...base, shifts: limited })).toEqual([]);
    expect(planDeliveries({ ...base, alert: { unitId: 'district', level: 'red' }, shifts: limited })).toEqual(
      [{ channelId: 'm', recipient: 'li@example.cn' }],
    );
  });

  it('skips an e-mail channel whose configuration is unusable', () => {
    expect(planDeliveries(input('red', [channel('m', { kind: 'email' })]))).toEqual([]);
  });
});
