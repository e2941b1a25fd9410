import { escapeHtml, renderVerificationPage, type VerifiedConfirmation } from './verification-page';

const confirmation: VerifiedConfirmation = {
  code: '7K3M9QX2B4TR0WZD',
  announcementNumber: '寿自然资告字〔2026〕3号',
  lotNumber: 'SG2026-05',
  price: '241488119.43',
  priceUnit: 'per_square_metre',
  bidPrice: '6422.50',
  documentSha256: 'a'.repeat(64),
  issuedAt: new Date('2026-03-10T07:00:00Z'),
  signed: false,
};

describe('the verification page', () => {
  it('escapes everything it shows', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = renderVerificationPage({ kind: 'not_found', typed: '"><img src=x onerror=alert(1)>' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&quot;&gt;&lt;img');
  });

  it('a valid code: Chinese first with English after, the facts in Beijing time, the bid in its unit, no script', () => {
    const html = renderVerificationPage({ kind: 'found', confirmation });
    expect(html).toContain('验证码有效');
    expect(html).toContain('7K3M-9QX2-B4TR-0WZD');
    expect(html).toContain('6,422.50 元/㎡');
    expect(html).toContain('241,488,119.43 元');
    expect(html).toContain('2026-03-10 15:00（北京时间）');
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it('a document check says whether the file is the one on record', () => {
    expect(renderVerificationPage({ kind: 'found', confirmation, check: { sha256: 'a'.repeat(64), matches: true, source: 'upload' } })).toContain('文件与存档一致');
    expect(renderVerificationPage({ kind: 'found', confirmation, check: { sha256: 'b'.repeat(64), matches: false, source: 'typed' } })).toContain('文件与存档不一致');
  });
});
