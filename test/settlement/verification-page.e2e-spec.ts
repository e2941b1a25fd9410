import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SettlementService } from '@app/settlement';
import { soldLot, type MoneyBidder } from '../support/money-sale';
import { bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

/** A free TCP port on the loopback interface (so PUBLIC_BASE_URL can name the port the app will listen on). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The link printed on a transaction confirmation (成交确认书), in its text and its QR code, opens a page
 * that verifies the code: the test reads the URL out of the PDF and fetches exactly that URL over HTTP.
 */
describe('the verification link printed on the confirmation', () => {
  let t: TestApp;
  let base: string;
  let lotId: string;
  let bidders: MoneyBidder[];
  let pdf: Buffer;
  let printedUrl: string;
  let code: string;
  const work = mkdtempSync(path.join(tmpdir(), 'verify-page-'));

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ PORT: String(port), PUBLIC_BASE_URL: base });
    await t.app.listen(port, '127.0.0.1');
    const s = await new SaleBuilder(t).init('verify');
    ({ lotId, bidders } = await soldLot(t, s, `${base}/auction`, ['9800000.00', '9850000.00', '9900000.00']));
    await t.app.get(SettlementService).runOnce();
    const res = await fetch(`${base}/api/lots/${lotId}/confirmation/pdf`, { headers: bearer(bidders[2].token) });
    expect(res.status).toBe(200);
    pdf = Buffer.from(await res.arrayBuffer());
    const file = path.join(work, 'confirmation.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    const line = text.split('\n').find((l) => l.includes('验证网址：'));
    printedUrl = /验证网址：\s*(\S+)/.exec(line ?? '')?.[1] ?? '';
    code = /验证码：\s*(\S+)/.exec(text)?.[1] ?? '';
  }, 90_000);
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t.close();
  });

  it('prints a short address under PUBLIC_BASE_URL: /verify/ and the 16-character code', () => {
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(printedUrl).toBe(`${base}/verify/${code.replace(/-/g, '')}`);
  });

  it('the exact printed URL opens a page, without login or script, that says the code is valid and shows the public facts', async () => {
    const res = await fetch(printedUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('验证码有效');
    expect(html).toContain(code);
    expect(html).toContain('9,900,000.00 元');
    expect(html).toContain(createHash('sha256').update(pdf).digest('hex'));
    expect(html).toContain('尚未签署');
    expect(html).not.toMatch(/<script/i);
    // no identity the public API does not show
    for (const b of bidders) {
      expect(html).not.toContain(b.name);
      expect(html).not.toContain(b.creditCode);
    }
  });

  it('reads the code as a person types it from paper: any case, spaces, dashes, O for 0', async () => {
    const canonical = code.replace(/-/g, '');
    const typed = [code.toLowerCase(), code.replace(/-/g, ' '), ` ${code} `, canonical.replace(/0/g, 'O').toLowerCase()];
    for (const variant of typed) {
      const res = await fetch(`${base}/verify/${encodeURIComponent(variant)}`);
      expect({ variant, status: res.status }).toEqual({ variant, status: 200 });
      expect(await res.text()).toContain('验证码有效');
    }
    // the code-entry form redirects to the canonical page
    const redirected = await fetch(`${base}/verify?code=${encodeURIComponent(code.toLowerCase())}`, { redirect: 'manual' });
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('location')).toBe(`/verify/${canonical}`);
    expect((await fetch(`${base}/verify`)).status).toBe(200);
  });

  it('a wrong code shows "not found" with 404, and what was typed is shown escaped', async () => {
    const canonical = code.replace(/-/g, '');
    const other = `${canonical.slice(0, 15)}${canonical.endsWith('0') ? '1' : '0'}`;
    const unknown = await fetch(`${base}/verify/${other}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await unknown.text()).toContain('未找到该验证码');
    const hostile = await fetch(`${base}/verify/${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(hostile.status).toBe(404);
    const body = await hostile.text();
    expect(body).not.toContain('<script>');
    expect(body).toContain('&lt;script&gt;');
    expect((await fetch(`${base}/verify?code=${encodeURIComponent('not a code')}`)).status).toBe(404);
  });

  it('checks a PDF against the record: the uploaded original matches, an altered copy does not', async () => {
    const upload = async (bytes: Buffer) => {
      const form = new FormData();
      form.append('pdf', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'confirmation.pdf');
      const res = await fetch(printedUrl, { method: 'POST', body: form });
      return { status: res.status, html: await res.text() };
    };
    const original = await upload(pdf);
    expect(original.status).toBe(200);
    expect(original.html).toContain('文件与存档一致');
    const altered = Buffer.from(pdf);
    altered[altered.length - 10] = altered[altered.length - 10] ^ 0x01;
    const forged = await upload(altered);
    expect(forged.html).toContain('文件与存档不一致');
    expect(forged.html).toContain(createHash('sha256').update(altered).digest('hex'));
    // without JavaScript tools: the SHA-256 computed elsewhere, typed in
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(await (await fetch(`${printedUrl}?sha256=${sha.toUpperCase()}`)).text()).toContain('文件与存档一致');
    expect(await (await fetch(`${printedUrl}?sha256=nothex`)).text()).toContain('64位十六进制');
    // a check against an unknown code is still "not found"
    const form = new FormData();
    form.append('pdf', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'confirmation.pdf');
    expect((await fetch(`${base}/verify/0000000000000000`, { method: 'POST', body: form })).status).toBe(404);
  });

  it('shows the signature once the winner has signed', async () => {
    await t.http().post(`/api/lots/${lotId}/confirmation/signature`).set(bearer(bidders[2].token)).expect(201);
    expect(await (await fetch(printedUrl)).text()).toContain('已签署');
  });
});
