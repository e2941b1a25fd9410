import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import { meetsReserve } from '@app/listing/domain/reserve-price';
import type { LotTerms } from '@app/listing/domain/lot-terms';
import type { Command, PlaceBid, ReserveCheck, Tick } from './commands';
import { decide } from './engine';
import { isRejected, type Accepted, type Decision } from './decision';
import type { EngineEvent } from './events';
import type { Rejection } from './rejections';
import { createTradingState, type CreateTradingStateInput, type LotTradingState } from './trading-state';

/** Shared builders of the engine specs (not a spec itself). Every instant is built explicitly. */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** 2025-10-14 09:00 in Shanghai. */
export const T0 = new Date('2025-10-14T01:00:00.000Z');

export function plus(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

export function m(value: string): Money {
  return Money.of(value);
}

export function area(value: string): Area {
  return Area.of(value);
}

export function ratio(value: string): Ratio {
  return Ratio.of(value);
}

export const BIDDERS = ['001', '002', '003'] as const;

const ELIGIBILITY = { jointBidsAllowed: true, review: 'post_review', exclusions: '' } as const;

/** Auction: start 10,000,000.00, increment 100,000.00, at least one increment, no reserve. */
export function auctionTerms(overrides: Partial<LotTerms> = {}): LotTerms {
  return {
    method: 'auction',
    startPrice: m('10000000.00'),
    increment: m('100000.00'),
    incrementPolicy: 'at_least_one',
    deposit: m('2000000.00'),
    priceUnit: 'total',
    hasReserve: false,
    eligibility: ELIGIBILITY,
    ...overrides,
  };
}

export function listingTerms(overrides: Partial<LotTerms> = {}): LotTerms {
  return auctionTerms({ method: 'listing', ...overrides });
}

export function tenderTerms(overrides: Partial<LotTerms> = {}): LotTerms {
  return {
    method: 'tender',
    startPrice: m('10000000.00'),
    deposit: m('2000000.00'),
    priceUnit: 'total',
    hasReserve: false,
    evaluation: { method: 'highest_price' },
    eligibility: ELIGIBILITY,
    ...overrides,
  };
}

/** With a sealed reserve (the engine learns only that there is one). */
export function withReserve(terms: LotTerms): LotTerms {
  return { ...terms, hasReserve: true, reserveRoundingUnit: m('10000.00') };
}

/** The predicate the service would build from the revealed reserve. */
export function reserveOf(value: string): ReserveCheck {
  const reserve = m(value);
  return (price) => meetsReserve(price, reserve);
}

export function ok(decision: Decision): Accepted {
  if (isRejected(decision)) throw new Error(`expected acceptance, got ${decision.rejection.code}: ${decision.rejection.message}`);
  return decision;
}

export function rejected(decision: Decision): Rejection {
  if (!isRejected(decision)) throw new Error(`expected a rejection, got events ${decision.events.map((e) => e.type).join(', ')}`);
  return decision.rejection;
}

let bidCounter = 0;

export function bid(bidderNumber: string, price: string): PlaceBid {
  bidCounter += 1;
  return { type: 'place_bid', bidderNumber, clientBidId: `c-${bidCounter}`, price: m(price) };
}

export function tick(reserveMet?: ReserveCheck): Tick {
  return reserveMet === undefined ? { type: 'tick' } : { type: 'tick', reserveMet };
}

/** Applies commands in order, each at its instant; every one must be accepted. Returns the last state and all events. */
export function run(state: LotTradingState, steps: ReadonlyArray<readonly [Command, Date]>): { state: LotTradingState; events: EngineEvent[] } {
  let current = state;
  const events: EngineEvent[] = [];
  for (const [command, now] of steps) {
    const d = ok(decide(current, command, now));
    current = d.state;
    events.push(...d.events);
  }
  return { state: current, events };
}

export function lot(terms: LotTerms, extra: Partial<CreateTradingStateInput> = {}): LotTradingState {
  return createTradingState({
    lotId: 'lot-42',
    terms,
    opensAt: T0,
    endsAt: terms.method === 'auction' ? undefined : plus(T0, 10 * 24 * HOUR),
    qualified: [...BIDDERS],
    ...extra,
  });
}

/** A lot whose trading has opened (the opening tick at `opensAt`). */
export function opened(terms: LotTerms, extra: Partial<CreateTradingStateInput> = {}): LotTradingState {
  const state = lot(terms, extra);
  return ok(decide(state, tick(), state.opensAt ?? T0)).state;
}

export function ofType<T extends EngineEvent['type']>(events: readonly EngineEvent[], type: T): Extract<EngineEvent, { type: T }>[] {
  return events.filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);
}

export function lastOfType<T extends EngineEvent['type']>(events: readonly EngineEvent[], type: T): Extract<EngineEvent, { type: T }> {
  const list = ofType(events, type);
  const last = list[list.length - 1];
  if (last === undefined) throw new Error(`no ${type} event among ${events.map((e) => e.type).join(', ')}`);
  return last;
}
