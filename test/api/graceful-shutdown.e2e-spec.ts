import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { connect } from '../support/trading';

const root = path.resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface LogLine {
  level?: number;
  msg?: string;
  context?: string;
}

/**
 * `npm start`'s own entry point (apps/api/src/main.ts) in its own process, on its own embedded
 * PostgreSQL, with the demo running (simulated bidders, the auction clock, the settlement timer and the
 * PostgreSQL socket adapter): everything that is live when an operator stops the platform.
 */
describe('stopping the platform with SIGTERM', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'land-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops accepting, drains, closes sockets, pools and the embedded PostgreSQL, and exits 0 without an error log', async () => {
    const child = spawn(process.execPath, ['-r', path.join(root, 'test/support/ts-hook.js'), path.join(root, 'apps/api/src/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
        PORT: '0',
        HOST: '127.0.0.1',
        DEMO: 'on',
        LOG_LEVEL: 'info',
        CLOCK_INTERVAL_MS: '100',
        SETTLEMENT_INTERVAL_MS: '200',
        SOCKET_ADAPTER: 'postgres',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const match = /is running at (http:\/\/\S+)/.exec(stdout);
        if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
      });
      void exited.then(({ code }) => reject(new Error(`the platform exited with ${code} before it ran: ${stderr}`)));
    });

    // Live work at the moment of the signal: a spectator in the demo's live lot and an HTTP request.
    const announcements = await request(url).get('/api/public/announcements').expect(200);
    const detail = await request(url).get(announcements.body.items[0].url).expect(200);
    const live = (detail.body.lots as Array<{ id: string }>).find((l) => JSON.stringify(l).includes('SG-DEMO-L03'))!;
    const spectator = await connect(`${url}/auction`);
    expect(await spectator.emit('lot:join', { lotId: live.id })).toMatchObject({ ok: true });
    await request(url).get('/api/health').expect(200);

    const disconnected = new Promise<void>((resolve) => spectator.socket.once('disconnect', () => resolve()));
    child.kill('SIGTERM');
    const { code, signal } = await exited;
    await disconnected;
    spectator.socket.close();

    const lines = stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
    const problems = lines.filter((l) => (l.level ?? 0) >= 40).map((l) => JSON.stringify(l).slice(0, 300));
    expect({ code, signal, problems, stderr }).toEqual({ code: 0, signal: null, problems: [], stderr: '' });
    expect(stdout).toContain('SIGTERM: shutting down');
  }, 180_000);
});
