/**
 * A crowd of spectators in its own process (so their work does not slow the server being measured):
 * `node dist/bench/spectators.js <url> <lotId> <count>`. Reports through IPC: 'ready' once every
 * spectator joined, then on 'report' the absolute receive times (ms since the epoch) of each seq.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

const [url, lotId, countText] = process.argv.slice(2);
const count = Number.parseInt(countText, 10);
const abs = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const sockets: Socket[] = [];
  const times = new Map<number, number[]>();
  const received: number[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, count - i) }, (_, j) => {
        const idx = i + j;
        received[idx] = 0;
        const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
        s.on('bid:accepted', (e: { seq: number }) => {
          received[idx]++;
          const list = times.get(e.seq) ?? [];
          list.push(abs());
          times.set(e.seq, list);
        });
        return new Promise<Socket>((resolve, reject) => {
          s.once('connect', () => resolve(s));
          s.once('connect_error', reject);
        });
      }),
    );
    sockets.push(...batch);
  }
  await Promise.all(sockets.map((s) => s.timeout(60_000).emitWithAck('lot:join', { lotId })));
  process.send?.({ type: 'ready' });
  process.on('message', (m: { type: string; expected?: number }) => {
    if (m.type !== 'report') return;
    // Wait (up to 30 s) until every spectator has what was sent: frames may still be in flight.
    const until = Date.now() + 30_000;
    const finish = () => {
      if (received.some((r) => r < (m.expected ?? 0)) && Date.now() < until) return void setTimeout(finish, 100);
      process.send?.({ type: 'report', received, times: Object.fromEntries(times) }, () => {
        sockets.forEach((s) => s.disconnect());
        process.exit(0);
      });
    };
    finish();
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
