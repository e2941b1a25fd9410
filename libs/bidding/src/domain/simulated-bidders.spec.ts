import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { nextSimulatedMove, sealedPriceBetween, simulatedClientBidId, simulatedDelayMs, simulationFinished, type SimulatedSeat, type SimulatedView } from './simulated-bidders';

const m = (v: string) => Money.of(v);
const seats: SimulatedSeat[] = [
  { applicationId: 'a1', bidderNumber: '027', limit: m('10500000.00'), areaLimit: Area.of('800.00') },
  { applicationId: 'a2', bidderNumber: '031', limit: m('11000000.00'), areaLimit: Area.of('300.00') },
  { applicationId: 'a3', bidderNumber: '046', limit: m('10200000.00'), areaLimit: null },
];
const view = (over: Partial<SimulatedView>): SimulatedView => ({
  phase: 'timed_round',
  leaderNumber: null,
  minimumNextPrice: m('10000000.00'),
  capMode: null,
  leadingArea: null,
  areaStep: null,
  startPrice: m('10000000.00'),
  sealedSubmitted: [],
  ...over,
});
const progress = { step: 0, listingQuotes: 0, listingQuotesMax: 2 };

describe('simulated bidders', () => {
  it('bid the lowest next price in turn, never while leading, never above their private limit', () => {
    const first = nextSimulatedMove(view({ leaderNumber: '027', minimumNextPrice: m('10300000.00') }), seats, { ...progress, step: 0 }, 0.5);
    expect(first).toMatchObject({ kind: 'price', price: m('10300000.00') });
    // 027 leads and 046's limit is below 10 300 000: only 031 is willing, whatever the turn.
    for (let step = 0; step < 5; step++) {
      expect(nextSimulatedMove(view({ leaderNumber: '027', minimumNextPrice: m('10300000.00') }), seats, { ...progress, step }, 0.5)).toMatchObject({ seat: { bidderNumber: '031' } });
    }
  });

  it('rotate the turn among the willing ones with the step', () => {
    const who = [0, 1, 2].map((step) => (nextSimulatedMove(view({}), seats, { ...progress, step }, 0) as { seat: SimulatedSeat }).seat.bidderNumber);
    expect(who).toEqual(['027', '031', '046']);
  });

  it('stop when the price passes every limit, so the countdown runs out', () => {
    expect(nextSimulatedMove(view({ leaderNumber: '031', minimumNextPrice: m('11000100.00') }), seats, progress, 0.5)).toBeNull();
    expect(nextSimulatedMove(view({ leaderNumber: '031', minimumNextPrice: m('11000000.00') }), seats, progress, 0.5)).toBeNull();
  });

  it('put only a few quotes on a listing board and leave the rest to the timed round', () => {
    expect(nextSimulatedMove(view({ phase: 'listing' }), seats, { step: 0, listingQuotes: 1, listingQuotesMax: 2 }, 0)).toMatchObject({ kind: 'price' });
    expect(nextSimulatedMove(view({ phase: 'listing' }), seats, { step: 0, listingQuotes: 2, listingQuotesMax: 2 }, 0)).toBeNull();
  });

  it('do nothing before trading, while frozen or suspended, or awaiting an opening', () => {
    for (const phase of ['applying', 'frozen', 'suspended', 'opening', 'closed_sold'] as const) expect(nextSimulatedMove(view({ phase }), seats, progress, 0)).toBeNull();
    expect(simulationFinished('closed_unsold')).toBe(true);
    expect(simulationFinished('frozen')).toBe(false);
  });

  it('at a 竞配建 cap offer one more step of floor area up to their own area limit', () => {
    const cap = view({ phase: 'cap_round', capMode: 'build_in_area', leaderNumber: '027', leadingArea: Area.of('200.00'), areaStep: Area.of('100.00') });
    expect(nextSimulatedMove(cap, seats, progress, 0)).toMatchObject({ kind: 'area', seat: { bidderNumber: '031' }, area: Area.of('300.00') });
    expect(nextSimulatedMove({ ...cap, leaderNumber: '031', leadingArea: Area.of('800.00') }, seats, progress, 0)).toBeNull();
  });

  it('opt in at a 摇号 cap, and submit one sealed price each in a tender, within their limits', () => {
    expect(nextSimulatedMove(view({ phase: 'cap_round', capMode: 'lottery' }), seats, { ...progress, step: 4 }, 0)).toMatchObject({ kind: 'opt_in', seat: { bidderNumber: '031' } });
    const tender = view({ phase: 'sealed_bidding', minimumNextPrice: null, sealedSubmitted: ['027', '046'] });
    const move = nextSimulatedMove(tender, seats, progress, 0.5);
    expect(move).toMatchObject({ kind: 'sealed', seat: { bidderNumber: '031' }, price: m('10500000.00') });
    expect(nextSimulatedMove({ ...tender, sealedSubmitted: ['027', '031', '046'] }, seats, progress, 0.5)).toBeNull();
  });

  it('a sealed price lies between the start price and the limit, in whole 元', () => {
    for (const f of [0, 0.123456, 0.5, 0.999999, 1, -1]) {
      const p = sealedPriceBetween(m('10000000.00'), m('10000001.50'), f);
      expect(p.gte(m('10000000.00')) && p.lte(m('10000001.50'))).toBe(true);
      expect(p.toString().endsWith('.00')).toBe(true);
    }
  });

  it('moves are numbered into client bid ids, and pauses stay within their bounds', () => {
    expect(simulatedClientBidId(12)).toBe('sim-12');
    for (const f of [0, 0.5, 0.9999999, 1]) {
      const d = simulatedDelayMs(2000, 9000, f);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(9000);
    }
  });
});
