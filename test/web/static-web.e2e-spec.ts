import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../apps/api/src/config/app-config';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The API serves the built web app at `/` (apps/api/src/web/static-web.ts): hashed assets cached for
 * a year, index.html never cached, deep links answered with index.html, and /api and /socket.io left
 * to the API. A throwaway build folder stands in for apps/web/dist, so this runs without a real build.
 */
describe('the web app served by the API', () => {
  let dir: string;
  let t: TestApp;
  const INDEX = '<!doctype html><html lang="zh-CN"><body><div id="root"></div><script type="module" src="/assets/index-Ab12Cd34.js"></script></body></html>';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'land-web-dist-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log("portal")');
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await createTestApp({ WEB_DIR: dir, WEB_TILE_URL: 'https://tiles.example.test/{z}/{x}/{y}.png' });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / with index.html, never cached, so a new build is picked up at once', async () => {
    const res = await t.http().get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toBe(INDEX);
  });

  it('answers a deep link with index.html, so the app routes it itself', async () => {
    for (const link of ['/lots/5d7f1c7e-1111-4111-8111-111111111111/live', '/bidder/applications', '/console/trading/lots?page=2']) {
      const res = await t.http().get(link).expect(200);
      expect(res.text).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a year of immutable cache, and other files without', async () => {
    const asset = await t.http().get('/assets/index-Ab12Cd34.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const icon = await t.http().get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('a missing asset is a 404, never index.html (a browser would run HTML as a script)', async () => {
    const res = await t.http().get('/assets/index-Gone9999.js').expect(404);
    expect(res.text).not.toContain('<div id="root">');
    await t.http().get('/robots.txt').expect(404);
  });

  it('unknown /api paths still answer a coded 404 in JSON, and the API routes still work', async () => {
    for (const p of ['/api/no-such-thing', '/api', '/api/public/nothing-here']) {
      const res = await t.http().get(p).expect(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await t.http().get('/api/health').expect(200)).body.status).toBe('ok');
  });

  it('leaves the verification page printed on a 成交确认书 (/verify) to the API', async () => {
    for (const p of ['/verify', '/verify/ABCD-EFGH-JKMN-PQRS']) {
      const res = await t.http().get(p);
      expect(res.text).not.toContain('<div id="root">');
      expect(res.text).toContain('验证');
    }
  });

  it('leaves /socket.io to socket.io', async () => {
    const res = await t.http().get('/socket.io/?EIO=4&transport=polling');
    expect(res.text).not.toContain('<div id="root">');
  });

  it('does not answer other methods with the app', async () => {
    const res = await t.http().post('/lots/x/live').send({}).expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('publishes the base-map tile URL (WEB_TILE_URL) to the browser', async () => {
    expect((await t.http().get('/api/public/web-config').expect(200)).body).toEqual({ tileUrl: 'https://tiles.example.test/{z}/{x}/{y}.png' });
  });
});

describe('web settings', () => {
  it('serves no web app with WEB_DIR=off or without a build, and / stays a 404', async () => {
    for (const WEB_DIR of ['off', path.join(tmpdir(), 'land-no-such-build')]) {
      const t = await createTestApp({ WEB_DIR });
      try {
        await t.http().get('/').expect(404);
        await t.http().get('/lots/x/live').expect(404);
        expect((await t.http().get('/api/public/web-config').expect(200)).body).toEqual({ tileUrl: null });
      } finally {
        await t.close();
      }
    }
  });

  it('refuses a tile URL without its {z}/{x}/{y} placeholders, naming the setting', () => {
    expect(() => loadConfig({ WEB_TILE_URL: 'https://tiles.example.test/tile.png' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEB_TILE_URL: 'javascript:alert(1)//{z}{x}{y}' })).toThrow(/WEB_TILE_URL must be/);
    expect(loadConfig({ WEB_TILE_URL: '/tiles/{z}/{x}/{y}.png' }).webTileUrl).toBe('/tiles/{z}/{x}/{y}.png');
  });
});
