import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.js';

const PARAGRAPH =
  '<p>南州市今天召开全市防汛工作会议，部署汛期河道堤防、城市内涝和地质灾害隐患排查工作，要求各区县落实责任。</p>';

/** A small article page: `head` goes into <head>, `byline` before the body paragraphs. */
function page(head: string, byline: string): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>
<div class="nav"><a href="/">首页</a></div>
<article><h1>南州部署防汛工作</h1><div class="info">${byline}</div>
${PARAGRAPH.repeat(4)}</article></body></html>`;
}

describe('extractArticle title and author', () => {
  it.each([
    [
      'og:title cut at an unescaped quote loses to <title>',
      page(
        '<title>南州部署防汛工作"三查三防"启动_南州新闻网</title><meta property="og:title" content="南州部署防汛工作"三查三防"启动">',
        '责任编辑：李娜',
      ),
      '南州部署防汛工作"三查三防"启动',
      '李娜',
    ],
    [
      'a meta author equal to the title suffix is the site, not the author',
      page(
        '<title>南州部署防汛工作_网易新闻</title><meta name="author" content="网易">',
        '责任编辑：杜明_NB12556',
      ),
      '南州部署防汛工作',
      '杜明',
    ],
    [
      'a meta author equal to og:site_name is the site',
      page(
        '<title>南州部署防汛工作</title><meta property="og:site_name" content="南州发布"><meta name="author" content="南州发布">',
        '',
      ),
      '南州部署防汛工作',
      null,
    ],
    [
      'a placeholder meta author with an e-mail address is ignored',
      page(
        '<title>南州部署防汛工作</title><meta name="author" content="name, email@example.com">',
        '责任编辑:\n   刘响',
      ),
      '南州部署防汛工作',
      '刘响',
    ],
    [
      'a headline with 文： is no byline; the 文/ byline is',
      page('<title>王文：南州部署防汛工作</title>', '【文/南州日报评论员 王文】'),
      '王文：南州部署防汛工作',
      '王文',
    ],
    [
      'the author beats a plain meta author and the editor',
      page(
        '<title>南州部署防汛工作</title><meta name="author" content="南州日报">',
        '作者：张伟　责任编辑：李娜',
      ),
      '南州部署防汛工作',
      '张伟',
    ],
  ])('%s', (_case, html, title, author) => {
    const article = extractArticle(html, 'https://news.example.cn/a/1.html');
    expect(article.title).toBe(title);
    expect(article.author).toBe(author);
    expect(article.content).toContain('防汛工作会议');
  });
});
