import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Role } from '@app/auth';
import { bankNotice, postNotice } from '../support/bank';
import { createTestApp, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json', 'accept-language': 'en' };

/** A JSON array of `bytes` bytes: `[1,1,1,…]`. */
function jsonArray(bytes: number): string {
  return `[${Array.from({ length: Math.floor(bytes / 2) }, () => '1').join(',')}]`;
}

describe('request bodies: small limits for everyone, the upload limit only where files are sent', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Errors are logged (not silenced) so that an unexpected 500 here shows its cause in the run's output.
    t = await createTestApp({ LOG_LEVEL: 'error' });
  });
  afterAll(() => t.close());

  it('answers a 4 MB JSON array sent to the login with a small 413 at once, and /api/health stays up while four of them run', async () => {
    const server = t.app.getHttpServer() as { on(event: 'request', listener: (req: IncomingMessage) => void): void; off(event: 'request', listener: (req: IncomingMessage) => void): void };
    const body = jsonArray(4 * 1024 * 1024);
    let arrived = 0;
    let allArrived!: () => void;
    const fourArrived = new Promise<void>((resolve) => (allArrived = resolve));
    const onRequest = (req: IncomingMessage) => {
      if (req.url === '/api/auth/login' && ++arrived === 4) allArrived();
    };
    server.on('request', onRequest);
    const attacks = Array.from({ length: 4 }, () => t.http().post('/api/auth/login').set(json).send(body).then((res) => res));
    await fourArrived;
    server.off('request', onRequest);
    const health = await t.http().get('/api/health');
    expect(health.status).toBe(200);

    for (const res of await Promise.all(attacks)) {
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large: at most 64 KB here' });
      expect(typeof res.body.requestId).toBe('string');
      expect(res.text.length).toBeLessThan(500);
    }
  });

  it('refuses a JSON array under the limit as a whole, without looking at its elements', async () => {
    const res = await t.http().post('/api/auth/login').set(json).send(jsonArray(60 * 1024)).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_BODY', message: 'The request body must be a JSON object, not an array' });
    expect(res.text.length).toBeLessThan(500);
    const bare = await t.http().post('/api/auth/login').set(json).send('"just a string"').expect(400);
    expect(bare.body.code).toMatch(/^(INVALID_BODY|MALFORMED_JSON)$/);
  });

  it('lists at most 20 problems and counts the rest, however many unknown fields are sent', async () => {
    const fields = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`extra${i}`, 1]));
    const res = await t.http().post('/api/auth/login').set(json).send({ username: 'someone', password: 'whatever-it-is', ...fields }).expect(400);
    expect(res.body.code).toBe('UNKNOWN_FIELD');
    expect(res.body.errors).toHaveLength(20);
    expect(res.body.moreErrors).toBe(3000 - 20);
    expect(res.body.message).toMatch(/; and 2980 more$/);
    expect(res.text.length).toBeLessThan(3000);
  });

  it('refuses a list longer than its field allows as a whole, without validating its elements one by one', async () => {
    const officer = await t.tokenFor([Role.ReserveOfficer]);
    const costEntries = Array.from({ length: 20_000 }, () => ({ kind: 'nonsense', amount: 1, incurredOn: 'x', description: 5 }));
    const res = await t
      .http()
      .post('/api/parcels')
      .set({ ...json, authorization: `Bearer ${officer}` })
      .send(JSON.stringify({ code: 'SG-BIG', costEntries }))
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'costEntries', message: 'costEntries must contain no more than 200 elements' });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.moreErrors).toBeUndefined();
  });

  it('keeps the small limit on authenticated routes that take no file', async () => {
    const admin = await t.tokenFor([Role.Admin]);
    const res = await t
      .http()
      .put('/api/settings/listing.minListingDays')
      .set({ ...json, authorization: `Bearer ${admin}` })
      .send(JSON.stringify({ value: 10, reason: 'x'.repeat(100 * 1024) }))
      .expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('takes a 3 MB document on the upload route from a signed-in bidder, and refuses it to an anonymous caller', async () => {
    const bidder = await t.tokenFor([Role.Bidder]);
    const document = JSON.stringify({ title: '营业执照', fileName: 'license.pdf', contentBase64: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 * 1024 * 1024, 7)]).toString('base64') });
    const path = `/api/applications/${randomUUID()}/documents`;
    // Parsed and validated: the refusal is about the (unknown) application, not the size.
    const signedIn = await t.http().post(path).set({ ...json, authorization: `Bearer ${bidder}` }).send(document);
    expect({ status: signedIn.status, code: signedIn.body.code }).toEqual({ status: 404, code: 'APPLICATION_NOT_FOUND' });
    const anonymous = await t.http().post(path).set(json).send(document).expect(413);
    expect(anonymous.body.code).toBe('PAYLOAD_TOO_LARGE');
    const forged = await t.http().post(path).set({ ...json, authorization: 'Bearer not.a.token' }).send(document).expect(413);
    expect(forged.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('still hands the bank’s notice over as the exact bytes received, so its signature verifies', async () => {
    // Extra spaces: a re-serialized body would no longer match the signature.
    const notice = bankNotice({ subAccount: '955880000000000000', amount: '100.00', payerName: '某公司' });
    const spaced = { ...notice, body: notice.body.replace(/,/g, ', ') };
    const signed = bankNotice({ subAccount: '955880000000000000', amount: '100.00', payerName: '某公司' });
    const res = await postNotice(t, signed);
    expect(res.body.code).not.toBe('BANK_SIGNATURE_INVALID');
    expect((await postNotice(t, spaced)).body.code).toBe('BANK_SIGNATURE_INVALID');
  });
});
