import { describe, expect, it } from 'vitest';
import { chooseAuthor, plainAuthor, readAuthorField } from './author.js';

const SITE = ['网易财经', '新浪财经', '新浪网', '江城新闻网'];

describe('plainAuthor', () => {
  it.each([
    ['王晓明', '王晓明'],
    ['kingname', 'kingname'],
    ['江城日报', '江城日报'],
    ['  【王晓明】 ', '王晓明'],
    ['IT之家发布时间：09-30 22:46', 'IT之家'],
    ['南州发布\n发布时间：10-08 12:00', '南州发布'],
    ['name, email@gmail.com', null],
    ['editor@example.cn', null],
    ['https://www.example.cn/u/42', null],
    ['www.example.cn', null],
    ['example.com', null],
    ['104363', null],
    ['admin', null],
    ['佚名', null],
    ['网易', null],
    ['网易财经', null],
    ['新浪财经-自媒体综合', null],
    ['江城新闻网', null],
    ['这一段文字太长了根本不可能是作者或者媒体的名称而是正文的一部分', null],
    ['来源：新华网', null],
  ])('%j → %s', (value, expected) => {
    expect(plainAuthor(value, SITE)).toBe(expected);
  });
});

describe('readAuthorField', () => {
  it.each([
    [null, null, null],
    ['王晓明', '王晓明', null],
    ['作者：王晓明', '王晓明', null],
    ['[责任编辑：韩保林 PK155]', null, '韩保林'],
    ['责任编辑：张申', null, '张申'],
    ['记者 陆一夫 责任编辑：李曦', null, '李曦'],
    ['（责任编辑： HN666）', null, null],
    ['name, email@x.com', null, null],
    ['网易', null, null],
  ])('%j → author %s, editor %s', (value, author, editor) => {
    expect(readAuthorField(value, SITE)).toEqual({ author, editor });
  });
});

describe('chooseAuthor', () => {
  const none = { pageText: '', metaAuthor: null, byline: null, siteNames: SITE };
  it.each([
    [{ ...none, pageText: '作者：王晓明\n责任编辑：李娜', metaAuthor: '江城日报' }, '王晓明'],
    [{ ...none, pageText: '责任编辑：李娜', metaAuthor: '江城日报' }, '江城日报'],
    [{ ...none, pageText: '责任编辑：李娜', metaAuthor: '网易' }, '李娜'],
    [{ ...none, pageText: '责任编辑：李娜_NF4425', metaAuthor: 'name, email@x.com' }, '李娜'],
    [{ ...none, byline: '[责任编辑：韩保林 PK155]' }, '韩保林'],
    [{ ...none, byline: '责任编辑：张申', metaAuthor: '江城日报' }, '江城日报'],
    [{ ...none, byline: '作者：孙芳', metaAuthor: '104363' }, '孙芳'],
    [{ ...none, pageText: '晚报刊文：少吃猪肉 钱包和身体都会感激你\n责任编辑：杨倩' }, '杨倩'],
    [{ ...none, pageText: '正文里没有署名。', metaAuthor: '网易' }, null],
  ])('%j → %s', (clues, expected) => {
    expect(chooseAuthor(clues)).toBe(expected);
  });
});
