import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CANONICAL_FORM_SPEC, verifyChain } from '@app/bidding/domain/hash-chain';
import { drawWinner, lotteryCommitment, verifyLotteryDraw } from '@app/bidding/domain/cap-modes';
import { verifyReserveCommitment } from '@app/listing/domain/reserve-price';

/**
 * The test vectors the browser's verifiers (apps/web/src/lib/verify, Vitest) are checked against are
 * the server's own answers: this spec recomputes each with the server code, so the two sides agree.
 */
const vectors = JSON.parse(readFileSync(path.resolve(__dirname, '../../apps/web/src/lib/verify/test-vectors.json'), 'utf8')) as {
  specExample: typeof CANONICAL_FORM_SPEC.example;
  chain: { length: number; head: string; links: Array<{ seq: number; prevHash: string | null; hash: string; event: object }> };
  reserve: { lotId: string; value: string; salt: string; commitment: string };
  lottery: { seedHex: string; commitment: string; entrants: string[]; index: number; winnerNumber: string };
};

describe('the browser verifiers’ test vectors are the server’s answers', () => {
  it('the canonical form’s published example', () => {
    expect(vectors.specExample).toEqual(JSON.parse(JSON.stringify(CANONICAL_FORM_SPEC.example)));
  });

  it('the chain: every link and the head', () => {
    const { links, length, head } = vectors.chain;
    expect(verifyChain(links)).toEqual({ ok: true, lastSeq: length, lastHash: head });
    links.forEach((l, i) => expect(l.prevHash).toBe(i === 0 ? null : links[i - 1]!.hash));
  });

  it('the reserve commitment', () => {
    const r = vectors.reserve;
    expect(verifyReserveCommitment(r.lotId, r.value, r.salt, r.commitment)).toBe(true);
  });

  it('the lottery draw', () => {
    const l = vectors.lottery;
    expect(lotteryCommitment(l.seedHex)).toBe(l.commitment);
    expect(drawWinner(l.seedHex, l.entrants)).toBe(l.index);
    expect(l.entrants[l.index]).toBe(l.winnerNumber);
    expect(verifyLotteryDraw(l.commitment, l.seedHex, l.entrants, l.index)).toBe(true);
  });
});
