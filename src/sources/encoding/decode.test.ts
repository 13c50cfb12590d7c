import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBody } from './decode.js';
import { normalizeCharset } from './labels.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/sources/page/charsets/', import.meta.url));
const read = (name: string): Buffer => readFileSync(fixtures + name);

describe('decodeBody', () => {
  it.each([
    ['utf8.html', 'text/html; charset=utf-8', 'utf-8', 'header', '部署今年汛期各项准备工作'],
    ['utf8.html', 'text/html', 'utf-8', 'meta', '确保群众生命财产安全'],
    ['gbk.html', 'text/html', 'gb18030', 'meta', '部署今年汛期各项准备工作'],
    ['gb2312-declared.html', 'text/html', 'gb18030', 'meta', '朱镕基同志的讲话'],
    ['gb2312-declared.html', null, 'gb18030', 'meta', '代表张喆表示'],
    ['big5.html', 'text/html', 'big5', 'meta', '部署今年汛期各項準備工作'],
    ['big5.html', 'text/html; charset=big5', 'big5', 'header', '確保民眾生命財產安全'],
    ['utf8-wrong-meta.html', 'text/html', 'utf-8', 'sniff', '部署今年汛期各项准备工作'],
    ['utf8-wrong-meta.html', 'text/html; charset=GBK', 'utf-8', 'sniff', '会议要求各街道加强巡查'],
    ['gbk.html', 'text/html; charset=utf-8', 'gb18030', 'meta', '部署今年汛期各项准备工作'],
    ['gbk-no-meta.html', 'text/html; charset=utf-8', 'gb18030', 'sniff', '确保群众生命财产安全'],
    ['gbk-no-meta.html', null, 'gb18030', 'sniff', '防汛工作会议'],
    ['utf8-bom.html', 'text/html; charset=gbk', 'utf-8', 'bom', '部署今年汛期各项准备工作'],
    ['gbk.xml', 'application/xml', 'gb18030', 'xml', '部署今年汛期各项准备工作'],
  ] as const)('%s as %s → %s by %s', (file, contentType, charset, detectedBy, expected) => {
    const decoded = decodeBody(read(file), contentType);
    expect(decoded.charset).toBe(charset);
    expect(decoded.detectedBy).toBe(detectedBy);
    expect(decoded.text).toContain(expected);
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('strips the byte-order mark from the text', () => {
    expect(decodeBody(read('utf8-bom.html'), null).text.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('ignores in-document declarations when told to', () => {
    const json = Buffer.from('{"text":"<meta charset=\\"gbk\\">评论"}', 'utf8');
    const decoded = decodeBody(json, 'application/json', { declaredInDocument: false });
    expect(decoded).toMatchObject({ charset: 'utf-8', detectedBy: 'sniff' });
    expect(decoded.text).toContain('评论');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('舆情监测', 'utf16le')]);
    expect(decodeBody(body, null)).toEqual({ text: '舆情监测', charset: 'utf-16le', detectedBy: 'bom' });
  });
});

describe('normalizeCharset', () => {
  it.each([
    ['GB2312', 'gb18030'],
    ['gbk', 'gb18030'],
    ['x-gbk', 'gb18030'],
    ['"UTF8"', 'utf-8'],
    ['Big5', 'big5'],
    ['ISO-8859-1', 'windows-1252'],
    ['no-such-charset', null],
    ['', null],
  ])('%s → %s', (label, expected) => {
    expect(normalizeCharset(label)).toBe(expected);
  });
});
