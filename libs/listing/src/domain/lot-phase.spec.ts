import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import {
  availableLotTransitions,
  checkFreezeResumption,
  CLOSED_PHASES,
  deadlineAfterFreeze,
  isClosedPhase,
  isOpenPhase,
  isTradingPhase,
  LOT_PHASES,
  LOT_TRANSITION_NAMES,
  LOT_TRANSITIONS,
  transitionLot,
  type LotPhase,
  type LotPhaseState,
  type LotTransitionContext,
  type LotTransitionName,
} from './lot-phase';
import type { TradingMethod } from './lot-terms';

const NOW = new Date('2025-10-14T03:00:00Z');
const HOUR = 3_600_000;

function ctx(method: TradingMethod, extra: Partial<LotTransitionContext> = {}): LotTransitionContext {
  return { method, now: NOW, ...extra };
}

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

function walk(method: TradingMethod, names: readonly LotTransitionName[], extra: Partial<LotTransitionContext> = {}): LotPhaseState {
  return names.reduce<LotPhaseState>((state, name) => transitionLot(state, name, ctx(method, { reason: 'r', ...extra })), {
    phase: 'draft',
  });
}

describe('lot phases: the paths of DESIGN.md §6', () => {
  it('a listing goes draft → published → applying → listing → timed_round → cap_round → closed_sold', () => {
    const names: LotTransitionName[] = ['publish', 'open_applications', 'open_listing', 'start_timed_round', 'reach_cap', 'close_sold'];
    expect(walk('listing', names)).toEqual({ phase: 'closed_sold' });
  });

  it('a listing may close straight from the board, sold or unsold', () => {
    expect(walk('listing', ['publish', 'open_applications', 'open_listing', 'close_unsold']).phase).toBe('closed_unsold');
    expect(walk('listing', ['publish', 'open_applications', 'open_listing', 'reach_cap', 'close_sold']).phase).toBe('closed_sold');
  });

  it('an auction skips listing: applying → auction_round → (cap_round) → closed_*', () => {
    expect(walk('auction', ['publish', 'open_applications', 'open_auction', 'close_sold']).phase).toBe('closed_sold');
    expect(walk('auction', ['publish', 'open_applications', 'open_auction', 'reach_cap', 'close_unsold']).phase).toBe('closed_unsold');
  });

  it('a tender goes applying → sealed_bidding → opening → closed_*', () => {
    expect(walk('tender', ['publish', 'open_applications', 'open_sealed_bidding', 'open_bids', 'close_sold']).phase).toBe('closed_sold');
  });

  it('too few qualified bidders closes a lot unsold straight from applying', () => {
    expect(walk('auction', ['publish', 'open_applications', 'close_unsold']).phase).toBe('closed_unsold');
  });
});

describe('transitionLot guards', () => {
  it('refuses a transition the table does not allow from the phase, with INVALID_STATE_TRANSITION on field phase', () => {
    const e = errorOf(() => transitionLot({ phase: 'draft' }, 'open_listing', ctx('listing')));
    expect(e).toMatchObject({ code: 'INVALID_STATE_TRANSITION', field: 'phase', details: { from: 'draft', transition: 'open_listing' } });
    expect(errorOf(() => transitionLot({ phase: 'applying' }, 'close_sold', ctx('listing'))).code).toBe('INVALID_STATE_TRANSITION');
  });

  it('refuses a transition of another method: an auction has no listing board, a tender no cap round', () => {
    expect(errorOf(() => transitionLot({ phase: 'applying' }, 'open_listing', ctx('auction'))).code).toBe('INVALID_STATE_TRANSITION');
    expect(errorOf(() => transitionLot({ phase: 'listing' }, 'start_timed_round', ctx('auction'))).code).toBe(
      'INVALID_STATE_TRANSITION',
    );
    expect(errorOf(() => transitionLot({ phase: 'opening' }, 'reach_cap', ctx('tender'))).code).toBe('INVALID_STATE_TRANSITION');
  });

  it('refuses an unknown transition name', () => {
    expect(errorOf(() => transitionLot({ phase: 'listing' }, 'explode' as LotTransitionName, ctx('listing'))).code).toBe(
      'INVALID_STATE_TRANSITION',
    );
  });

  it('freeze, suspend and terminate require a reason (blank is no reason)', () => {
    for (const name of ['freeze', 'suspend', 'terminate'] as const) {
      expect(errorOf(() => transitionLot({ phase: 'listing' }, name, ctx('listing'))).code).toBe('REASON_REQUIRED');
      expect(errorOf(() => transitionLot({ phase: 'listing' }, name, ctx('listing', { reason: '  ' })))).toMatchObject({
        code: 'REASON_REQUIRED',
        field: 'reason',
      });
    }
  });

  it('freeze, suspend and terminate in the last 60 minutes before the deadline require a supervisor approval', () => {
    for (const name of ['freeze', 'suspend', 'terminate'] as const) {
      const inside = ctx('listing', { reason: 'system failure', deadline: new Date(NOW.getTime() + HOUR) });
      expect(errorOf(() => transitionLot({ phase: 'listing' }, name, inside))).toMatchObject({
        code: 'SUPERVISOR_APPROVAL_REQUIRED',
        field: 'supervisorApproved',
      });
      expect(transitionLot({ phase: 'listing' }, name, { ...inside, supervisorApproved: true }).phase).not.toBe('listing');
      const outside = ctx('listing', { reason: 'system failure', deadline: new Date(NOW.getTime() + HOUR + 1000) });
      expect(transitionLot({ phase: 'listing' }, name, outside).phase).not.toBe('listing');
    }
  });

  it('the protected final minutes are a setting', () => {
    const c = ctx('auction', { reason: 'r', deadline: new Date(NOW.getTime() + 2 * HOUR), settings: { protectedFinalMinutes: 180 } });
    expect(errorOf(() => transitionLot({ phase: 'auction_round' }, 'freeze', c)).code).toBe('SUPERVISOR_APPROVAL_REQUIRED');
  });
});

describe('frozen', () => {
  it('remembers the phase it left and when; resuming returns there', () => {
    const frozen = transitionLot({ phase: 'timed_round' }, 'freeze', ctx('listing', { reason: 'network outage' }));
    expect(frozen).toEqual({ phase: 'frozen', phaseBeforeFreeze: 'timed_round', frozenAt: NOW });
    const back = transitionLot(frozen, 'resume_from_freeze', ctx('listing', { now: new Date(NOW.getTime() + 20 * 60_000) }));
    expect(back).toEqual({ phase: 'timed_round' });
  });

  it('only trading phases can be frozen', () => {
    for (const phase of LOT_PHASES) {
      const allowed = LOT_TRANSITIONS.freeze.from.includes(phase);
      expect(allowed).toBe(isTradingPhase(phase));
    }
    expect(errorOf(() => transitionLot({ phase: 'applying' }, 'freeze', ctx('listing', { reason: 'r' }))).code).toBe(
      'INVALID_STATE_TRANSITION',
    );
  });

  it('a frozen lot cannot close before it resumes', () => {
    const frozen: LotPhaseState = { phase: 'frozen', phaseBeforeFreeze: 'auction_round', frozenAt: NOW };
    expect(errorOf(() => transitionLot(frozen, 'close_sold', ctx('auction'))).code).toBe('INVALID_STATE_TRANSITION');
  });

  it('a freeze fixed within 1 hour resumes directly; a longer one only 24 hours after a resumption notice', () => {
    const frozen: LotPhaseState = { phase: 'frozen', phaseBeforeFreeze: 'listing', frozenAt: NOW };
    const at = (ms: number): Date => new Date(NOW.getTime() + ms);
    expect(transitionLot(frozen, 'resume_from_freeze', ctx('listing', { now: at(HOUR) })).phase).toBe('listing');
    expect(errorOf(() => transitionLot(frozen, 'resume_from_freeze', ctx('listing', { now: at(HOUR + 1) })))).toMatchObject({
      code: 'RESUMPTION_NOTICE_TOO_SHORT',
      field: 'resumptionNoticeAt',
    });
    const tooSoon = ctx('listing', { now: at(30 * HOUR), resumptionNoticeAt: at(7 * HOUR) });
    expect(errorOf(() => transitionLot(frozen, 'resume_from_freeze', tooSoon)).code).toBe('RESUMPTION_NOTICE_TOO_SHORT');
    const ok = ctx('listing', { now: at(30 * HOUR), resumptionNoticeAt: at(6 * HOUR) });
    expect(transitionLot(frozen, 'resume_from_freeze', ok).phase).toBe('listing');
  });

  it('the freeze limits are settings', () => {
    expect(() => checkFreezeResumption(NOW, new Date(NOW.getTime() + 2 * HOUR), undefined, { freezeDirectResumeMinutes: 120 })).not.toThrow();
  });

  it('a frozen state that lost its memory cannot resume', () => {
    expect(errorOf(() => transitionLot({ phase: 'frozen' }, 'resume_from_freeze', ctx('listing'))).code).toBe('INVALID_STATE_TRANSITION');
  });

  it('the frozen time is added to the deadline', () => {
    const deadline = new Date('2025-10-14T07:00:00Z');
    expect(deadlineAfterFreeze(deadline, NOW, new Date(NOW.getTime() + 25 * 60_000))).toEqual(new Date('2025-10-14T07:25:00Z'));
  });
});

describe('suspended and terminated', () => {
  it('a lot can be suspended from any open phase, and resumption returns to the phase it left', () => {
    for (const phase of LOT_PHASES.filter(isOpenPhase)) {
      const start: LotPhaseState = phase === 'frozen' ? { phase, phaseBeforeFreeze: 'listing', frozenAt: NOW } : { phase };
      const suspended = transitionLot(start, 'suspend', ctx('listing', { reason: 'court order' }));
      expect(suspended.phase).toBe('suspended');
      expect(suspended.phaseBeforeSuspension).toBe(phase);
      expect(transitionLot(suspended, 'resume_from_suspension', ctx('listing'))).toEqual(start);
    }
  });

  it('draft, suspended and closed lots cannot be suspended', () => {
    for (const phase of ['draft', 'suspended', ...CLOSED_PHASES] as LotPhase[]) {
      expect(errorOf(() => transitionLot({ phase }, 'suspend', ctx('listing', { reason: 'r' }))).code).toBe('INVALID_STATE_TRANSITION');
    }
  });

  it('a suspended frozen lot comes back frozen, still remembering its trading phase', () => {
    const frozen = transitionLot({ phase: 'auction_round' }, 'freeze', ctx('auction', { reason: 'outage' }));
    const suspended = transitionLot(frozen, 'suspend', ctx('auction', { reason: 'discipline request' }));
    expect(suspended).toEqual({ phase: 'suspended', phaseBeforeSuspension: 'frozen', phaseBeforeFreeze: 'auction_round', frozenAt: NOW });
    const refrozen = transitionLot(suspended, 'resume_from_suspension', ctx('auction'));
    expect(refrozen).toEqual(frozen);
  });

  it('any phase but a closed one can be terminated; a closed lot cannot', () => {
    for (const phase of LOT_PHASES) {
      const run = (): LotPhaseState => transitionLot({ phase }, 'terminate', ctx('listing', { reason: 'planning changed' }));
      if (isClosedPhase(phase)) expect(errorOf(run).code).toBe('INVALID_STATE_TRANSITION');
      else expect(run()).toEqual({ phase: 'terminated' });
    }
  });
});

describe('phase classification', () => {
  it('closed phases are closed_sold, closed_unsold and terminated, and nothing leaves them', () => {
    expect(LOT_PHASES.filter(isClosedPhase)).toEqual(['closed_sold', 'closed_unsold', 'terminated']);
    for (const phase of CLOSED_PHASES) {
      for (const method of ['auction', 'listing', 'tender'] as const) expect(availableLotTransitions(phase, method)).toEqual([]);
    }
  });

  it('open phases are the public sale in progress; draft and suspended are neither open nor closed', () => {
    expect(LOT_PHASES.filter(isOpenPhase)).toEqual([
      'published',
      'applying',
      'listing',
      'timed_round',
      'auction_round',
      'cap_round',
      'sealed_bidding',
      'opening',
      'frozen',
    ]);
    for (const phase of ['draft', 'suspended'] as const) {
      expect(isOpenPhase(phase)).toBe(false);
      expect(isClosedPhase(phase)).toBe(false);
    }
  });

  it('transitionLot agrees with the table for every phase, transition and method', () => {
    for (const method of ['auction', 'listing', 'tender'] as const) {
      for (const phase of LOT_PHASES) {
        const state: LotPhaseState =
          phase === 'frozen'
            ? { phase, phaseBeforeFreeze: 'cap_round', frozenAt: NOW }
            : phase === 'suspended'
              ? { phase, phaseBeforeSuspension: 'applying' }
              : { phase };
        for (const name of LOT_TRANSITION_NAMES) {
          const t = LOT_TRANSITIONS[name];
          const allowed = t.from.includes(phase) && t.methods.includes(method);
          const run = (): LotPhaseState => transitionLot(state, name, ctx(method, { reason: 'r', supervisorApproved: true }));
          if (allowed) expect(LOT_PHASES).toContain(run().phase);
          else expect(errorOf(run).code).toBe('INVALID_STATE_TRANSITION');
        }
      }
    }
  });
});

describe('random walks (property)', () => {
  it('never leave a closed phase, and frozen/suspended always remember where to return', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<TradingMethod>('auction', 'listing', 'tender'),
        fc.array(fc.nat(), { maxLength: 40 }),
        (method, picks) => {
          let state: LotPhaseState = { phase: 'draft' };
          for (const pick of picks) {
            const options = availableLotTransitions(state.phase, method);
            if (options.length === 0) {
              expect(isClosedPhase(state.phase)).toBe(true);
              break;
            }
            const t = options[pick % options.length];
            state = transitionLot(state, t.name, ctx(method, { reason: 'r', supervisorApproved: true }));
            if (state.phase === 'frozen') expect(state.phaseBeforeFreeze && isTradingPhase(state.phaseBeforeFreeze)).toBe(true);
            if (state.phase === 'suspended') expect(state.phaseBeforeSuspension && isOpenPhase(state.phaseBeforeSuspension)).toBe(true);
            if (isClosedPhase(state.phase)) expect(state).toEqual({ phase: state.phase });
          }
        },
      ),
    );
  });
});
