import { describe, expect, it } from 'vitest';
import { findBylineAuthor, findBylineEditor, findBylineTime, stripSiteSuffix } from './index.js';
import { chooseTitle } from './title.js';

describe('stripSiteSuffix', () => {
  it.each([
    ['我市启动汛期安全大检查_新浪新闻', '我市启动汛期安全大检查'],
    ['老旧小区改造进度过半 - 网易', '老旧小区改造进度过半'],
    ['南州召开安全生产会议_新闻中心_南州新闻网', '南州召开安全生产会议'],
    ['五一假期游客创新高｜江城文旅', '五一假期游客创新高'],
    ['五一假期游客创新高 | 江城文旅 | 江城新闻网', '五一假期游客创新高'],
    ['没有站点后缀的标题', '没有站点后缀的标题'],
    ['短_新浪新闻', '短_新浪新闻'],
  ])('%s → %s', (input, expected) => {
    expect(stripSiteSuffix(input)).toBe(expected);
  });
});

describe('chooseTitle', () => {
  it.each([
    [{ ogTitle: '标题甲乙丙', titleTag: '标题甲乙丙_新浪新闻', h1: null }, '标题甲乙丙'],
    [
      { ogTitle: null, titleTag: '江城日报：标题甲乙_江城网', h1: '江城日报：标题甲乙' },
      '江城日报：标题甲乙',
    ],
    [{ ogTitle: null, titleTag: '标题甲乙丙 - 网易', h1: '频道名称' }, '标题甲乙丙'],
    [{ ogTitle: null, titleTag: null, h1: '只有大标题' }, '只有大标题'],
    [{ ogTitle: null, titleTag: null, h1: null }, null],
    [
      { ogTitle: '河堤加固工程', titleTag: '河堤加固工程"三年行动"启动_南州新闻网', h1: null },
      '河堤加固工程"三年行动"启动',
    ],
    [
      { ogTitle: '奖金百万元！', titleTag: '奖金百万元！“科技之星”首位女性获奖者_江城网', h1: null },
      '奖金百万元！“科技之星”首位女性获奖者',
    ],
    [{ ogTitle: '桥梁检修', titleTag: '桥梁检修 "夜间施工"通告', h1: null }, '桥梁检修 "夜间施工"通告'],
    [
      { ogTitle: '标题甲乙丙', titleTag: '标题甲乙丙 | 这是一个特别特别长的站点名称不会被去掉', h1: null },
      '标题甲乙丙',
    ],
    [{ ogTitle: '标题甲乙丙', titleTag: '标题甲乙丙 南州新闻网', h1: null }, '标题甲乙丙'],
    [{ ogTitle: '标题甲乙丙丁', titleTag: '标题甲乙丙_新浪新闻', h1: null }, '标题甲乙丙丁'],
  ])('%j → %s', (candidates, expected) => {
    expect(chooseTitle(candidates)).toBe(expected);
  });
});

describe('byline patterns', () => {
  it.each([
    ['2024-05-03 08:30　来源：江城新闻网　作者：王晓明', '2024-05-03 08:30', '王晓明', null],
    ['发布时间：2024年5月2日 17:40 记者：张伟', '2024年5月2日 17:40', '张伟', null],
    [
      '首页 2023-01-01\n2024/05/03 09:15:20 来源：人民网\n责任编辑：李娜',
      '2024/05/03 09:15:20',
      null,
      '李娜',
    ],
    ['时间：2024年05月03日 来源：本站 编辑：孙芳', '2024年05月03日', null, '孙芳'],
    ['没有任何署名的正文。', null, null, null],
    ['江城晚报刊文：少吃猪肉 钱包和身体都会感激你', null, null, null],
    ['王文：中美贸易“持久战”，市民的斗志被激发', null, null, null],
    ['市民怒斥记者：中国是我的国家 没有国哪有家', null, null, null],
    ['记者：解放军继2月9日进行巡航后又组织演练', null, null, null],
    ['钟南山在期刊发文：不要误读潜伏期', null, null, null],
    ['文：王晓明', null, '王晓明', null],
    ['【文/江城网专栏作者 王文】', null, '王文', null],
    ['来源：江城日报 | 文：李娜 张伟', null, '李娜 张伟', null],
    ['文／本报记者赵六 通讯员 钱七', null, '赵六', null],
    ['撰文：欧阳晓明', null, '欧阳晓明', null],
    ['作者：John Smith', null, 'John Smith', null],
    ['作者：王晓明来源：江城新闻网', null, '王晓明', null],
    ['责任编辑：杨倩_NF4425', null, null, '杨倩'],
    ['[责任编辑：韩保林 PK155]', null, null, '韩保林'],
    ['（责任编辑： HN666）', null, null, null],
    ['责任编辑：汤诗瑶、丁涛', null, null, '汤诗瑶、丁涛'],
    ['责任编辑:\n  刘响', null, null, '刘响'],
  ])('%j', (text, time, author, editor) => {
    expect(findBylineTime(text)).toBe(time);
    expect(findBylineAuthor(text)).toBe(author);
    expect(findBylineEditor(text)).toBe(editor);
  });
});
