import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { TokenService, UserEntity } from '@app/auth';
import { AuctionClock } from '@app/bidding';
import { seedQualifiedBidder } from '@app/qualification';
import { PARCEL_A } from './fixtures';
import { uscc } from './bidders';
import { AUCTION_TERMS, bearer, mondayAfter, type SaleBuilder } from './sale-builder';
import type { TestApp } from './test-app';

/** A qualified bidder made by the factory: its account, token, application and bidder number (号牌). */
export interface Seat {
  userId: string;
  username: string;
  token: string;
  applicationId: string;
  bidderNumber: string;
  name: string;
  creditCode: string;
}

let lotCounter = 0;

/** A published auction lot (real API: parcel, announcement, lot, publication). Returns its id. */
export async function publishedLot(t: TestApp, s: SaleBuilder, terms: Record<string, unknown> = AUCTION_TERMS, beforePublish?: (lotId: string) => Promise<void>): Promise<string> {
  const n = ++lotCounter;
  const parcelId = await s.readyParcel(PARCEL_A, `SG2026-T${process.pid % 1000}-${n}`);
  const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: `寿自然资告字〔2026〕T${process.pid % 1000}${n}号`, title: '国有建设用地使用权拍卖出让公告', body: '正文' }).expect(201);
  let schedule: Record<string, string>;
  if (terms.method === 'auction') schedule = await s.auctionSchedule(mondayAfter(30));
  else {
    const l = await s.listingSchedule(mondayAfter(30), 10);
    schedule =
      terms.method === 'listing'
        ? l
        : { applicationStart: l.applicationStart, applicationEnd: l.applicationEnd, depositDeadline: l.depositDeadline, tenderSubmissionStart: l.listingStart, tenderSubmissionDeadline: l.listingEnd, tenderOpening: l.listingEnd };
  }
  const lot = await t
    .http()
    .post(`/api/announcements/${a.body.id}/lots`)
    .set(bearer(s.tokens.trading))
    .send({ lotNumber: `T${process.pid % 1000}-${n}`, title: '寿光市测试地块', parcelIds: [parcelId], terms, schedule })
    .expect(201);
  if (beforePublish) await beforePublish(lot.body.id as string);
  await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
  return lot.body.id as string;
}

/**
 * `count` bidders qualified for the lot, written straight to the database (the qualification flow
 * itself is tested in test/qualification); tokens are issued by the real TokenService.
 */
let bidderSeed = 0;

export async function qualifiedBidders(t: TestApp, lotId: string, count: number, prefix: string, firstSeed = ++bidderSeed): Promise<Seat[]> {
  const tokens = t.app.get(TokenService);
  const seats: Seat[] = [];
  await t.dataSource.transaction(async (em) => {
    for (let i = 0; i < count; i++) {
      const username = `${prefix}.b${i + 1}`;
      const name = `${prefix}竞买人${i + 1}号有限公司`;
      const creditCode = uscc(firstSeed * 1000 + i);
      const bidderNumber = String(100 + ((firstSeed * 37 + i * 7) % 900)).padStart(3, '0') + String(i).padStart(2, '0');
      const seeded = await seedQualifiedBidder(em, { username, name, identifier: creditCode, kind: 'company', lots: [{ lotId, bidderNumber }] });
      const user = { id: seeded.userId };
      const app = { id: seeded.applications.get(lotId)! };
      const entity = await em.findOneByOrFail(UserEntity, { id: user.id });
      const pair = await tokens.issue(em, entity);
      seats.push({ userId: user.id, username, token: pair.accessToken, applicationId: app.id, bidderNumber, name, creditCode });
    }
  });
  return seats;
}

/**
 * Moves the lot's schedule so that trading opens now (applications closed before; a listing ends in an
 * hour), and lets the clock open it.
 */
export async function openTradingNow(t: TestApp, lotId: string): Promise<void> {
  await t.dataSource.query(
    `UPDATE lot SET application_start = now() - interval '3 hours', application_end = now() - interval '2 hours', deposit_deadline = now() - interval '2 hours',
                    registration_close = now() - interval '2 hours', reserve_seal_deadline = now() - interval '1 hour', trading_start = clock_timestamp(),
                    trading_end = CASE WHEN method = 'auction' THEN NULL ELSE clock_timestamp() + interval '1 hour' END WHERE id = $1`,
    [lotId],
  );
  // Another instance's clock may hold the lot's row right now (its run takes due lots with SKIP LOCKED,
  // so this run would skip it): run again until some clock has opened it.
  let phase = '';
  for (let attempt = 0; attempt < 50; attempt++) {
    await t.app.get(AuctionClock).runOnce();
    [{ phase }] = (await t.dataSource.query(`SELECT phase FROM lot WHERE id = $1`, [lotId])) as Array<{ phase: string }>;
    if (phase !== 'applying' && phase !== 'published') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`lot ${lotId} did not open (phase ${phase})`);
}

/** Time travel: a tender's public opening is now. */
export async function openingNow(t: TestApp, lotId: string): Promise<void> {
  await t.dataSource.query(
    `UPDATE lot SET trading_state = jsonb_set(trading_state, '{openingAt}', jsonb_build_object('$date', to_jsonb(clock_timestamp()))), opening_at = clock_timestamp(), due_at = clock_timestamp() WHERE id = $1`,
    [lotId],
  );
}

/** Time travel: the running phase's deadline becomes `offsetMs` from the database clock (state and columns alike). */
export async function moveDeadline(t: TestApp, lotId: string, offsetMs: number): Promise<Date> {
  const [row] = (await t.dataSource.query(
    `UPDATE lot SET trading_state = jsonb_set(trading_state, '{deadline}', jsonb_build_object('$date', to_jsonb(clock_timestamp() + make_interval(secs => $2::double precision / 1000)))),
                    deadline = clock_timestamp() + make_interval(secs => $2::double precision / 1000),
                    due_at = clock_timestamp() + make_interval(secs => $2::double precision / 1000)
      WHERE id = $1 RETURNING deadline`,
    [lotId, offsetMs],
  )) as Array<{ deadline: Date }>;
  return row.deadline;
}

/** Starts the app listening on a free port and returns the socket.io URL of the /auction namespace. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}/auction`;
}

export interface Client {
  socket: Socket;
  /** Every broadcast frame received, in arrival order. */
  frames: Array<{ event: string; data: Record<string, unknown> }>;
  emit<T = Record<string, unknown>>(event: string, payload: unknown): Promise<T>;
  /** Resolves when a frame matching `predicate` has arrived (already or later). */
  waitFor(predicate: (f: { event: string; data: Record<string, unknown> }) => boolean, timeoutMs?: number): Promise<{ event: string; data: Record<string, unknown> }>;
  close(): void;
}

export async function connect(url: string, token?: string): Promise<Client> {
  const socket = io(url, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true });
  const frames: Client['frames'] = [];
  const waiters: Array<{ predicate: Parameters<Client['waitFor']>[0]; resolve: (f: Client['frames'][number]) => void }> = [];
  socket.onAny((event: string, data: Record<string, unknown>) => {
    const frame = { event, data };
    frames.push(frame);
    for (const w of [...waiters]) {
      if (w.predicate(frame)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return {
    socket,
    frames,
    emit: <T>(event: string, payload: unknown) => socket.timeout(20_000).emitWithAck(event, payload) as Promise<T>,
    waitFor(predicate, timeoutMs = 20_000) {
      const found = frames.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timed out waiting for a frame')), timeoutMs);
        waiters.push({
          predicate,
          resolve: (f) => {
            clearTimeout(timer);
            resolve(f);
          },
        });
      });
    },
    close: () => socket.disconnect(),
  };
}

/** How instances of a multi-instance test share rooms: Redis where REDIS_URL is set, else the PostgreSQL adapter. */
export function sharedRoomsEnv(): Record<string, string> {
  const redis = process.env.REDIS_URL;
  return redis ? { SOCKET_ADAPTER: 'redis', REDIS_URL: redis } : { SOCKET_ADAPTER: 'postgres' };
}

export interface ChildInstance {
  url: string;
  process: ChildProcess;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts an API instance in its own process on the same database (see instance-main.ts). */
export async function spawnInstance(t: TestApp, env: Record<string, string>): Promise<ChildInstance> {
  const root = path.resolve(__dirname, '../..');
  const child = spawn(process.execPath, ['-r', path.join(root, 'test/support/ts-hook.js'), path.join(root, 'test/support/instance-main.ts')], {
    cwd: root,
    env: { ...process.env, INSTANCE_DATABASE_URL: t.db.url, INSTANCE_ENV: JSON.stringify(env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"port"'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}: ${stderr}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/auction`,
    process: child,
    kill: (signal) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
