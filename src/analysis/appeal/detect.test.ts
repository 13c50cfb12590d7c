import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { detectAppeal } from './detect.js';
import { compileAppealModel, parseAppealLexicon, type AppealModel } from './lexicon.js';
import { loadAppealModel } from './load.js';
import { pickDepartment } from './department.js';

let model: AppealModel;

beforeAll(() => {
  model = loadAppealModel();
});

describe('detectAppeal: appeals and their department', () => {
  it.each<[string, string]>([
    ['environment', '我家楼下的化工厂每天晚上排放废气，味道刺鼻，恳请环保部门尽快查处！'],
    ['urban_management', '我家楼下的人行道被摊贩占道经营，老人出门都没地方走，希望城管管一管'],
    ['housing_construction', '我们小区开发商承诺去年底交房，到现在还没交，恳请住建局督促开发商尽快交房'],
    ['transport', '我家门前的路灯坏了两个多月，晚上出门黑漆漆的，希望有关部门尽快修好'],
    ['education', '我儿子学校的班主任周末组织有偿补课，不去就在班里给脸色，我要举报'],
    ['health', '我在医院挂号排了三个小时，结果号被黄牛倒卖了，希望卫健委管一管'],
    ['market_regulation', '我在XX超市买的牛奶已经过期了，商家不给退，请市场监管局处理'],
    ['public_security', '我被电信诈骗骗了五万块，报警后一直没有进展，恳请公安机关加大侦破力度'],
    ['human_resources', '包工头拖欠我们工资四万多，过年回不了家，恳请人社局帮我们讨薪'],
    ['civil_affairs', '我家是困难家庭，申请低保半年了一直没有结果，恳请民政局帮忙'],
    ['utilities', '我们小区已经停水三天了，没有任何通知，请自来水公司尽快恢复供水'],
    ['other', '我打12345热线反映问题，一个月了没有任何回复，请问还有人管吗？'],
    ['environment', '@某某区生态环境局 我们小区旁边的搅拌站粉尘太大，请尽快处理'],
    ['transport', '十字路口红绿灯坏了一个星期，车辆乱行很危险，请交警部门尽快修复'],
  ])('%s: %s', (department, text) => {
    const result = detectAppeal(text, model);
    expect(result.appeal).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(0.5);
    expect(result.department).toBe(department);
  });
});

describe('detectAppeal: hard negatives', () => {
  it.each<[string, string]>([
    [
      'a journalist reports the same problem',
      '记者近日走访发现，XX路多个小区存在噪音扰民问题，居民反映夜间施工影响休息。',
    ],
    [
      'a newspaper item about unpaid wages',
      '本报讯 日前，某县多名农民工反映被拖欠工资，当地人社局已介入调查。',
    ],
    [
      'a third-person quote in a report',
      '居民王先生告诉记者，他家楼下的烧烤店油烟很大，已经影响了正常生活。',
    ],
    ['thanks for a solved problem', '非常感谢自来水公司的师傅们连夜抢修，我们小区很快就恢复供水了，辛苦了！'],
    ['thanks after a mayor-mailbox reply', '感谢市长信箱的回复，我反映的噪音问题已经得到解决，谢谢你们！'],
    ['a question about policy without a problem', '请问公积金提取需要准备哪些材料？在哪里办理？'],
    ['a consultation about pensions', '你好，我想咨询一下灵活就业人员如何缴纳养老保险？'],
    ['an office writing "我市"', '我市召开全市安全生产工作会议，部署下一阶段重点工作。'],
    ['an official notice', '供电公司公告：因线路检修，明天上午XX片区将停电四小时。'],
    ['venting without asking anyone', '又堵车了，每天上班路上要花两个小时，真是受够了。'],
    ['a suggestion without a problem', '建议在公园里多设置一些长椅，方便老人休息。'],
    ['an empty text', ''],
  ])('%s', (_name, text) => {
    const result = detectAppeal(text, model);
    expect(result.appeal).toBe(false);
    expect(result.score).toBeLessThan(0.5);
    expect(result.department).toBeNull();
  });
});

describe('detectAppeal: signals explain the verdict', () => {
  it.each<[string, string, string[]]>([
    [
      'an appeal',
      '我们村每天晚上都停电，恳请供电局解决',
      ['problem:停电', 'request:恳请', 'first_person:我'],
    ],
    ['a report', '记者获悉，该小区停水问题已有进展', ['report:记者']],
    ['an @-mention of an office', '@平安某某 我家电动车被盗了，请帮忙查一下', ['authority:@平安']],
    ['thanks', '给派出所民警点赞，衷心感谢！', ['gratitude:点赞']],
  ])('%s', (_name, text, expected) => {
    expect(detectAppeal(text, model).signals).toEqual(expect.arrayContaining(expected));
  });

  it('does not count an institutional 我市 as the writer', () => {
    const signals = detectAppeal('我市开展夜间施工噪音专项整治', model).signals;
    expect(signals.some((signal) => signal.startsWith('first_person:'))).toBe(false);
  });
});

describe('appeal lexicon files', () => {
  it.each<[string, unknown, RegExp]>([
    ['not an object', 'lexicon', /appeal lexicon test\.json/],
    [
      'a missing signal group',
      { version: 1, threshold: 1, departmentNameWeight: 3, signals: [], departments: [] },
      /signals .*problem.* are missing/,
    ],
  ])('rejects %s as CONFIG_INVALID', (_name, value, message) => {
    let caught: unknown;
    try {
      parseAppealLexicon(value, 'test.json');
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'CONFIG_INVALID')).toBe(true);
    expect((caught as Error).message).toMatch(message);
  });

  it('compiles terms shared by a signal and a department once', () => {
    const compiled = compileAppealModel({
      version: 1,
      threshold: 1,
      departmentNameWeight: 3,
      signals: [
        { key: 'problem', weight: 2, description: '', terms: ['停水'] },
        { key: 'request', weight: 1, description: '', terms: ['希望'] },
      ],
      departments: [{ key: 'utilities', zh: '水电气', names: ['水务'], terms: ['停水'] }],
    });
    expect(compiled.scanner.phrases).toEqual(['停水', '希望', '水务']);
    expect(compiled.roles[0]).toHaveLength(2);
  });
});

describe('pickDepartment', () => {
  it.each<[string, number[], string]>([
    ['the highest score wins', [1, 3, 2], 'b'],
    ['ties go to the earlier department', [2, 2, 0], 'a'],
    ['no score at all is other', [0, 0, 0], 'other'],
  ])('%s', (_name, scores, expected) => {
    expect(pickDepartment(Float64Array.from(scores), ['a', 'b', 'c'])).toBe(expected);
  });
});
