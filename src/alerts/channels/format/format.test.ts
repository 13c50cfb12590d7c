import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../domain/index.js';
import { dingtalkSign, signedDingtalkUrl } from '../dingtalk/sign.js';
import { feishuSign } from '../feishu/sign.js';
import { slackParts, SLACK_LIMIT_CHARS } from '../slack/index.js';
import { verifyWebhookSignature, webhookSignature } from '../webhook/sign.js';
import { wecomParts, WECOM_LIMIT_BYTES } from '../wecom/index.js';
import { maskSecrets, keepMaskedSecrets } from '../config.js';
import { renderAlertMail } from '../email/render.js';
import { MARKDOWN, noticeLines, SLACK_MRKDWN } from './markup.js';
import { formatLocalTime, noticeParts } from './notice.js';
import { codePoints, splitMessage, utf8Bytes } from './split.js';

const ZONE = 'Asia/Shanghai';

/** A red alert with `items` evidence items of `excerptChars` characters each. */
function sampleAlert(items = 2, excerptChars = 40): Alert {
  return {
    id: 'alert-1',
    unitId: 'unit-1',
    ruleId: 'rule-1',
    ruleVersion: 3,
    trigger: 'scheme_hit',
    title: '某化工厂异味引发居民关注',
    mergeKey: 'rule-1:scheme-1',
    count: 1,
    schemeId: 'scheme-1',
    eventId: null,
    sourceId: null,
    category: '环境污染',
    level: 'red',
    startedAt: Date.UTC(2024, 4, 3, 4, 0),
    scope: '姑苏区',
    matter: '多名网民反映化工厂夜间排放异味',
    measures: '联系环保部门核查并及时回应',
    issuer: '市委网信办',
    evidence: {
      items: Array.from({ length: items }, (_, index) => ({
        itemId: `item-${index}`,
        title: `网民反映化工厂异味 ${index + 1}`,
        excerpt: '异'.repeat(excerptChars),
        url: `https://bbs.example.cn/t/${index}`,
        source: '本地论坛',
        publishedAt: Date.UTC(2024, 4, 3, 3, index),
        sentiment: 'negative',
      })),
      statistic: 'volume',
      value: 40,
      baseline: 3,
      threshold: 10,
      reasons: ['负面信息 40 条，超过阈值 10 条'],
    },
    status: 'new',
    escalations: 0,
    acknowledgedBy: null,
    acknowledgedAt: null,
    closedBy: null,
    closedAt: null,
    incidentId: null,
    createdAt: Date.UTC(2024, 4, 3, 4, 1),
    updatedAt: Date.UTC(2024, 4, 3, 4, 1),
  };
}

describe('notice', () => {
  it('has the level in the title and the official fields in order', () => {
    const parts = noticeParts(sampleAlert(), ZONE);
    expect(parts.title).toBe('【红色预警】某化工厂异味引发居民关注');
    expect(parts.fields.map((f) => f.label)).toEqual([
      '类别',
      '级别',
      '起始时间',
      '影响范围',
      '警示事项',
      '建议措施',
      '发布单位',
    ]);
    expect(parts.fields[2]?.value).toBe('2024-05-03 12:00');
  });

  it.each([
    [Date.UTC(2024, 4, 3, 16, 5), 'Asia/Shanghai', '2024-05-04 00:05'],
    [Date.UTC(2024, 4, 3, 16, 5), 'UTC', '2024-05-03 16:05'],
    [Date.UTC(2023, 11, 31, 23, 59), 'Asia/Shanghai', '2024-01-01 07:59'],
  ])('formats %i in %s as %s', (at, zone, expected) => {
    expect(formatLocalTime(at, zone)).toBe(expected);
  });

  it('renders bold labels and links per platform', () => {
    const parts = noticeParts(sampleAlert(1), ZONE);
    const md = noticeLines(parts, MARKDOWN, ZONE);
    expect(md[0]).toBe('**类别：**环境污染');
    expect(md.some((line) => line.includes('[网民反映化工厂异味 1](https://bbs.example.cn/t/0)'))).toBe(true);
    const slack = noticeLines(parts, SLACK_MRKDWN, ZONE);
    expect(slack[0]).toBe('*类别：*环境污染');
    expect(slack.some((line) => line.includes('<https://bbs.example.cn/t/0|网民反映化工厂异味 1>'))).toBe(
      true,
    );
  });
});

describe('splitMessage', () => {
  it.each([
    ['fits in one part', ['a', 'b'], 100, codePoints, 1],
    // room = limit − title − "（99/99）" − newline: 70 characters, 3 lines of 20 per part
    ['splits between lines', Array.from({ length: 10 }, () => 'x'.repeat(20)), 80, codePoints, 4],
    ['cuts a long line', ['y'.repeat(200)], 80, codePoints, 3],
    // room = 120 − 6 − 11 − 1 = 102 bytes: 34 Chinese characters per part
    ['measures Chinese in bytes', ['中'.repeat(100)], 120, utf8Bytes, 3],
  ])('%s', (_name, lines, limit, measure, parts) => {
    const split = splitMessage('标题', lines, limit, measure);
    expect(split).toHaveLength(parts);
    for (const part of split) expect(measure(`${part.title}\n${part.body}`)).toBeLessThanOrEqual(limit);
    expect(
      split
        .map((part) => part.body)
        .join('')
        .replace(/\n/g, ''),
    ).toBe(lines.join(''));
    if (parts > 1) expect(split.map((part) => part.title)).toContain(`标题（2/${parts}）`);
  });

  it('never cuts a character in half', () => {
    const split = splitMessage('t', ['😀'.repeat(50)], 60, utf8Bytes);
    expect(split.map((part) => part.body).join('')).toBe('😀'.repeat(50));
  });
});

describe('platform limits', () => {
  it('keeps 企业微信 parts within 4096 bytes and numbers them', () => {
    const alert = sampleAlert(5);
    alert.evidence.reasons = Array.from({ length: 80 }, (_, i) => `第 ${i + 1} 条依据：${'负面'.repeat(20)}`);
    const parts = wecomParts({ alert, timeZone: ZONE });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts)
      expect(utf8Bytes(`### ${part.title}\n${part.body}`)).toBeLessThanOrEqual(WECOM_LIMIT_BYTES);
    expect(parts[0]?.title).toBe(`【红色预警】某化工厂异味引发居民关注（1/${parts.length}）`);
  });

  it('sends a short alert to Slack as one message', () => {
    const parts = slackParts({ alert: sampleAlert(), timeZone: ZONE });
    expect(parts).toHaveLength(1);
    expect(codePoints(parts[0]?.body ?? '')).toBeLessThan(SLACK_LIMIT_CHARS);
  });
});

describe('signatures', () => {
  it('signs 钉钉 URLs like the platform documents', () => {
    // HMAC-SHA256(key=secret, "<ts>\n<secret>") in base64, URL-encoded in the query.
    const sign = dingtalkSign('SECxyz', 1714708800000);
    expect(sign).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const url = new URL(
      signedDingtalkUrl('https://oapi.dingtalk.com/robot/send?access_token=t', 'SECxyz', 1714708800000),
    );
    expect(url.searchParams.get('access_token')).toBe('t');
    expect(url.searchParams.get('timestamp')).toBe('1714708800000');
    expect(url.searchParams.get('sign')).toBe(sign);
  });

  it('signs 飞书 bodies with the timestamp and secret as the key', () => {
    expect(feishuSign('secret-1', 1714708800)).not.toBe(feishuSign('secret-1', 1714708801));
    expect(feishuSign('secret-1', 1714708800)).toBe(feishuSign('secret-1', 1714708800));
  });

  it('verifies generic webhook signatures and refuses altered bodies', () => {
    const signature = webhookSignature('s3cret-key', '1714708800', '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('s3cret-key', '1714708800', '{"a":1}', signature)).toBe(true);
    expect(verifyWebhookSignature('s3cret-key', '1714708800', '{"a":2}', signature)).toBe(false);
    expect(verifyWebhookSignature('s3cret-key', '1714708801', '{"a":1}', signature)).toBe(false);
  });
});

describe('secrets and e-mail', () => {
  it('masks secrets and keeps them when the masked value comes back', () => {
    const stored = { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc', secret: 'SECabcdefgh' };
    const shown = maskSecrets(stored, ['url', 'secret']);
    expect(shown).toEqual({ url: 'https://oapi.dingtalk.com/******', secret: '******' });
    expect(keepMaskedSecrets(shown, stored, ['url', 'secret'])).toEqual(stored);
    expect(keepMaskedSecrets({ ...shown, secret: 'SECnewvalue' }, stored, ['url', 'secret'])).toEqual({
      ...stored,
      secret: 'SECnewvalue',
    });
  });

  it('renders the e-mail with a Chinese subject and escaped HTML', () => {
    const alert = { ...sampleAlert(1), matter: '<script>x</script>' };
    const mail = renderAlertMail({ alert, timeZone: ZONE }, '[风向] ');
    expect(mail.subject).toBe('[风向] 【红色预警】某化工厂异味引发居民关注');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('<a href="https://bbs.example.cn/t/0">');
    expect(mail.text).toContain('警示事项：<script>x</script>');
  });
});
