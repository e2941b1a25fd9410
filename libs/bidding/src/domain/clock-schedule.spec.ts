import { nextDueAt } from './clock-schedule';
import { decide } from './engine';
import { auctionTerms, bid, HOUR, lot, m, MINUTE, ok, opened, plus, SECOND, T0, tenderTerms, tick } from './engine.fixtures';

describe('the clock schedule (lot.due_at)', () => {
  it('a lot before trading is due at the opening', () => {
    expect(nextDueAt(lot(auctionTerms()))?.toISOString()).toBe(T0.toISOString());
  });

  it('an auction round is first due at its 60-second warning and ends 1 ms after the deadline', () => {
    const s = opened(auctionTerms(), { settings: { auctionCountdownSeconds: 90 } });
    // 90 s countdown, warnings at 60, 30, 10 s: the first is due 30 s after the opening.
    expect(nextDueAt(s)?.getTime()).toBe(plus(T0, 30 * SECOND).getTime());
    const warned = ok(decide(s, tick(), plus(T0, 30 * SECOND))).state;
    expect(warned.lastWarningSeconds).toBe(60);
    expect(nextDueAt(warned)?.getTime()).toBe(plus(T0, 60 * SECOND).getTime());
    const last = ok(decide(ok(decide(warned, tick(), plus(T0, 60 * SECOND))).state, tick(), plus(T0, 80 * SECOND))).state;
    expect(last.lastWarningSeconds).toBe(10);
    expect(nextDueAt(last)?.getTime()).toBe(plus(T0, 90 * SECOND).getTime() + 1);
  });

  it('a bid restarts the countdown and re-arms the warnings in the schedule', () => {
    const s = opened(auctionTerms());
    const late = ok(decide(s, tick(), plus(T0, 55 * SECOND))).state;
    expect(late.lastWarningSeconds).toBe(10);
    const after = ok(decide(late, bid('001', '10000000.00'), plus(T0, 56 * SECOND))).state;
    // 60 s countdown: the 60 s mark is never announced, the 30 s mark is next.
    expect(nextDueAt(after)?.getTime()).toBe(plus(T0, 56 * SECOND + 30 * SECOND).getTime());
  });

  it('a due time that has passed makes progress when ticked (the clock cannot spin)', () => {
    let s = opened(auctionTerms());
    const now = plus(T0, 10 * MINUTE);
    for (let i = 0; i < 5 && nextDueAt(s) !== undefined; i++) {
      expect(nextDueAt(s)!.getTime()).toBeLessThanOrEqual(now.getTime());
      s = ok(decide(s, tick(), now)).state;
    }
    expect(s.outcome?.outcome).toBe('unsold');
    expect(nextDueAt(s)).toBeUndefined();
  });

  it('a tender awaiting its opening is due at the opening; a frozen lot is never due', () => {
    const t = opened(tenderTerms(), { openingAt: plus(T0, 10 * 24 * HOUR + HOUR) });
    const opening = ok(decide(t, tick(), plus(T0, 10 * 24 * HOUR + SECOND))).state;
    if (opening.phase === 'opening') expect(nextDueAt(opening)?.getTime()).toBe(plus(T0, 10 * 24 * HOUR + HOUR).getTime());
    else expect(opening.phase).toBe('closed_unsold');
    const frozen = ok(decide(opened(auctionTerms()), { type: 'freeze', reason: 'network outage', supervisorApproved: true }, plus(T0, SECOND))).state;
    expect(frozen.phase).toBe('frozen');
    expect(nextDueAt(frozen)).toBeUndefined();
  });

  it('a closed lot is never due', () => {
    const s = ok(decide(opened(auctionTerms()), bid('002', m('10000000.00').toString()), plus(T0, SECOND))).state;
    expect(nextDueAt(ok(decide(s, tick(), plus(T0, 2 * MINUTE))).state)).toBeUndefined();
  });
});
