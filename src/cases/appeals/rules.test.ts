import { describe, expect, it } from 'vitest';
import type { AppealDepartment } from '../../domain/index.js';
import { plainCalendar, type WorkCalendar } from '../calendar/index.js';
import { appealTitleOf, intakeChannelOf, isMessageBoardSource } from './intake-rules.js';
import {
  departmentsFor,
  extendedDeadline,
  replyDeadline,
  replyFigures,
  requireReturnAllowed,
  returnWindowEnd,
} from './rules.js';

/** Midnight of a Shanghai date, as epoch ms. */
const cst = (date: string, hour = 0): number =>
  Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

const PLAIN = plainCalendar('Asia/Shanghai');
/** 2024: 5月1–5日 劳动节 off, 5月11日 (Saturday) a make-up working day. */
const MAY_DAY: WorkCalendar = {
  timeZone: 'Asia/Shanghai',
  holidays: new Set(['2024-05-01', '2024-05-02', '2024-05-03']),
  workdays: new Set(['2024-05-11']),
};

describe('reply deadline', () => {
  it.each([
    [
      'Monday, plain: end of the next Monday',
      cst('2024-04-22', 10),
      PLAIN,
      5,
      cst('2024-04-30'),
      cst('2024-04-29'),
    ],
    [
      'Friday, plain: over the weekend',
      cst('2024-04-26', 16),
      PLAIN,
      5,
      cst('2024-05-04'),
      cst('2024-05-03'),
    ],
    [
      'Tuesday before May Day with holidays',
      cst('2024-04-30', 9),
      MAY_DAY,
      5,
      cst('2024-05-11'),
      cst('2024-05-10'),
    ],
    [
      'Thursday with a make-up Saturday',
      cst('2024-05-09', 9),
      MAY_DAY,
      2,
      cst('2024-05-12'),
      cst('2024-05-11'),
    ],
    ['one day: no reminder', cst('2024-04-22', 10), PLAIN, 1, cst('2024-04-24'), null],
  ] as const)('%s', (_name, at, calendar, days, dueAt, remindAt) => {
    expect(replyDeadline(at, calendar, days)).toEqual({ dueAt, remindAt });
  });

  it('defaults to 5 working days and refuses fewer than 1', () => {
    expect(replyDeadline(cst('2024-04-22', 10), PLAIN).dueAt).toBe(cst('2024-04-30'));
    expect(() => replyDeadline(0, PLAIN, 0)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});

describe('extension', () => {
  const dispatched = { dueAt: cst('2024-04-30'), extensionDays: null };

  it.each([
    ['3 days after Monday the 29th', 3, PLAIN, cst('2024-05-03'), cst('2024-05-02')],
    ['10 days over May Day', 10, MAY_DAY, cst('2024-05-16'), cst('2024-05-15')],
    ['1 day', 1, PLAIN, cst('2024-05-01'), cst('2024-04-30')],
  ] as const)('%s', (_name, days, calendar, dueAt, remindAt) => {
    expect(extendedDeadline(dispatched, days, '需要现场核实', calendar)).toEqual({ dueAt, remindAt });
  });

  it.each([
    ['a second extension', { ...dispatched, extensionDays: 3 }, 2, '再延'],
    ['more than 10 days', dispatched, 11, '太久'],
    ['0 days', dispatched, 0, '无'],
    ['no reason', dispatched, 3, '  '],
  ] as const)('refuses %s', (_name, appeal, days, reason) => {
    expect(() => extendedDeadline(appeal, days, reason, PLAIN)).toThrow(
      expect.objectContaining({ code: 'APPEAL_EXTENSION_REFUSED' }),
    );
  });
});

describe('return window', () => {
  it.each([
    ['Thursday → end of Monday', cst('2024-04-25', 15), PLAIN, cst('2024-04-30')],
    ['Tuesday before May Day → end of the 7th', cst('2024-04-30', 15), MAY_DAY, cst('2024-05-08')],
  ] as const)('%s', (_name, dispatchedAt, calendar, end) => {
    expect(returnWindowEnd(dispatchedAt, calendar)).toBe(end);
    expect(() => requireReturnAllowed(dispatchedAt, end - 1, calendar)).not.toThrow();
    expect(() => requireReturnAllowed(dispatchedAt, end, calendar)).toThrow(
      expect.objectContaining({ code: 'APPEAL_RETURN_TOO_LATE' }),
    );
  });
});

describe('reply figures', () => {
  it.each([
    ['on time, 3 working days', cst('2024-04-22', 9), cst('2024-04-30'), cst('2024-04-25', 17), 3, true],
    ['late over a weekend', cst('2024-04-22', 9), cst('2024-04-30'), cst('2024-04-30', 9), 6, false],
    ['same day', cst('2024-04-22', 9), cst('2024-04-30'), cst('2024-04-22', 17), 0, true],
  ] as const)('%s', (_name, receivedAt, dueAt, repliedAt, handlingDays, onTime) => {
    expect(replyFigures({ receivedAt, dueAt }, repliedAt, PLAIN)).toEqual({ handlingDays, onTime });
  });
});

describe('intake rules', () => {
  const board = { platform: 'message_board', config: {} };
  const flagged = { platform: 'forum', config: { messageBoard: true } };
  const forum = { platform: 'forum', config: {} };

  it.each([
    ['flagged item of a forum', true, forum, 'item'],
    ['unflagged item of a forum', false, forum, null],
    ['unknown flag', null, forum, null],
    ['any item of a message board', false, board, 'message_board'],
    ['a source configured as a message board', null, flagged, 'message_board'],
    ['flagged item without a source', true, null, 'item'],
  ] as const)('%s', (_name, appeal, source, channel) => {
    expect(intakeChannelOf({ appeal }, source)).toBe(channel);
  });

  it('recognises message boards', () => {
    expect(isMessageBoardSource(board)).toBe(true);
    expect(isMessageBoardSource(forum)).toBe(false);
    expect(isMessageBoardSource(null)).toBe(false);
  });

  it.each([
    ['the title', { title: ' 小区停水 ', content: '三天没水' }, '小区停水'],
    [
      'the start of the text',
      {
        title: null,
        content: '我们小区已经停水三天了，物业不管，请相关部门尽快解决问题，谢谢！希望能尽快回复我们大家',
      },
      '我们小区已经停水三天了，物业不管，请相关部门尽快解决问题，谢谢！希望能尽快回复我们大家'.slice(0, 40) +
        '…',
    ],
    ['a placeholder', { title: '', content: '  ' }, '（无标题）'],
  ] as const)('titles an item by %s', (_name, item, title) => {
    expect(appealTitleOf(item)).toBe(title);
  });
});

describe('departments for a category', () => {
  const department = (name: string, categories: string[], enabled = true): AppealDepartment => ({
    id: name,
    unitId: 'u',
    name,
    categories,
    contact: null,
    enabled,
    createdAt: 0,
    updatedAt: 0,
  });
  const list = [
    department('住建局', ['housing']),
    department('交通局', ['traffic']),
    department('旧住建', ['housing'], false),
  ];

  it.each([
    ['housing', ['住建局']],
    ['traffic', ['交通局']],
    ['education', []],
    [null, []],
  ] as const)('%s', (category, names) => {
    expect(departmentsFor(list, category).map((d) => d.name)).toEqual(names);
  });
});
