import { createHash } from 'node:crypto';
import { AuctionClock } from '@app/bidding';
import { AUCTION_TERMS, bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, moveDeadline, openTradingNow, publishedLot, qualifiedBidders, type Client } from '../support/trading';

/**
 * A verifier's view of `/api/public/lots/:id/chain`: with nothing but the published description of the
 * canonical form, it recomputes every hash of a real sale. The canonical JSON below is written from
 * that description, independently of libs/bidding/src/domain/hash-chain.ts.
 */

/** Canonical JSON as the published rules state it. */
function canonical(value: unknown): string {
  if (value === null) return 'null';
  if (value === true || value === false) return String(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
    return Object.is(value, -0) ? '0' : String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined);
    // ascending UTF-16 code units
    keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
  }
  throw new Error(`no canonical form for ${typeof value}`);
}

const hashOf = (link: string, event: Record<string, unknown>, seq: number) =>
  createHash('sha256').update(Buffer.from(link + canonical({ ...event, seq }), 'utf8')).digest('hex');

interface PublishedChain {
  lotId: string;
  length: number;
  head: string;
  canonicalForm: Record<string, unknown> & { example: { seq: number; event: Record<string, unknown>; canonical: string; hash: string } };
  events: Array<{ seq: number; prevHash: string | null; hash: string; event: Record<string, unknown> }>;
}

describe('the published canonical form of the hash chain', () => {
  let t: TestApp;
  let s: SaleBuilder;
  const open: Client[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    s = await new SaleBuilder(t).init('chainspec');
  });
  afterAll(async () => {
    open.forEach((c) => c.close());
    await t.close();
  });

  it('states every rule a verifier needs: hash, link and genesis, field order, whitespace, strings, numbers, decimals, instants', async () => {
    const lotId = await publishedLot(t, s, AUCTION_TERMS);
    const { body } = (await t.http().get(`/api/public/lots/${lotId}/chain`).expect(200)) as { body: PublishedChain };
    const spec = body.canonicalForm;
    expect(Object.keys(spec)).toEqual(
      expect.arrayContaining(['version', 'hash', 'link', 'canonical', 'whitespace', 'objects', 'arrays', 'strings', 'numbers', 'decimals', 'instants', 'literals', 'verification', 'example']),
    );
    expect(String(spec.hash)).toMatch(/SHA-256.*UTF-8.*64 lowercase hexadecimal/);
    expect(String(spec.link)).toMatch(/empty string/);
    expect(String(spec.link)).toMatch(/no separator/);
    expect(String(spec.decimals)).toMatch(/2 decimal places.*4/);
    // the worked example recomputes from the rules
    expect(canonical({ ...spec.example.event, seq: spec.example.seq })).toBe(spec.example.canonical);
    expect(hashOf('', spec.example.event, 1)).toBe(spec.example.hash);
  });

  it('recomputes every hash of a real sale — bids, a freeze with a Chinese reason, an increment change, the close — from the description alone', async () => {
    const url = await listen(t);
    const lotId = await publishedLot(t, s, { ...AUCTION_TERMS, countdownSeconds: 600 });
    const seats = await qualifiedBidders(t, lotId, 3, 'chainspec');
    await openTradingNow(t, lotId);
    const clients = await Promise.all(seats.map((seat) => connect(url, seat.token)));
    open.push(...clients);
    for (const c of clients) expect(await c.emit('lot:join', { lotId })).toMatchObject({ ok: true });
    expect(await clients[0].emit('bid:place', { lotId, clientBidId: 'c1', price: '9800000.00' })).toMatchObject({ ok: true });
    expect(await clients[1].emit('bid:place', { lotId, clientBidId: 'c2', price: '9850000.00' })).toMatchObject({ ok: true });
    await t.http().post(`/api/lots/${lotId}/trading/freeze`).set(bearer(s.tokens.supervisor)).send({ reason: '网络故障 "机房/2" \\ 暂停竞价' }).expect(201);
    await t.http().post(`/api/lots/${lotId}/trading/increment`).set(bearer(s.tokens.trading)).send({ increment: '100000.00', reason: '调整加价幅度' }).expect(201);
    await t.http().post(`/api/lots/${lotId}/trading/resume`).set(bearer(s.tokens.supervisor)).send({}).expect(201);
    expect(await clients[2].emit('bid:place', { lotId, clientBidId: 'c3', price: '9950000.00' })).toMatchObject({ ok: true });
    await moveDeadline(t, lotId, -1);
    await t.app.get(AuctionClock).runOnce();

    const { body } = (await t.http().get(`/api/public/lots/${lotId}/chain`).expect(200)) as { body: PublishedChain };
    expect(body.events.map((e) => e.event.type)).toEqual(
      expect.arrayContaining(['phase:changed', 'bid:accepted', 'increment:changed', 'deadline:extended', 'lot:closed']),
    );
    let link: string | null = null;
    body.events.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prevHash).toBe(link);
      expect(hashOf(link ?? '', e.event, e.seq)).toBe(e.hash);
      link = e.hash;
    });
    expect(body.length).toBe(body.events.length);
    expect(body.head).toBe(link);
    const [result] = (await t.dataSource.query(`SELECT chain_head, chain_length::int AS chain_length FROM result WHERE lot_id = $1`, [lotId])) as Array<{ chain_head: string; chain_length: number }>;
    expect(result).toEqual({ chain_head: body.head, chain_length: body.length });
    // a verifier that gets any rule wrong fails: e.g. a separator between the link and the event
    const withSeparator = createHash('sha256').update(`${body.events[0].hash}\n${canonical({ ...body.events[1].event, seq: 2 })}`, 'utf8').digest('hex');
    expect(withSeparator).not.toBe(body.events[1].hash);
  });
});
