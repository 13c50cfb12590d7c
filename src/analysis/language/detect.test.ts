import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect.js';
import { detectLatinLanguage } from './latin.js';
import { countScripts, scriptOf } from './scripts.js';

describe('detectLanguage', () => {
  it.each([
    ['simplified Chinese', '网络舆情监测平台今天正式上线运行', 'zh'],
    ['traditional Chinese', '網絡輿情監測平臺今天正式上線運行', 'zh'],
    ['Chinese with a brand name', '华为发布Mate 60 Pro新品', 'zh'],
    ['Chinese with numbers and punctuation', '2024年5月3日，市政府召开新闻发布会。', 'zh'],
    ['Chinese with a stray の', '我の天啊，这个消息太让人震惊了吧朋友们', 'zh'],
    ['short Chinese', '你好', 'zh'],
    ['Chinese with an astral character', '𠀀网络舆情监测平台今天正式上线运行了', 'zh'],
    [
      'Chinese with one kana far after the opening',
      `${'网络舆情监测平台今天正式上线运行'.repeat(6)}の`,
      'zh',
    ],
    ['Japanese', '東京都は今日、新しい防災計画を発表しました。', 'ja'],
    ['Japanese katakana only', 'コンピューター', 'ja'],
    ['Korean', '서울시는 오늘 새로운 교통 정책을 발표했습니다.', 'ko'],
    ['Russian', 'Правительство города объявило о новых мерах поддержки.', 'ru'],
    ['Ukrainian', 'Уряд міста оголосив про нові заходи підтримки її мешканців.', 'uk'],
    ['Arabic', 'أعلنت الحكومة اليوم عن إجراءات جديدة لدعم المواطنين', 'ar'],
    ['Persian', 'دولت امروز برنامه جدیدی برای پشتیبانی از مردم اعلام کرد و گفت', 'fa'],
    ['Greek', 'Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα', 'el'],
    ['Hebrew', 'הממשלה הודיעה היום על צעדים חדשים', 'he'],
    ['Thai', 'รัฐบาลประกาศมาตรการใหม่วันนี้', 'th'],
    ['Hindi', 'सरकार ने आज नए उपायों की घोषणा की', 'hi'],
    ['English', 'The city government announced new measures for the residents on Friday.', 'en'],
    ['English headline', 'Residents say the new bridge is not safe', 'en'],
    ['French', 'Le gouvernement de la ville a annoncé de nouvelles mesures pour les habitants.', 'fr'],
    ['French with accents', 'Selon elle, ce projet est très important pour nous.', 'fr'],
    ['German', 'Die Stadtregierung hat neue Maßnahmen für die Bürger angekündigt.', 'de'],
    ['German with umlauts', 'Das ist nicht gut für uns, und es wird noch schlimmer.', 'de'],
    ['Spanish', 'El gobierno de la ciudad anunció nuevas medidas para los residentes.', 'es'],
    ['Spanish with ñ', '¿Por qué no hay más información sobre el año pasado?', 'es'],
    ['Portuguese', 'O governo da cidade anunciou novas medidas para os moradores, não só isso.', 'pt'],
    ['Italian', 'Il governo della città ha annunciato nuove misure per i cittadini.', 'it'],
    [
      'Dutch',
      'De gemeente heeft nieuwe maatregelen voor de inwoners aangekondigd en het is niet genoeg.',
      'nl',
    ],
    ['empty', '', 'und'],
    ['whitespace', '   \n ', 'und'],
    ['digits and punctuation', '12345 !!! ???', 'und'],
    ['emoji', '😀😀😀👍', 'und'],
    ['one Latin word without list words', 'Hello', 'und'],
    ['a single Han character', '好', 'zh'],
    ['two Latin letters', 'ok', 'und'],
    ['a URL', 'https://example.com/abc', 'und'],
    [
      'Chinese around a long URL',
      '详见 https://www.example.com/news/2024/05/03/article-about-the-city.html 通报',
      'zh',
    ],
    ['an e-mail address', 'editor@example.com', 'und'],
  ])('%s', (_name, text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe('detectLatinLanguage', () => {
  it.each([
    ['the end', 'en'],
    ['der Hund', 'de'],
    ['xyz qwv', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(detectLatinLanguage(text)).toBe(expected);
  });
});

describe('countScripts', () => {
  it.each([
    ['中文abc', { han: 2, latin: 3 }],
    ['ひらがなカタカナー', { kana: 9 }],
    ['한국어 русский', { hangul: 3, cyrillic: 7 }],
  ])('%s', (text, expected) => {
    expect(countScripts(text)).toMatchObject(expected);
  });
});

describe('countScripts against reading code point by code point', () => {
  function reference(text: string): ReturnType<typeof countScripts> {
    const counts = countScripts('');
    for (const char of text) {
      const script = scriptOf(char);
      if (script !== null) counts[script] += 1;
    }
    return counts;
  }

  it.each([
    ['mixed scripts', '東京都は今日コンピューター서울시Правительство Hello'],
    ['astral Han and maths letters', '𠀀𠀁好𝐀𝐁'],
    ['lone surrogates', '\ud800a\udc00b\ud800'],
    ['the long-vowel mark', 'ーーー'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(countScripts(text)).toEqual(reference(text));
  });

  it('agrees on every BMP code unit', () => {
    let text = '';
    for (let unit = 0; unit < 0x10000; unit++) text += String.fromCharCode(unit);
    expect(countScripts(text)).toEqual(reference(text));
  });
});
