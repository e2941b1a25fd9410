import { canonicalEvent, NotCanonicalError } from './canonical';
import { sha256Hex } from './sha256';

/** One published link of a lot's chain (GET /api/public/lots/:id/chain). */
export interface ChainLink {
  seq: number;
  prevHash: string | null;
  hash: string;
  event: Record<string, unknown>;
}

export type LinkProblem = 'seq_gap' | 'prev_mismatch' | 'hash_mismatch' | 'not_canonical';

export type ChainCheck =
  | { ok: true; checked: number; lastHash: string | null; headMatches: boolean }
  | { ok: false; checked: number; seq: number; problem: LinkProblem; expected?: string; found?: string };

/**
 * Recomputes every link of a published chain in the browser: `hash[n] = SHA-256(hash[n-1] ‖
 * canonical(event n with seq n))`, seq 1 linked to the empty string. Stops at the first broken link
 * and says which and why; otherwise compares the last hash and seq with the published head and length.
 */
export async function verifyChain(links: readonly ChainLink[], head: { length: number; head: string | null }): Promise<ChainCheck> {
  let prev: string | null = null;
  let checked = 0;
  for (const [i, link] of links.entries()) {
    if (link.seq !== i + 1) return { ok: false, checked, seq: link.seq, problem: 'seq_gap', expected: String(i + 1), found: String(link.seq) };
    if (link.prevHash !== prev) return { ok: false, checked, seq: link.seq, problem: 'prev_mismatch', expected: prev ?? '', found: link.prevHash ?? '' };
    let text: string;
    try {
      text = canonicalEvent(link.seq, link.event);
    } catch (e) {
      if (e instanceof NotCanonicalError) return { ok: false, checked, seq: link.seq, problem: 'not_canonical', found: e.message };
      throw e;
    }
    const hash = await sha256Hex((prev ?? '') + text);
    if (hash !== link.hash) return { ok: false, checked, seq: link.seq, problem: 'hash_mismatch', expected: hash, found: link.hash };
    prev = hash;
    checked += 1;
  }
  return { ok: true, checked, lastHash: prev, headMatches: checked === head.length && prev === head.head };
}
