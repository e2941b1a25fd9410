import { createTestApp, type TestApp } from '../support/test-app';

describe('platform basics over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports the database as up on /api/health, with the server time', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
    expect(Math.abs(Date.parse(res.body.serverTime) - Date.now())).toBeLessThan(60_000);
  });

  it('serves the OpenAPI document at /api/docs-json and the UI at /api/docs', async () => {
    const json = await t.http().get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/audit']));
    const ui = await t.http().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers unknown routes with a coded 404 body', async () => {
    const res = await t.http().get('/api/no-such-thing').expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    expect(typeof res.body.requestId).toBe('string');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON and no stack trace', async () => {
    const res = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"username": ').expect(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses fields a DTO does not declare, naming the field', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'a', password: 'b', isAdmin: true }).expect(400);
    expect(res.body).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'isAdmin' });
  });

  it('echoes a caller-supplied request id and sets security headers', async () => {
    const res = await t.http().get('/api/health').set('x-request-id', 'trace-abc-123').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
