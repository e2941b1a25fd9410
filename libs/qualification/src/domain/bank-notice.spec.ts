import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { DomainErrors } from '@app/common/domain-error';
import { noticeDifferences, parseBankNotice, parseIsoInstant, signBankNotice, verifyBankNotice } from './bank-notice';
import { luhnCheckDigit } from './virtual-account';

const SECRET = 'test-shared-secret';
const NOW = new Date('2025-10-14T02:00:00Z');
const TS = String(NOW.getTime() / 1000); // "1760407200"
const SUB_ACCOUNT = `35010212345678901${luhnCheckDigit('35010212345678901')}`;

function errorsOf(fn: () => unknown): DomainErrors {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainErrors) return e;
    throw e;
  }
  throw new Error('expected DomainErrors');
}

function notice(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    txnId: 'CMB20251014_000123-A',
    subAccount: SUB_ACCOUNT,
    amount: '2500000.00',
    currency: 'CNY',
    payerName: '福建某某房地产开发有限公司',
    payerAccount: '5919 0123 4567 890',
    arrivedAt: '2025-10-14T09:58:31+08:00',
    ...extra,
  };
}

describe('signBankNotice', () => {
  it('is the hex HMAC-SHA256 of `${timestamp}.${rawBody}`', () => {
    const body = '{"txnId":"T1","amount":"1.00"}';
    const expected = createHmac('sha256', SECRET).update(`1760407200.${body}`).digest('hex');
    expect(signBankNotice(body, '1760407200', SECRET)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs the raw bytes: a Buffer and the string it decodes to give the same signature', () => {
    const body = '{"payerName":"福建某某（泉州）有限公司"}';
    expect(signBankNotice(Buffer.from(body, 'utf8'), TS, SECRET)).toBe(signBankNotice(body, TS, SECRET));
  });

  it('refuses an empty secret (a configuration error, not a bad notice)', () => {
    expect(() => signBankNotice('{}', TS, '')).toThrow(RangeError);
  });
});

describe('verifyBankNotice', () => {
  const body = JSON.stringify(notice());
  const signature = signBankNotice(body, TS, SECRET);
  const input = { rawBody: body, timestamp: TS, signature, secret: SECRET, now: NOW };

  it('accepts a notice signed with the shared secret', () => {
    expect(verifyBankNotice(input)).toEqual({ ok: true });
    expect(verifyBankNotice({ ...input, signature: signature.toUpperCase() })).toEqual({ ok: true });
    expect(verifyBankNotice({ ...input, rawBody: Buffer.from(body) })).toEqual({ ok: true });
  });

  it('refuses a changed body, a changed timestamp or another secret with BAD_SIGNATURE', () => {
    expect(verifyBankNotice({ ...input, rawBody: body.replace('2500000.00', '2500001.00') })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyBankNotice({ ...input, timestamp: String(Number(TS) + 1) })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyBankNotice({ ...input, secret: 'another-secret' })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses a re-serialised body: the signature covers the raw bytes, whitespace included', () => {
    const reformatted = JSON.stringify(JSON.parse(body) as unknown, null, 2);
    expect(verifyBankNotice({ ...input, rawBody: reformatted })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('any flipped signature character is BAD_SIGNATURE', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 63 }), (i) => {
        const flipped = `${signature.slice(0, i)}${signature[i] === '0' ? '1' : '0'}${signature.slice(i + 1)}`;
        expect(verifyBankNotice({ ...input, signature: flipped })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
      }),
    );
  });

  it('accepts a timestamp up to 300 seconds off either way and refuses one further off with STALE_TIMESTAMP', () => {
    for (const offset of [-300, 300]) {
      const ts = String(Number(TS) + offset);
      expect(verifyBankNotice({ ...input, timestamp: ts, signature: signBankNotice(body, ts, SECRET) })).toEqual({ ok: true });
    }
    for (const offset of [-301, 301, -86_400]) {
      const ts = String(Number(TS) + offset);
      expect(verifyBankNotice({ ...input, timestamp: ts, signature: signBankNotice(body, ts, SECRET) })).toEqual({
        ok: false,
        reason: 'STALE_TIMESTAMP',
      });
    }
  });

  it('takes the allowed skew as an argument', () => {
    const ts = String(Number(TS) - 400);
    const signed = { ...input, timestamp: ts, signature: signBankNotice(body, ts, SECRET) };
    expect(verifyBankNotice({ ...signed, maxSkewSeconds: 600 })).toEqual({ ok: true });
    expect(verifyBankNotice({ ...signed, maxSkewSeconds: 60 })).toEqual({ ok: false, reason: 'STALE_TIMESTAMP' });
  });

  it('a forged notice is BAD_SIGNATURE even when its timestamp is also stale', () => {
    expect(verifyBankNotice({ ...input, timestamp: '1000000000' })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it.each([
    ['a missing timestamp', { timestamp: undefined }],
    ['a timestamp in milliseconds-with-decimals', { timestamp: '1760407200.5' }],
    ['an ISO timestamp', { timestamp: '2025-10-14T02:00:00Z' }],
    ['a missing signature', { signature: undefined }],
    ['a short signature', { signature: 'abc123' }],
    ['a base64 signature', { signature: Buffer.alloc(32).toString('base64') }],
    ['a non-hex signature of the right length', { signature: 'g'.repeat(64) }],
  ])('refuses %s with MALFORMED', (_name, change) => {
    expect(verifyBankNotice({ ...input, ...change })).toEqual({ ok: false, reason: 'MALFORMED' });
  });
});

describe('parseBankNotice', () => {
  it('returns the typed notice: Money amount, arrival instant, spaces removed from the payer account', () => {
    const n = parseBankNotice(notice());
    expect(n).toMatchObject({
      txnId: 'CMB20251014_000123-A',
      subAccount: SUB_ACCOUNT,
      currency: 'CNY',
      payerName: '福建某某房地产开发有限公司',
      payerAccount: '591901234567890',
    });
    expect(n.amount.toString()).toBe('2500000.00');
    expect(n.arrivedAt.toISOString()).toBe('2025-10-14T01:58:31.000Z');
  });

  it('ignores unknown extra fields the bank may add', () => {
    expect(parseBankNotice(notice({ remark: '保证金', bankCode: '308' })).txnId).toBe('CMB20251014_000123-A');
  });

  it('refuses a non-object', () => {
    for (const value of [null, 'text', [notice()], 42]) {
      expect(errorsOf(() => parseBankNotice(value)).errors[0].code).toBe('NOT_AN_OBJECT');
    }
  });

  it('lists every problem at once, each naming its field', () => {
    const e = errorsOf(() =>
      parseBankNotice({
        txnId: 'has space',
        subAccount: '350102123456789010',
        amount: 2500000,
        currency: 'USD',
        payerName: '  ',
        arrivedAt: '2025-10-14 09:58:31',
      }),
    );
    expect(e.code).toBe('BANK_NOTICE_INVALID');
    expect(e.errors.map((x) => [x.code, x.field])).toEqual([
      ['INVALID_TXN_ID', 'txnId'],
      ['INVALID_SUB_ACCOUNT', 'subAccount'],
      ['INVALID_DECIMAL', 'amount'],
      ['UNSUPPORTED_CURRENCY', 'currency'],
      ['INVALID_PAYER_NAME', 'payerName'],
      ['FIELD_REQUIRED', 'payerAccount'],
      ['INVALID_ARRIVED_AT', 'arrivedAt'],
    ]);
  });

  it.each([
    ['0.00', 'AMOUNT_NOT_POSITIVE'],
    ['-5.00', 'NEGATIVE_NOT_ALLOWED'],
    ['100.001', 'TOO_MANY_DECIMAL_PLACES'],
    ['1e6', 'INVALID_DECIMAL'],
    ['12,500.00', 'INVALID_DECIMAL'],
  ])('refuses the amount %s with %s', (amount, code) => {
    expect(errorsOf(() => parseBankNotice(notice({ amount }))).errors).toEqual([expect.objectContaining({ code, field: 'amount' })]);
  });

  it('accepts an amount without decimals, the value being unambiguous', () => {
    expect(parseBankNotice(notice({ amount: '2500000' })).amount.toString()).toBe('2500000.00');
  });

  it('limits txnId to 64 characters of [A-Za-z0-9_-]', () => {
    expect(parseBankNotice(notice({ txnId: 'a'.repeat(64) })).txnId).toHaveLength(64);
    expect(errorsOf(() => parseBankNotice(notice({ txnId: 'a'.repeat(65) }))).errors[0].code).toBe('INVALID_TXN_ID');
    expect(errorsOf(() => parseBankNotice(notice({ txnId: '' }))).errors[0].code).toBe('INVALID_TXN_ID');
  });

  it('refuses a sub-account with a wrong Luhn check digit', () => {
    const wrong = SUB_ACCOUNT.slice(0, -1) + String((Number(SUB_ACCOUNT.slice(-1)) + 5) % 10);
    expect(errorsOf(() => parseBankNotice(notice({ subAccount: wrong }))).errors[0].code).toBe('INVALID_SUB_ACCOUNT');
  });
});

describe('parseIsoInstant: arrival times carry an offset', () => {
  it.each([
    ['2025-10-14T09:58:31+08:00', '2025-10-14T01:58:31.000Z'],
    ['2025-10-14T01:58:31Z', '2025-10-14T01:58:31.000Z'],
    ['2025-10-14T01:58:31.123456Z', '2025-10-14T01:58:31.123Z'],
    ['2025-10-13T20:58:31-05:00', '2025-10-14T01:58:31.000Z'],
    ['2024-02-29T00:00:00+08:00', '2024-02-28T16:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseIsoInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2025-10-14T09:58:31',
    '2025-10-14 09:58:31+08:00',
    '2025-10-14T09:58+08:00',
    '2025-02-29T00:00:00Z',
    '2025-04-31T00:00:00Z',
    '2025-10-14T24:00:00Z',
    '2025-10-14T09:60:00Z',
    '2025-10-14T09:58:60Z',
    '2025-10-14T09:58:31+15:00',
    '2025-10-14T09:58:31+0800',
    '0099-10-14T09:58:31Z',
    '1760407200',
  ])('refuses %s', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });

  it('refuses a non-string', () => {
    expect(parseIsoInstant(1760407200000)).toBeUndefined();
  });
});

describe('noticeDifferences: the same transaction id again', () => {
  const applied = parseBankNotice(notice());

  it('finds none in an identical resend, even when the bank spaces the account or drops the zero decimals', () => {
    expect(noticeDifferences(applied, parseBankNotice(notice({ amount: '2500000', payerAccount: '591901234567890' })))).toEqual([]);
  });

  it.each([
    ['amount', { amount: '2500000.01' }],
    ['subAccount', { subAccount: `35010212345678902${luhnCheckDigit('35010212345678902')}` }],
    ['payerName', { payerName: '另一家公司' }],
    ['payerAccount', { payerAccount: '5919 0123 4567 891' }],
    ['arrivedAt', { arrivedAt: '2025-10-14T09:58:32+08:00' }],
  ])('names %s when it changed', (field, change) => {
    expect(noticeDifferences(applied, parseBankNotice(notice(change)))).toEqual([field]);
  });

  it('lists every changed field in a fixed order', () => {
    expect(noticeDifferences(applied, parseBankNotice(notice({ arrivedAt: '2025-10-14T10:00:00+08:00', amount: '1.00' })))).toEqual(['amount', 'arrivedAt']);
  });
});
