import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import {
  availableTransitions,
  isFinalParcelState,
  PARCEL_STATES,
  PARCEL_TRANSITION_NAMES,
  PARCEL_TRANSITIONS,
  transition,
  type ParcelState,
  type ParcelTransitionName,
} from './parcel-lifecycle';

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** The handbook's table, written out independently of PARCEL_TRANSITIONS. */
const EXPECTED: ReadonlyArray<[ParcelState, ParcelTransitionName, ParcelState]> = [
  ['acquired', 'take_into_reserve', 'in_reserve'],
  ['in_reserve', 'start_development', 'developing'],
  ['developing', 'complete_development', 'ready_for_supply'],
  ['in_reserve', 'mark_ready', 'ready_for_supply'],
  ['ready_for_supply', 'list_for_sale', 'listed'],
  ['listed', 'return_after_failed_sale', 'ready_for_supply'],
  ['listed', 'mark_sold', 'sold'],
  ['acquired', 'withdraw', 'withdrawn'],
  ['in_reserve', 'withdraw', 'withdrawn'],
  ['developing', 'withdraw', 'withdrawn'],
  ['ready_for_supply', 'withdraw', 'withdrawn'],
  ['listed', 'withdraw', 'withdrawn'],
];

const REASON = { reason: '规划条件调整' };

describe('parcel lifecycle', () => {
  it('follows the whole way from acquisition to sale through development', () => {
    let state: ParcelState = 'acquired';
    for (const name of ['take_into_reserve', 'start_development', 'complete_development', 'list_for_sale', 'mark_sold'] as const) {
      state = transition(state, name);
    }
    expect(state).toBe('sold');
  });

  it('lets a parcel that needs no preliminary development go from in_reserve straight to ready_for_supply', () => {
    expect(transition('in_reserve', 'mark_ready')).toBe('ready_for_supply');
  });

  it('returns a listed parcel to ready_for_supply after an unsold or terminated sale, with a reason', () => {
    expect(transition('listed', 'return_after_failed_sale', { reason: '流拍：无人报价' })).toBe('ready_for_supply');
  });

  it.each(EXPECTED)('allows %s —%s→ %s', (from, name, to) => {
    expect(transition(from, name, REASON)).toBe(to);
  });

  it('refuses every other pair of state and transition with INVALID_STATE_TRANSITION on the state', () => {
    const allowed = new Set(EXPECTED.map(([from, name]) => `${from}/${name}`));
    let refused = 0;
    for (const state of PARCEL_STATES) {
      for (const name of PARCEL_TRANSITION_NAMES) {
        if (allowed.has(`${state}/${name}`)) continue;
        const error = caught(() => transition(state, name, REASON));
        expect(error.code).toBe('INVALID_STATE_TRANSITION');
        expect(error.field).toBe('state');
        expect(error.message).toBe(`cannot ${name} a parcel that is ${state}`);
        refused++;
      }
    }
    expect(refused).toBe(PARCEL_STATES.length * PARCEL_TRANSITION_NAMES.length - EXPECTED.length);
  });

  it('can withdraw a parcel from every state before sold, and not after', () => {
    for (const state of PARCEL_STATES) {
      const before = !['sold', 'withdrawn'].includes(state);
      expect(availableTransitions(state).some((t) => t.name === 'withdraw')).toBe(before);
    }
  });

  it.each(['withdraw', 'return_after_failed_sale'] as const)('requires a reason to %s', (name) => {
    const from = PARCEL_TRANSITIONS[name].from[0];
    for (const input of [{}, { reason: '' }, { reason: '  \n ' }]) {
      const error = caught(() => transition(from, name, input));
      expect(error.code).toBe('REASON_REQUIRED');
      expect(error.field).toBe('reason');
    }
  });

  it('requires a reason only for withdraw and return_after_failed_sale', () => {
    const withReason = PARCEL_TRANSITION_NAMES.filter((name) => PARCEL_TRANSITIONS[name].reasonRequired);
    expect(withReason).toEqual(['return_after_failed_sale', 'withdraw']);
  });

  it('checks the state before the reason', () => {
    expect(caught(() => transition('sold', 'withdraw')).code).toBe('INVALID_STATE_TRANSITION');
  });

  it('leaves listing, sale and return to the trading system and the rest to reserve officers', () => {
    const trading = PARCEL_TRANSITION_NAMES.filter((name) => PARCEL_TRANSITIONS[name].performedBy === 'trading_system');
    expect(trading).toEqual(['list_for_sale', 'return_after_failed_sale', 'mark_sold']);
    expect(availableTransitions('listed', 'reserve_officer').map((t) => t.name)).toEqual(['withdraw']);
    expect(availableTransitions('listed', 'trading_system').map((t) => t.name)).toEqual([
      'return_after_failed_sale',
      'mark_sold',
    ]);
  });

  it('lists the transitions available from each state in table order', () => {
    expect(availableTransitions('in_reserve').map((t) => t.name)).toEqual(['start_development', 'mark_ready', 'withdraw']);
    expect(availableTransitions('acquired').map((t) => t.name)).toEqual(['take_into_reserve', 'withdraw']);
  });

  it('makes sold and withdrawn final, and only those', () => {
    expect(PARCEL_STATES.filter(isFinalParcelState)).toEqual(['sold', 'withdrawn']);
  });

  it('reaches every state from acquired', () => {
    const seen = new Set<ParcelState>(['acquired']);
    const queue: ParcelState[] = ['acquired'];
    while (queue.length > 0) {
      for (const t of availableTransitions(queue.shift()!)) {
        if (!seen.has(t.to)) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...PARCEL_STATES].sort());
  });

  it('refuses an unknown transition name or state coming from a request', () => {
    expect(caught(() => transition('acquired', 'sell' as ParcelTransitionName)).code).toBe('UNKNOWN_TRANSITION');
    expect(caught(() => transition('lost' as ParcelState, 'withdraw', REASON)).code).toBe('INVALID_STATE_TRANSITION');
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(PARCEL_TRANSITIONS)).toBe(true);
    expect(Object.isFrozen(PARCEL_TRANSITIONS.withdraw.from)).toBe(true);
  });

  it('never fails along any random walk of available transitions, and never leaves sold or withdrawn', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (choices) => {
        let state: ParcelState = 'acquired';
        for (const choice of choices) {
          const options = availableTransitions(state);
          if (options.length === 0) {
            expect(['sold', 'withdrawn']).toContain(state);
            break;
          }
          const next = options[choice % options.length];
          state = transition(state, next.name, REASON);
          expect(state).toBe(next.to);
        }
      }),
    );
  });
});
