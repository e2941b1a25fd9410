import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REJECTION_CODES } from '@app/bidding/domain/rejections';
import {
  ENGINE_BIDDER_CODES,
  ENGINE_CODE_AUDIENCE,
  GATEWAY_REFUSAL_CODES,
  PAYLOAD_REFUSAL_CODES,
  SERVICE_REFUSAL_CODES,
  SOCKET_REFUSAL_CODES,
} from '@app/bidding/realtime/refusal-codes';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The text of `source` from `from` up to (not including) `to`. */
function slice(source: string, from: string, to: string): string {
  const start = source.indexOf(from);
  const end = source.indexOf(to, start + from.length);
  if (start < 0 || end < 0) throw new Error(`cannot find ${from} … ${to}`);
  return source.slice(start, end);
}

/** Every quoted UPPER_CASE literal in `text` (a code), optionally only those in `among`. */
function codesIn(text: string, among?: readonly string[]): Set<string> {
  const found = [...text.matchAll(/'([A-Z][A-Z0-9_]{2,})'/g)].map((m) => m[1]);
  return new Set(among ? found.filter((c) => among.includes(c)) : found);
}

/**
 * README's list of socket refusal codes is complete and exact (a client can switch on it): it equals
 * the catalogue in libs/bidding/src/realtime/refusal-codes.ts, and the catalogue holds every code the
 * gateway, the payload checks, and the bidder paths of the trading service and the engine can answer.
 */
describe('socket refusal codes', () => {
  it("README lists exactly the codes a refused socket message can carry", () => {
    const readme = read('README.md');
    const block = slice(readme, '<!-- socket-codes', '<!-- /socket-codes -->');
    const listed = [...block.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]);
    expect(listed.length).toBe(new Set(listed).size);
    expect([...new Set(listed)].sort()).toEqual([...SOCKET_REFUSAL_CODES]);
  });

  it('the gateway and the payload checks answer only catalogued codes, and every catalogued one of theirs is used', () => {
    const gateway = codesIn(read('libs/bidding/src/realtime/auction.gateway.ts'));
    const payloads = codesIn(read('libs/bidding/src/realtime/payloads.ts'));
    expect([...payloads].sort()).toEqual([...PAYLOAD_REFUSAL_CODES].sort());
    expect([...gateway].sort()).toEqual([...GATEWAY_REFUSAL_CODES].sort());
  });

  it("the trading service's bidder paths refuse only with catalogued codes before the engine", () => {
    const service = read('libs/bidding/src/application/trading.service.ts');
    const bidderPaths = slice(service, 'async placeBids(', 'async staffCommand(');
    const found = codesIn(bidderPaths);
    expect([...found].sort()).toEqual([...SERVICE_REFUSAL_CODES].sort());
    // and the lot lookup under every command
    expect(codesIn(slice(service, 'private async lockLot(', 'private async persist('))).toEqual(new Set(['LOT_NOT_FOUND']));
  });

  it("the engine's rejections reachable from a bidder's command are exactly those marked for bidders", () => {
    const engine = read('libs/bidding/src/domain/engine.ts');
    const reachable = new Set([
      // placeBid, enterCapRound, placeCapBid, optIn, submitSealed
      ...codesIn(slice(engine, 'function placeBid(', 'function openSealed('), REJECTION_CODES),
      ...codesIn(slice(read('libs/bidding/src/domain/decision.ts'), 'export function lotGuard(', 'export function phaseAfter('), REJECTION_CODES),
      ...codesIn(read('libs/bidding/src/domain/bid-rules.ts'), REJECTION_CODES),
      ...codesIn(read('libs/bidding/src/domain/cap-modes.ts'), REJECTION_CODES),
    ]);
    expect([...reachable].sort()).toEqual([...ENGINE_BIDDER_CODES].sort());
    expect(Object.keys(ENGINE_CODE_AUDIENCE).sort()).toEqual([...REJECTION_CODES].sort());
  });
});
