import { createHash } from 'node:crypto';
import { DomainError } from '@app/common/domain-error';
import type { EngineEvent } from './events';
import { area, m, plus, ratio, SECOND, T0 } from './engine.fixtures';
import { canonicalEvent, canonicalJson, chainEvents, chainHash, verifyChain } from './hash-chain';

const bidEvent: EngineEvent = {
  type: 'bid:accepted',
  at: new Date('2025-10-14T07:00:00Z'),
  phase: 'auction_round',
  price: m('12500000.00'),
  bidderNumber: '007',
  deadline: new Date('2025-10-14T07:01:00Z'),
};

const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonical form', () => {
  it('sorted keys, no whitespace, decimals as fixed-place strings, instants as ISO 8601 UTC with milliseconds', () => {
    expect(canonicalEvent(3, bidEvent)).toBe(
      '{"at":"2025-10-14T07:00:00.000Z","bidderNumber":"007","deadline":"2025-10-14T07:01:00.000Z","phase":"auction_round","price":"12500000.00","seq":3,"type":"bid:accepted"}',
    );
  });

  it('areas with 2 places, ratios with 4, nested objects sorted, arrays in order, undefined left out', () => {
    expect(canonicalJson({ z: [area('1000'), ratio('0.15')], a: { y: 1, b: undefined, x: true }, n: null })).toBe(
      '{"a":{"x":true,"y":1},"n":null,"z":["1000.00","0.1500"]}',
    );
  });

  it('is the same for the event and its JSON round trip', () => {
    const parsed: unknown = JSON.parse(JSON.stringify(bidEvent));
    expect(canonicalJson(parsed)).toBe(canonicalJson(bidEvent));
  });

  it('refuses fractions, NaN, bigint and class instances without a decimal form', () => {
    expect(() => canonicalJson({ price: 1.5 })).toThrow(DomainError);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(DomainError);
    expect(() => canonicalJson({ n: 1n })).toThrow(DomainError);
    expect(() => canonicalJson({ m: new Map() })).toThrow(DomainError);
    expect(() => canonicalJson({ d: new Date('x') })).toThrow(DomainError);
  });
});

describe('the chain', () => {
  it('chainHash is sha256(prev ‖ canonical), recomputable with node:crypto alone', () => {
    const first = chainHash(null, 1, bidEvent);
    expect(first).toBe(sha(canonicalEvent(1, bidEvent)));
    const second = chainHash(first, 2, bidEvent);
    expect(second).toBe(sha(first + canonicalEvent(2, bidEvent)));
  });

  it('the first event, and only it, has no previous hash', () => {
    expect(() => chainHash(null, 2, bidEvent)).toThrow(DomainError);
    expect(() => chainHash('0'.repeat(64), 1, bidEvent)).toThrow(DomainError);
    expect(() => chainHash('XYZ', 2, bidEvent)).toThrow(DomainError);
  });

  const events: EngineEvent[] = [
    { type: 'phase:changed', at: T0, from: 'applying', to: 'auction_round', deadline: plus(T0, 60 * SECOND) },
    bidEvent,
    { type: 'lot:closed', at: plus(T0, 120 * SECOND), outcome: 'sold', price: m('12500000.00'), winnerNumber: '007' },
  ];

  it('verifies a well-formed log, from the start or after a known event', () => {
    const chained = chainEvents(events);
    expect(verifyChain(chained)).toEqual({ ok: true, lastSeq: 3, lastHash: chained[2].hash });
    expect(verifyChain(chained.slice(1), { seq: 1, hash: chained[0].hash })).toMatchObject({ ok: true, lastSeq: 3 });
    const more = chainEvents(events, { seq: 3, hash: chained[2].hash });
    expect(more[0].seq).toBe(4);
    expect(verifyChain([...chained, ...more])).toMatchObject({ ok: true, lastSeq: 6 });
  });

  it('verifies the published JSON of the log', () => {
    const published: unknown = JSON.parse(JSON.stringify(chainEvents(events)));
    expect(verifyChain(published as ReturnType<typeof chainEvents>)).toMatchObject({ ok: true });
  });

  it('finds the first altered event', () => {
    const chained = chainEvents(events);
    const altered = chained.map((c) => (c.seq === 2 ? { ...c, event: { ...bidEvent, price: m('12500000.01') } } : c));
    expect(verifyChain(altered)).toEqual({ ok: false, seq: 2, reason: 'hash_mismatch' });
  });

  it('finds a gap or a reordering in seq', () => {
    const chained = chainEvents(events);
    expect(verifyChain([chained[0], chained[2]])).toEqual({ ok: false, seq: 3, reason: 'seq_gap' });
    expect(verifyChain([chained[1], chained[0]])).toEqual({ ok: false, seq: 2, reason: 'seq_gap' });
  });

  it('a removed event breaks the chain at the next one even if seqs are renumbered', () => {
    const chained = chainEvents(events);
    const renumbered = [chained[0], { ...chained[2], seq: 2 }];
    expect(verifyChain(renumbered)).toEqual({ ok: false, seq: 2, reason: 'hash_mismatch' });
  });
});
