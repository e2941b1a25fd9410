import { describe, expect, it } from 'vitest';
import { canonicalEvent, canonicalJson } from './canonical';
import { verifyChain, type ChainLink } from './chain';
import { drawIndex, lotteryCommitment, verifyDraw } from './lottery';
import { verifyReserve } from './reserve';
import { sha256Hex } from './sha256';
import vectors from './test-vectors.json';

// The vectors are the server's answers (test/disclosure/verify-vectors.e2e-spec.ts checks them there).
const links = vectors.chain.links as ChainLink[];
const head = { length: vectors.chain.length, head: vectors.chain.head };

describe('SHA-256 in the browser', () => {
  it('matches the known digest of "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('canonical form', () => {
  it('gives the published example exactly, and its hash', async () => {
    const { seq, event, canonical, hash } = vectors.specExample;
    expect(canonicalEvent(seq, event)).toBe(canonical);
    expect(await sha256Hex(canonical)).toBe(hash);
  });

  it('sorts keys at every depth, keeps arrays in order, writes -0 as 0 and refuses fractions', () => {
    expect(canonicalJson({ z: ['b', 'a'], a: { y: 1, x: -0, n: null, u: undefined } })).toBe('{"a":{"n":null,"x":0,"y":1},"z":["b","a"]}');
    expect(() => canonicalJson({ price: 1.5 })).toThrow(/safe integers/);
  });
});

describe('the bid hash chain', () => {
  it('verifies the server’s chain, link by link, up to the published head', async () => {
    expect(await verifyChain(links, head)).toEqual({ ok: true, checked: 7, lastHash: vectors.chain.head, headMatches: true });
  });

  it('flags a bid whose price was changed, at that very link', async () => {
    const tampered = links.map((l) => (l.seq === 2 ? { ...l, event: { ...l.event, price: '10100000.01' } } : l));
    expect(await verifyChain(tampered, head)).toMatchObject({ ok: false, seq: 2, problem: 'hash_mismatch', checked: 1, found: links[1]!.hash });
  });

  it('flags a removed event, a relinked event and a truncated chain', async () => {
    expect(await verifyChain([links[0]!, ...links.slice(2)], head)).toMatchObject({ ok: false, seq: 3, problem: 'seq_gap' });
    const relinked = links.map((l) => (l.seq === 4 ? { ...l, prevHash: '0'.repeat(64) } : l));
    expect(await verifyChain(relinked, head)).toMatchObject({ ok: false, seq: 4, problem: 'prev_mismatch' });
    expect(await verifyChain(links.slice(0, 5), head)).toMatchObject({ ok: true, headMatches: false });
  });

  it('flags a non-canonical event (a fractional number)', async () => {
    const bad = links.map((l) => (l.seq === 1 ? { ...l, event: { ...l.event, secondsLeft: 0.5 } } : l));
    expect(await verifyChain(bad, head)).toMatchObject({ ok: false, seq: 1, problem: 'not_canonical' });
  });
});

describe('the reserve commitment', () => {
  it('recomputes the server’s commitment from the revealed value and salt', async () => {
    const r = vectors.reserve;
    const check = await verifyReserve(r.lotId, r.value, r.salt, r.commitment);
    expect(check).toEqual({ canonical: `land-reserve-v1|${r.lotId}|${r.value}|${r.salt}`, computed: r.commitment, matches: true });
  });

  it('does not match another value', async () => {
    const r = vectors.reserve;
    expect((await verifyReserve(r.lotId, '12340000.00', r.salt, r.commitment)).matches).toBe(false);
  });
});

describe('the lottery draw', () => {
  const l = vectors.lottery;
  it('recomputes the seed commitment and the winner’s index', async () => {
    expect(await lotteryCommitment(l.seedHex)).toBe(l.commitment);
    expect(await drawIndex(l.seedHex, l.entrants)).toBe(l.index);
    expect(await verifyDraw(l, l.commitment)).toMatchObject({ matches: true, winnerNumber: l.winnerNumber, earlierCommitmentMatches: true });
  });

  it('refuses a draw whose seed is not the committed one, or whose winner was changed', async () => {
    expect((await verifyDraw(l, '0'.repeat(64))).matches).toBe(false);
    const other = l.entrants.find((e) => e !== l.winnerNumber)!;
    expect((await verifyDraw({ ...l, winnerNumber: other }, l.commitment)).matches).toBe(false);
    expect((await verifyDraw({ ...l, entrants: [...l.entrants].reverse() }, l.commitment)).entrantsSorted).toBe(false);
  });
});
