/**
 * `npm run bench`: load and latency figures of live bidding (issue 5), measured side by side in one
 * run on one PostgreSQL (embedded unless DATABASE_URL is set) and one API instance. Prints JSON and a
 * short table. Not part of `npm test`: these machines are shared, so figures are compared within a run.
 *
 *   limit        the bare serialized transaction on one row (lock, insert, update, commit), same pool size
 *   engine       accepted and decided bids/s on one hot lot with 50 bidders over socket.io
 *   latency      bid→ack p50/p99 at half the engine's accepted rate; bid→spectator p50/p99 with N spectators
 *   aggregate    accepted bids/s over 100 lots bid on at once
 *
 * Settings: BENCH_SECONDS (5), BENCH_SPECTATORS (1000), BENCH_LOTS (100).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TokenService } from '@app/auth';
import { AuctionClock } from '@app/bidding';
import { buildDataSourceOptions, createDatabase, dropDatabase, runMigrations, startEmbeddedPostgres, withDatabase, type RunningPostgres } from '@app/database';
import { createApp } from '../apps/api/src/bootstrap';
import { loadConfig } from '../apps/api/src/config/app-config';
import { MIGRATIONS } from '../migrations';
import { benchBidders, benchLots } from './fixtures';
import { nowMs, percentile, rate } from './stats';

const SECONDS = Number.parseInt(process.env.BENCH_SECONDS ?? '5', 10);
const SPECTATORS = Number.parseInt(process.env.BENCH_SPECTATORS ?? '1000', 10);
const LOTS = Number.parseInt(process.env.BENCH_LOTS ?? '100', 10);
const POOL_SIZE = 20;

type Ack = { ok: boolean; seq?: number; price?: string; code?: string };

function connect(url: string, token?: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const absMs = () => performance.timeOrigin + performance.now();
const fen = (price: string) => BigInt(price.replace('.', ''));
const yuan = (f: bigint) => `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;
const INC = 100_000n; // 1000.00 yuan in fen

async function measureLimit(url: string): Promise<{ txPerSecond: number; transactions: number }> {
  const pool = new Pool({ connectionString: url, max: POOL_SIZE });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_counter (id int PRIMARY KEY, n bigint NOT NULL)`);
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_row (id bigserial PRIMARY KEY, counter_id int NOT NULL, n bigint NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  await pool.query(`INSERT INTO bench_counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0`);
  let done = 0;
  const until = nowMs() + SECONDS * 1000;
  const started = nowMs();
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (nowMs() < until) {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          const [row] = (await c.query(`SELECT n FROM bench_counter WHERE id = 1 FOR UPDATE`)).rows as Array<{ n: string }>;
          await c.query(`INSERT INTO bench_row (counter_id, n, payload) VALUES (1, $1, $2)`, [Number(row.n) + 1, JSON.stringify({ price: '10000000.00' })]);
          await c.query(`UPDATE bench_counter SET n = n + 1 WHERE id = 1`);
          await c.query('COMMIT');
          done++;
        } finally {
          c.release();
        }
      }
    }),
  );
  const elapsed = nowMs() - started;
  await pool.end();
  return { txPerSecond: rate(done, elapsed), transactions: done };
}

/**
 * Bidders loop on one lot, each awaiting its ack before its next bid. Prices come from one ladder
 * shared by the bidders of the lot (the next rung at send time), so most bids are valid and the
 * figure measures the engine, not the bidders' guesswork; a bid that loses the race is refused.
 */
async function hammer(url: string, lotId: string, tokens: readonly string[], seconds: number) {
  const sockets = await Promise.all(tokens.map((tk) => connect(url, tk)));
  let rung = 1_000_000_000n - INC;
  for (const s of sockets) {
    const joined = (await s.timeout(30_000).emitWithAck('lot:join', { lotId })) as { snapshot: { currentPrice: string | null } };
    if (joined.snapshot.currentPrice && fen(joined.snapshot.currentPrice) > rung) rung = fen(joined.snapshot.currentPrice);
  }
  let accepted = 0;
  let decided = 0;
  const until = nowMs() + seconds * 1000;
  const started = nowMs();
  await Promise.all(
    sockets.map(async (s, i) => {
      let n = 0;
      while (nowMs() < until) {
        rung += INC;
        const ack = (await s.timeout(30_000).emitWithAck('bid:place', { lotId, clientBidId: `h${i}-${n++}`, price: yuan(rung) })) as Ack;
        decided++;
        if (ack.ok) accepted++;
      }
    }),
  );
  const elapsed = nowMs() - started;
  sockets.forEach((s) => s.disconnect());
  return { accepted, decided, elapsedMs: elapsed };
}

/**
 * Two bidders take turns at a fixed pace while a crowd of spectators (in a child process) watches.
 * Bid→ack is measured here; bid→spectator from the absolute send time to each spectator's receive time.
 */
async function paced(url: string, lotId: string, tokens: readonly string[], perSecond: number, spectators: number, seconds: number) {
  let crowd: ChildProcess | undefined;
  let report: Promise<{ received: number[]; times: Record<string, number[]> }> | undefined;
  if (spectators > 0) {
    const child = fork(path.join(__dirname, 'spectators.js'), [url, lotId, String(spectators)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    crowd = child;
    await new Promise<void>((resolve, reject) => {
      child.once('message', (m: { type: string }) => (m.type === 'ready' ? resolve() : reject(new Error('spectators failed'))));
      child.once('exit', (code) => reject(new Error(`spectators exited with ${code}`)));
    });
    report = new Promise((resolve) => child.on('message', (m: { type: string; received: number[]; times: Record<string, number[]> }) => m.type === 'report' && resolve(m)));
  }
  const bidders = await Promise.all(tokens.slice(0, 2).map((tk) => connect(url, tk)));
  let price = 1_000_000_000n;
  for (const b of bidders) {
    const joined = (await b.timeout(30_000).emitWithAck('lot:join', { lotId })) as { snapshot: { currentPrice: string | null } };
    if (joined.snapshot.currentPrice) price = fen(joined.snapshot.currentPrice) + INC;
  }
  const ackMs: number[] = [];
  const sentAt = new Map<number, number>();
  let accepted = 0;
  const interval = 1000 / perSecond;
  const started = nowMs();
  for (let n = 0; nowMs() - started < seconds * 1000; n++) {
    const wait = started + n * interval - nowMs();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = nowMs();
    const sent = absMs();
    const ack = (await bidders[n % 2].timeout(30_000).emitWithAck('bid:place', { lotId, clientBidId: `p-${n}`, price: yuan(price) })) as Ack;
    ackMs.push(nowMs() - t0);
    if (ack.ok && ack.seq !== undefined) {
      accepted++;
      sentAt.set(ack.seq, sent);
      price += INC;
    }
  }
  bidders.forEach((s) => s.disconnect());
  const toSpectator: number[] = [];
  let everyBroadcastDelivered = true;
  if (crowd && report) {
    crowd.send({ type: 'report', expected: accepted });
    const r = await report;
    if (process.env.BENCH_DEBUG) process.stderr.write(`crowd: accepted ${accepted}, received min ${Math.min(...r.received)} max ${Math.max(...r.received)}, seqs ${Object.keys(r.times).length}, sent ${sentAt.size}\n`);
    everyBroadcastDelivered = r.received.every((count) => count === accepted);
    for (const [seq, list] of Object.entries(r.times)) {
      const t0 = sentAt.get(Number(seq));
      if (t0 !== undefined) for (const at of list) toSpectator.push(at - t0);
    }
  }
  return {
    bidsPerSecond: perSecond,
    accepted,
    ack: { p50: percentile(ackMs, 50), p99: percentile(ackMs, 99) },
    spectators,
    spectator: { p50: percentile(toSpectator, 50), p99: percentile(toSpectator, 99) },
    everyBroadcastDelivered,
    deliveries: toSpectator.length,
  };
}

/**
 * Trading starts now for these lots (their bidders are qualified by then), and the clock opens them —
 * the instance's own timer may be running the clock at that moment, so wait until all are open.
 */
async function opened(ds: DataSource, clock: AuctionClock, lotIds: readonly string[]): Promise<void> {
  await ds.query(`UPDATE lot SET trading_start = clock_timestamp() WHERE id = ANY($1::uuid[])`, [lotIds]);
  const until = Date.now() + 20_000;
  for (;;) {
    await clock.runOnce(lotIds.length + 10);
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM lot WHERE id = ANY($1::uuid[]) AND phase = 'auction_round'`, [lotIds])) as Array<{ n: number }>;
    if (n === lotIds.length) return;
    if (process.env.BENCH_DEBUG) process.stderr.write(`opened ${n}/${lotIds.length}\n`);
    if (Date.now() > until) throw new Error(`only ${n} of ${lotIds.length} lots opened`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'land-bench-'));
  let pg: RunningPostgres | undefined;
  let adminUrl: string;
  if (process.env.DATABASE_URL) adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  else {
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: 0, password: 'bench', persistent: false });
    adminUrl = pg.url;
  }
  const dbName = `land_bench_${process.pid}`;
  await createDatabase(adminUrl, dbName);
  const url = withDatabase(adminUrl, dbName);
  await runMigrations(buildDataSourceOptions({ url, migrations: MIGRATIONS }));
  const appConfig = loadConfig({
    LOG_LEVEL: 'warn',
    DEMO: 'off',
    PORT: '0',
    DATA_DIR: dir,
    SOCKET_ADAPTER: 'none',
    CLOCK_INTERVAL_MS: '100',
    BID_RATE_PER_SECOND: '10000',
    BID_BURST: '10000',
    DB_POOL_SIZE: String(POOL_SIZE),
  });
  const app = await createApp({
    ...appConfig,
    databaseUrl: url,
    jwtSecret: randomBytes(32).toString('hex'),
    reserveKey: randomBytes(32),
    bankNoticeSecret: randomBytes(32).toString('hex'),
    embeddedDatabase: Boolean(pg),
  });
  await app.listen(0, '127.0.0.1');
  const wsUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/auction`;
  const ds = app.get<DataSource>(getDataSourceToken());
  const tokens = app.get(TokenService);
  const clock = app.get(AuctionClock);

  process.stderr.write('limit …\n');
  const limit = await measureLimit(url);

  process.stderr.write('engine …\n');
  const [hot, pacedLot] = await benchLots(ds, 2, 'hot');
  const hotTokens = await benchBidders(ds, tokens, [hot, pacedLot], 50, 'hot');
  await opened(ds, clock, [hot, pacedLot]);
  const engine = await hammer(wsUrl, hot, hotTokens, SECONDS);
  const acceptedRate = rate(engine.accepted, engine.elapsedMs);

  process.stderr.write('latency …\n');
  const half = Math.max(1, Math.round(acceptedRate / 2));
  const atHalf = await paced(wsUrl, pacedLot, hotTokens, half, 0, SECONDS);
  const [watched] = await benchLots(ds, 1, 'watched');
  const watchedTokens = await benchBidders(ds, tokens, [watched], 2, 'watch');
  await opened(ds, clock, [watched]);
  const spectatorRate = Math.min(half, 50);
  const withSpectators = await paced(wsUrl, watched, watchedTokens, spectatorRate, SPECTATORS, SECONDS);
  // 5,000 spectators when asked (BENCH_MORE_SPECTATORS=5000): the crowd runs in its own process.
  const more = Number.parseInt(process.env.BENCH_MORE_SPECTATORS ?? '0', 10);
  let withMore: Awaited<ReturnType<typeof paced>> | undefined;
  if (more > 0) {
    const [crowded] = await benchLots(ds, 1, 'crowded');
    const crowdedTokens = await benchBidders(ds, tokens, [crowded], 2, 'crowd');
    await opened(ds, clock, [crowded]);
    withMore = await paced(wsUrl, crowded, crowdedTokens, spectatorRate, more, SECONDS);
  }

  process.stderr.write('aggregate …\n');
  const many = await benchLots(ds, LOTS, 'many');
  const manyTokens = await benchBidders(ds, tokens, many, 4, 'many');
  await opened(ds, clock, many);
  const runs = await Promise.all(many.map((lotId) => hammer(wsUrl, lotId, manyTokens, SECONDS)));
  const aggAccepted = runs.reduce((s, r) => s + r.accepted, 0);
  const aggElapsed = Math.max(...runs.map((r) => r.elapsedMs));

  const figures = {
    machine: { cpus: (await import('node:os')).cpus().length, database: pg ? 'embedded PostgreSQL' : 'DATABASE_URL' },
    limit: { transactionsPerSecond: limit.txPerSecond, note: 'lock one row, insert a row, update it, commit; pool of 20, 50 workers' },
    engine: {
      bidders: 50,
      acceptedBidsPerSecond: acceptedRate,
      decidedBidsPerSecond: rate(engine.decided, engine.elapsedMs),
      ratioToLimit: Math.round((acceptedRate / limit.txPerSecond) * 100) / 100,
    },
    latencyAtHalfRate: { bidsPerSecond: half, ackP50Ms: atHalf.ack.p50, ackP99Ms: atHalf.ack.p99, accepted: atHalf.accepted },
    latencyWithSpectators: {
      spectators: withSpectators.spectators,
      bidsPerSecond: spectatorRate,
      ackP50Ms: withSpectators.ack.p50,
      ackP99Ms: withSpectators.ack.p99,
      spectatorP50Ms: withSpectators.spectator.p50,
      spectatorP99Ms: withSpectators.spectator.p99,
      deliveries: withSpectators.deliveries,
      everyBroadcastDelivered: withSpectators.everyBroadcastDelivered,
    },
    ...(withMore ? { latencyWithMoreSpectators: { spectators: withMore.spectators, spectatorP50Ms: withMore.spectator.p50, spectatorP99Ms: withMore.spectator.p99, ackP99Ms: withMore.ack.p99, everyBroadcastDelivered: withMore.everyBroadcastDelivered } } : {}),
    aggregate: { lots: LOTS, biddersPerLot: 4, acceptedBidsPerSecond: rate(aggAccepted, aggElapsed) },
    targets: {
      ratioAtLeastHalf: acceptedRate / limit.txPerSecond >= 0.5,
      ackP99Under50MsAtHalfRate: (atHalf.ack.p99 ?? Infinity) < 50,
      everyBroadcastDelivered: withSpectators.everyBroadcastDelivered,
    },
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n\n`);
  const rows: Array<[string, string]> = [
    ['limit (bare serialized tx/s)', String(figures.limit.transactionsPerSecond)],
    ['engine accepted bids/s (1 lot, 50 bidders)', String(acceptedRate)],
    ['engine decided bids/s', String(figures.engine.decidedBidsPerSecond)],
    ['engine / limit', String(figures.engine.ratioToLimit)],
    [`bid→ack p50 / p99 at ${half}/s (ms)`, `${atHalf.ack.p50} / ${atHalf.ack.p99}`],
    [`bid→spectator p50 / p99, ${withSpectators.spectators} spectators (ms)`, `${withSpectators.spectator.p50} / ${withSpectators.spectator.p99}`],
    ['every broadcast delivered', String(withSpectators.everyBroadcastDelivered)],
    ...(withMore
      ? ([
          [`bid→spectator p50 / p99, ${withMore.spectators} spectators (ms)`, `${withMore.spectator.p50} / ${withMore.spectator.p99}`],
          [`every broadcast delivered (${withMore.spectators})`, String(withMore.everyBroadcastDelivered)],
        ] as Array<[string, string]>)
      : []),
    [`aggregate accepted bids/s (${LOTS} lots)`, String(figures.aggregate.acceptedBidsPerSecond)],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);

  await app.close();
  await dropDatabase(adminUrl, dbName).catch(() => undefined);
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error).stack ?? err)}\n`);
  process.exit(1);
});
