import { describe, expect, it } from 'vitest';
import { htmlToText, htmlToTextWithImages } from './html.js';

describe('htmlToText', () => {
  it.each([
    ['plain text', '网络舆情', '网络舆情'],
    ['paragraphs become lines', '<p>第一段</p><p>第二段</p>', '第一段\n第二段'],
    ['br becomes a newline', '第一行<br>第二行<br/>第三行', '第一行\n第二行\n第三行'],
    ['several br give one break', '甲<br><br><br>乙', '甲\n乙'],
    ['inline elements stay on the line', '<p>市<b>政府</b><a href="#">回应</a>了</p>', '市政府回应了'],
    ['whitespace collapses', '<p>  a \n\t b   c </p>', 'a b c'],
    [
      'entities are decoded',
      '<p>A &amp; B &lt;C&gt; &quot;D&quot; &#20013;&#x6587;</p>',
      'A & B <C> "D" 中文',
    ],
    ['nbsp and ideographic space collapse', '<p>a&nbsp;&nbsp;b\u3000\u3000c</p>', 'a b c'],
    ['script and style are dropped', '<p>正文</p><script>var a = 1;</script><style>p{}</style>', '正文'],
    [
      'noscript, iframe and svg are dropped',
      '<noscript>开启JS</noscript><iframe src="x"></iframe><svg><text>图</text></svg>正文',
      '正文',
    ],
    ['nested divs give single breaks', '<div><div><p>一</p></div></div><div>二</div>', '一\n二'],
    ['headings and lists', '<h1>标题</h1><ul><li>甲</li><li>乙</li></ul>', '标题\n甲\n乙'],
    [
      'table rows are lines and cells are spaced',
      '<table><tr><td>名称</td><td>数量</td></tr><tr><td>甲</td><td>3</td></tr></table>',
      '名称 数量\n甲 3',
    ],
    [
      'a full document drops the head',
      '<html><head><title>T</title></head><body><p>正文</p></body></html>',
      '正文',
    ],
    ['comments are dropped', '<p>a<!-- hidden -->b</p>', 'ab'],
    ['empty input', '', ''],
    ['only markup', '<div><p> </p></div>', ''],
    ['broken markup still yields text', '<p>未闭合<div>段落', '未闭合\n段落'],
  ])('%s', (_name, html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });
});

describe('htmlToTextWithImages', () => {
  const base = 'https://news.example.cn/2024/05/03/article.html';
  it.each([
    ['relative src', '<p>图</p><img src="img/1.jpg">', ['https://news.example.cn/2024/05/03/img/1.jpg']],
    [
      'root-relative and absolute',
      '<img src="/a.png"><img src="https://cdn.example.cn/b.png">',
      ['https://news.example.cn/a.png', 'https://cdn.example.cn/b.png'],
    ],
    [
      'data-src wins over a placeholder src',
      '<img src="data:image/gif;base64,R0lG" data-src="//img.example.cn/real.jpg">',
      ['https://img.example.cn/real.jpg'],
    ],
    [
      'data-original (lazy load)',
      '<img src="/blank.gif" data-original="/real.jpg">',
      ['https://news.example.cn/real.jpg'],
    ],
    ['data URIs alone are skipped', '<img src="data:image/png;base64,AAAA">', []],
    ['duplicates appear once', '<img src="/a.png"><img src="/a.png">', ['https://news.example.cn/a.png']],
    ['no images', '<p>文字</p>', []],
    ['images inside noscript are dropped', '<noscript><img src="/n.png"></noscript>', []],
  ])('%s', (_name, html, images) => {
    expect(htmlToTextWithImages(html, base).images).toEqual(images);
  });

  it('returns the same text as htmlToText', () => {
    const html = '<div><p>第一段</p><img src="/a.png"><p>第二段</p></div>';
    expect(htmlToTextWithImages(html, base)).toEqual({
      text: '第一段\n第二段',
      images: ['https://news.example.cn/a.png'],
    });
  });
});
