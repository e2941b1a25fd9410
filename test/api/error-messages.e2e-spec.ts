import path from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { io } from 'socket.io-client';
import { hasChineseMessage, VALIDATION_MESSAGES_ZH } from '@app/common';
import { codeForStatus } from '../../apps/api/src/http/error-status';
import { listen } from '../support/trading';
import { createTestApp, type TestApp } from '../support/test-app';
import { scanErrorCodes } from './support/error-code-scan';

const root = path.resolve(__dirname, '../..');

describe('error messages: Chinese by default, English on Accept-Language, the same codes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has a Chinese text for every error code the source can send', () => {
    const uses = scanErrorCodes(root);
    const platform = [400, 401, 403, 404, 405, 409, 413, 415, 429, 500, 503].map(codeForStatus);
    const codes = new Set([...uses.map((u) => u.code), ...platform]);
    expect(codes.size).toBeGreaterThan(300); // the scan found the codes (guards the scanner itself)
    const missing = [...codes].filter((code) => !hasChineseMessage(code)).sort();
    if (missing.length > 0) {
      const where = (code: string) => uses.find((u) => u.code === code)?.where ?? 'apps/api/src/http/error-status.ts';
      throw new Error(
        `${missing.length} error code(s) have no Chinese text. Add one line each to libs/common/src/i18n/error-messages.zh.ts:\n` +
          missing.map((code) => `  ${code}: '…',   // thrown at ${where(code)}`).join('\n'),
      );
    }
  }, 180_000);

  it('has a Chinese text for every validation constraint a request DTO uses', () => {
    // The app is built, so every DTO of every context has registered its constraints.
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, Array<{ name?: string; type: string }>> };
    const used = new Set<string>();
    for (const metas of storage.validationMetadatas.values()) {
      for (const m of metas) {
        if (m.type === 'conditionalValidation' || m.type === 'whitelistValidation') continue;
        used.add(m.type === 'customValidation' ? (m.name ?? 'customValidation') : m.type);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((c) => !(c in VALIDATION_MESSAGES_ZH)).sort();
    expect({ constraintsWithoutChineseText: missing }).toEqual({ constraintsWithoutChineseText: [] });
  });

  let attempt = 0;
  const login = (language?: string) => {
    const req = t.http().post('/api/auth/login');
    if (language !== undefined) req.set('accept-language', language);
    // A new name each time: five failures of one name are rate-limited.
    return req.send({ username: `nobody${++attempt}`, password: 'wrong-password-1' }).expect(401);
  };

  it('answers in Chinese by default, in English when Accept-Language prefers it (q-values honoured), with the same code', async () => {
    const zh = '用户名或密码错误';
    const en = 'The username or password is wrong';
    const cases: Array<[string | undefined, string]> = [
      [undefined, zh],
      ['zh-CN,zh;q=0.9,en;q=0.8', zh],
      ['fr-FR', zh],
      ['en;q=0, zh;q=0.1', zh],
      ['en-US,en;q=0.9', en],
      ['fr;q=0.9, en;q=0.5', en],
      ['zh;q=0.4, en;q=0.6', en],
    ];
    for (const [language, message] of cases) {
      const res = await login(language);
      expect({ language, code: res.body.code, message: res.body.message }).toEqual({ language, code: 'INVALID_CREDENTIALS', message });
      expect(res.headers['content-language']).toBe(message === zh ? 'zh-CN' : 'en');
      expect(res.headers['vary']).toMatch(/accept-language/i);
    }
  });

  it('translates validation problems by constraint, naming the field and the limit', async () => {
    const body = { username: 'x'.repeat(65), password: 'whatever-it-is', isAdmin: true };
    const zh = await t.http().post('/api/auth/login').send(body).expect(400);
    const en = await t.http().post('/api/auth/login').set('accept-language', 'en').send(body).expect(400);
    expect(zh.body.errors.map((e: { code: string }) => e.code)).toEqual(en.body.errors.map((e: { code: string }) => e.code));
    expect(zh.body.errors).toEqual(
      expect.arrayContaining([
        { code: 'VALIDATION_FAILED', field: 'username', message: 'username 最多 64 个字符' },
        { code: 'UNKNOWN_FIELD', field: 'isAdmin', message: 'isAdmin 不是可接受的字段' },
      ]),
    );
    expect(en.body.errors).toEqual(expect.arrayContaining([{ code: 'UNKNOWN_FIELD', field: 'isAdmin', message: 'isAdmin is not an accepted field' }]));
    expect(zh.body.message).toContain('username 最多 64 个字符');
  });

  it('explains a bad money amount in Chinese with the field, the places and an example', async () => {
    const res = await t.http().post('/api/tools/price-figures').send({ price: 12500000, startPrice: '10000000.00', area: '20000.00' }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'price' });
    expect(res.body.message).toBe('price 必须是金额字符串（最多 2 位小数，不小于 0.01），例如 "12500000.00"；不能是 JSON 数字');
  });

  it('localizes the platform’s own errors: unknown routes, malformed JSON', async () => {
    const missing = await t.http().get('/api/no-such-thing').expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', message: '请求的资源不存在' });
    const english = await t.http().get('/api/no-such-thing').set('accept-language', 'en').expect(404);
    expect(english.body.code).toBe('NOT_FOUND');
    expect(english.body.message).toMatch(/Cannot GET/);
    const malformed = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"username": ').expect(400);
    expect(malformed.body).toMatchObject({ code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' });
  });

  it('answers socket acknowledgements in the language of the handshake, with the same codes', async () => {
    const url = await listen(t);
    const ack = async (language?: string) => {
      const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: language ? { 'accept-language': language } : {} });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        return (await socket.timeout(10_000).emitWithAck('bid:place', { lotId: '00000000-0000-4000-8000-000000000000', clientBidId: 'c1', price: '1.00' })) as Record<string, unknown>;
      } finally {
        socket.close();
      }
    };
    expect(await ack()).toEqual({ ok: false, code: 'LOT_NOT_FOUND', field: 'lotId', message: '标的不存在或尚未发布' });
    expect(await ack('en-GB,en;q=0.9')).toEqual({ ok: false, code: 'LOT_NOT_FOUND', field: 'lotId', message: 'lot 00000000-0000-4000-8000-000000000000 does not exist or is not published' });
    const invalid = await (async () => {
      const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const answer = (await socket.timeout(10_000).emitWithAck('lot:join', { lotId: 42 })) as Record<string, unknown>;
      socket.close();
      return answer;
    })();
    expect(invalid).toMatchObject({ ok: false, field: 'lotId' });
    expect(String(invalid['message'])).toMatch(/[\u4e00-\u9fff]/);
  });
});
