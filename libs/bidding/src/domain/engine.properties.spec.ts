import fc from 'fast-check';
import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import type { LotTerms } from '@app/listing/domain/lot-terms';
import type { Command } from './commands';
import { isRejected } from './decision';
import { decide } from './engine';
import { area, auctionTerms, listingTerms, lot, m, MINUTE, plus, reserveOf, T0, withReserve } from './engine.fixtures';
import type { EngineEvent } from './events';
import { chainEvents, verifyChain } from './hash-chain';
import { lotteryCommitment } from './cap-modes';
import type { LotTradingState } from './trading-state';

/**
 * Properties over random sessions: random lots (auction or listing with a timed round, with or without
 * cap and reserve) driven by random commands at random, increasing instants.
 */

type Step =
  | { readonly kind: 'bid'; readonly bidder: number; readonly steps: number; readonly offsetFen: bigint; readonly dt: number }
  | { readonly kind: 'area'; readonly bidder: number; readonly steps: number; readonly dt: number }
  | { readonly kind: 'tick'; readonly dt: number }
  | { readonly kind: 'opt_in'; readonly bidder: number; readonly dt: number }
  | { readonly kind: 'freeze'; readonly approved: boolean; readonly dt: number }
  | { readonly kind: 'resume'; readonly dt: number }
  | { readonly kind: 'increment'; readonly which: number; readonly dt: number }
  | { readonly kind: 'commit'; readonly dt: number }
  | { readonly kind: 'draw'; readonly dt: number };

const SEED = '5e'.repeat(32);

const NUMBERS = ['001', '002', '003', '009'];
const INCREMENTS = ['50000.00', '100000.00', '200000.00'];

/** Mostly seconds apart, now and then minutes (so countdowns, windows and the listing end pass). */
const dt = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 5_000 }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 70_000 }) });
/** Mostly qualified bidders, sometimes "009" who is not. */
const bidder = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.constant(3) });
/** Mostly valid steps above the current price, sometimes too low or too far. */
const steps = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 2, arbitrary: fc.integer({ min: -1, max: 7 }) });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('bid' as const), bidder, steps, offsetFen: fc.constantFrom(0n, 0n, 0n, 0n, 1n, 2_500_000n), dt }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('area' as const), bidder, steps: fc.integer({ min: 0, max: 3 }), dt }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const), dt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('opt_in' as const), bidder, dt }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('freeze' as const), approved: fc.boolean(), dt }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('resume' as const), dt }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('increment' as const), which: fc.integer({ min: 0, max: 2 }), dt }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('commit' as const), dt }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('draw' as const), dt }) },
);

interface Scenario {
  readonly method: 'auction' | 'listing';
  readonly cap: boolean;
  readonly capMode: 'build_in_area' | 'lottery';
  readonly reserve: boolean;
  readonly policy: 'at_least_one' | 'whole_multiple';
  readonly steps: readonly Step[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  method: fc.constantFrom('auction' as const, 'listing' as const),
  cap: fc.boolean(),
  capMode: fc.constantFrom('build_in_area' as const, 'lottery' as const),
  reserve: fc.boolean(),
  policy: fc.constantFrom('at_least_one' as const, 'whole_multiple' as const),
  steps: fc.array(stepArb, { minLength: 5, maxLength: 80, size: 'large' }),
});

function termsOf(s: Scenario): LotTerms {
  const base: Partial<LotTerms> = {
    incrementPolicy: s.policy,
    ...(s.cap
      ? {
          priceCap: m('10600000.00'),
          capRule:
            s.capMode === 'lottery'
              ? { mode: 'lottery' as const, optInWindowMinutes: 1 }
              : { mode: 'build_in_area' as const, startArea: area('500.00'), areaStep: area('50.00') },
        }
      : {}),
  };
  const terms =
    s.method === 'auction'
      ? auctionTerms({ ...base, minBidders: 1 })
      : listingTerms({ ...base, timedFinalRound: { enabled: true, entry: 'opt_in', startAt: 'listing_high', preparationGapMinutes: 1, countdownSeconds: 90 } });
  return s.reserve ? withReserve(terms) : terms;
}

function commandOf(state: LotTradingState, step: Step, n: number): Command {
  switch (step.kind) {
    case 'bid': {
      const increment = state.increment ?? m('100000.00');
      const base = state.lead?.price ?? state.roundStartPrice;
      const fen = base.toFen() + BigInt(step.steps) * increment.toFen() + step.offsetFen;
      return { type: 'place_bid', bidderNumber: NUMBERS[step.bidder], clientBidId: `b-${n}`, price: Money.fromFen(fen < 0n ? 0n : fen) };
    }
    case 'area': {
      const leading = state.capRound?.mode === 'build_in_area' ? state.capRound.lead.area : Area.of('500.00');
      const value = leading.add(Area.of(`${50 * step.steps}.00`));
      return { type: 'place_cap_bid', bidderNumber: NUMBERS[step.bidder], area: value };
    }
    case 'tick':
      return { type: 'tick', reserveMet: reserveOf('10300000.00') };
    case 'opt_in':
      return { type: 'opt_in', bidderNumber: NUMBERS[step.bidder] };
    case 'freeze':
      return { type: 'freeze', reason: 'test freeze', supervisorApproved: step.approved };
    case 'resume':
      return { type: 'resume' };
    case 'increment':
      return { type: 'change_increment', increment: m(INCREMENTS[step.which]), reason: 'test' };
    case 'commit':
      return { type: 'commit_lottery_seed', commitment: lotteryCommitment(SEED) };
    case 'draw':
      return { type: 'draw_lottery', seedHex: SEED, reserveMet: reserveOf('10300000.00') };
  }
}

interface Session {
  readonly events: EngineEvent[];
  /** Per decision: the events it produced and whether the lot was closed before it. */
  readonly decisions: { readonly closedBefore: boolean; readonly events: EngineEvent[] }[];
}

function play(s: Scenario): Session {
  const opensAt = T0;
  let state = lot(termsOf(s), { opensAt, endsAt: s.method === 'listing' ? plus(T0, 2 * MINUTE) : undefined });
  let now = opensAt;
  const events: EngineEvent[] = [];
  const decisions: Session['decisions'] = [];
  // open trading first
  const first = decide(state, { type: 'tick' }, now);
  if (!isRejected(first)) {
    state = first.state;
    events.push(...first.events);
  }
  s.steps.forEach((step, n) => {
    now = plus(now, step.dt);
    const closedBefore = state.outcome !== undefined;
    const d = decide(state, commandOf(state, step, n), now);
    if (isRejected(d)) {
      decisions.push({ closedBefore, events: [] });
      return;
    }
    state = d.state;
    events.push(...d.events);
    decisions.push({ closedBefore, events: d.events });
  });
  return { events, decisions };
}

/** A changed copy of one field of an event (the same type of value, a different value). */
function alter(event: EngineEvent, keyIndex: number): EngineEvent {
  const record = event as unknown as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  const key = keys[keyIndex % keys.length];
  const value = record[key];
  let changed: unknown;
  if (value instanceof Date) changed = new Date(value.getTime() + 1);
  else if (Money.isMoney(value)) changed = value.add(Money.of('0.01'));
  else if (Area.isArea(value)) changed = value.add(Area.of('0.01'));
  else if (Ratio.isRatio(value)) changed = value.add(Ratio.of('0.0001'));
  else if (typeof value === 'string') changed = `${value}x`;
  else if (typeof value === 'number') changed = value + 1;
  else if (Array.isArray(value)) changed = value.length > 0 ? value.slice(1) : ['x'];
  else changed = 'x';
  return { ...record, [key]: changed } as unknown as EngineEvent;
}

describe('engine properties', () => {
  it('accepted prices strictly increase (and accepted areas too)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { events } = play(s);
        const prices = events.filter((e) => e.type === 'bid:accepted').map((e) => e.price);
        for (let i = 1; i < prices.length; i++) expect(prices[i].gt(prices[i - 1])).toBe(true);
        const areas = events.filter((e) => e.type === 'area:accepted').map((e) => e.area);
        for (let i = 1; i < areas.length; i++) expect(areas[i].gt(areas[i - 1])).toBe(true);
        if (s.cap) for (const p of prices) expect(p.lte(m('10600000.00'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('no event after close, and lot:closed is the last event', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { events, decisions } = play(s);
        for (const d of decisions) if (d.closedBefore) expect(d.events).toEqual([]);
        const closedAt = events.findIndex((e) => e.type === 'lot:closed');
        if (closedAt >= 0) expect(closedAt).toBe(events.length - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('event times never go backwards', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { events } = play(s);
        for (let i = 1; i < events.length; i++) expect(events[i].at.getTime()).toBeGreaterThanOrEqual(events[i - 1].at.getTime());
      }),
      { numRuns: 100 },
    );
  });

  it('the chain verifies for any sequence of accepted commands and fails if any event is altered', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.nat(), (s, pick, keyIndex) => {
        const { events } = play(s);
        const chained = chainEvents(events);
        expect(verifyChain(chained)).toMatchObject({ ok: true, lastSeq: events.length });
        expect(verifyChain(JSON.parse(JSON.stringify(chained)) as typeof chained)).toMatchObject({ ok: true });
        if (chained.length === 0) return;
        const i = pick % chained.length;
        const tampered = chained.map((c, j) => (j === i ? { ...c, event: alter(c.event, keyIndex) } : c));
        expect(verifyChain(tampered)).toMatchObject({ ok: false, seq: i + 1 });
      }),
      { numRuns: 300 },
    );
  });
});
