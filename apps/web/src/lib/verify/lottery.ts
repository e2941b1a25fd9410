import { concatBytes, hexToBytes, sha256Hex, utf8 } from './sha256';

/**
 * The 摇号 draw (libs/bidding/src/domain/cap-modes.ts): the commitment published before the window
 * closes is SHA-256 of the 32 seed bytes; the winner's index among the sorted entrants is
 * SHA-256(seed bytes ‖ UTF-8(entrants joined by ",")) read as a big-endian integer, mod their number.
 */
export async function lotteryCommitment(seedHex: string): Promise<string> {
  return sha256Hex(hexToBytes(seedHex));
}

export async function drawIndex(seedHex: string, entrants: readonly string[]): Promise<number> {
  const digest = await sha256Hex(concatBytes(hexToBytes(seedHex), utf8(entrants.join(','))));
  return Number(BigInt(`0x${digest}`) % BigInt(entrants.length));
}

/** The published draw (the `lottery:drawn` event). */
export interface PublishedDraw {
  seedHex: string;
  commitment: string;
  entrants: readonly string[];
  index: number;
  winnerNumber: string;
}

export interface DrawCheck {
  commitmentMatches: boolean;
  /** The commitment published before the draw (`lottery:committed`), when the chain has it. */
  earlierCommitmentMatches: boolean | null;
  entrantsSorted: boolean;
  index: number;
  winnerNumber: string;
  matches: boolean;
}

export async function verifyDraw(draw: PublishedDraw, committedBefore: string | null): Promise<DrawCheck> {
  const commitment = await lotteryCommitment(draw.seedHex);
  const entrantsSorted = draw.entrants.length > 0 && draw.entrants.every((e, i) => i === 0 || draw.entrants[i - 1]! < e);
  const index = entrantsSorted ? await drawIndex(draw.seedHex, draw.entrants) : -1;
  const winnerNumber = draw.entrants[index] ?? '';
  const commitmentMatches = commitment === draw.commitment;
  const earlierCommitmentMatches = committedBefore === null ? null : commitment === committedBefore;
  return {
    commitmentMatches,
    earlierCommitmentMatches,
    entrantsSorted,
    index,
    winnerNumber,
    matches: commitmentMatches && earlierCommitmentMatches !== false && entrantsSorted && index === draw.index && winnerNumber === draw.winnerNumber,
  };
}
