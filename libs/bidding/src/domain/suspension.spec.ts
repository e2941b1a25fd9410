import type { CapRule } from '@app/listing/domain/lot-terms';
import { nextDueAt } from './clock-schedule';
import type { Command } from './commands';
import { decide } from './engine';
import { area, auctionTerms, bid, HOUR, lastOfType, listingTerms, m, MINUTE, ofType, ok, opened, plus, rejected, run, SECOND, T0, tenderTerms, tick } from './engine.fixtures';
import { tradingSnapshot } from './trading-state';

const END = plus(T0, 10 * 24 * HOUR);
const REASON = '法院协助执行通知';
const suspend = (supervisorApproved = true): Command => ({ type: 'suspend', reason: REASON, supervisorApproved });
const resumeAt = (resumesAt: Date): Command => ({ type: 'schedule_resumption', resumesAt });
const freeze: Command = { type: 'freeze', reason: 'network failure', supervisorApproved: true };

describe('suspension (中止) of a lot in trading', () => {
  const listing = opened(listingTerms());

  it('stops the lot with a phase:changed event carrying the reason, and refuses bids LOT_SUSPENDED', () => {
    const at = plus(T0, 2 * 24 * HOUR);
    const d = ok(decide(listing, suspend(), at));
    expect(d.state.phase).toBe('suspended');
    expect(d.events).toEqual([{ type: 'phase:changed', at, from: 'listing', to: 'suspended', deadline: END, reason: REASON }]);
    expect(rejected(decide(d.state, bid('001', '10000000.00'), plus(at, SECOND))).code).toBe('LOT_SUSPENDED');
    expect(rejected(decide(d.state, { type: 'opt_in', bidderNumber: '001' }, plus(at, SECOND))).code).toBe('LOT_SUSPENDED');
    expect(rejected(decide(d.state, freeze, plus(at, SECOND))).code).toBe('LOT_SUSPENDED');
    expect(rejected(decide(d.state, { type: 'resume' }, plus(at, SECOND))).code).toBe('LOT_SUSPENDED');
    expect(rejected(decide(d.state, { type: 'change_increment', increment: m('200000.00'), reason: 'x' }, plus(at, SECOND))).code).toBe('LOT_SUSPENDED');
  });

  it('the clock never closes a suspended lot, however far its deadline lies behind, and sets no due time until the resumption is announced', () => {
    const s = ok(decide(listing, suspend(), plus(T0, HOUR))).state;
    const late = ok(decide(s, tick(), plus(END, 30 * 24 * HOUR)));
    expect(late.events).toEqual([]);
    expect(late.state.phase).toBe('suspended');
    expect(nextDueAt(s)).toBeUndefined();
  });

  it('resumes at the first tick from the announced time, the deadline moved by exactly the suspended time', () => {
    const suspendedAt = plus(T0, HOUR);
    const s = ok(decide(listing, suspend(), suspendedAt)).state;
    const resumesAt = plus(suspendedAt, 6 * 24 * HOUR);
    const scheduled = ok(decide(s, resumeAt(resumesAt), plus(suspendedAt, HOUR)));
    expect(scheduled.events).toEqual([]);
    expect(scheduled.state.phase).toBe('suspended');
    expect(nextDueAt(scheduled.state)).toEqual(resumesAt);
    expect(tradingSnapshot(scheduled.state).opensAt).toEqual(resumesAt);
    // before the announced time: still suspended
    expect(ok(decide(scheduled.state, tick(), plus(resumesAt, -1))).state.phase).toBe('suspended');
    const tickAt = plus(resumesAt, 250);
    const r = ok(decide(scheduled.state, tick(), tickAt));
    const suspendedMs = tickAt.getTime() - suspendedAt.getTime();
    expect(r.state.phase).toBe('listing');
    expect(r.state.deadline).toEqual(plus(END, suspendedMs));
    expect(r.events).toEqual([
      { type: 'phase:changed', at: tickAt, from: 'suspended', to: 'listing', deadline: plus(END, suspendedMs) },
      { type: 'deadline:extended', at: tickAt, previous: END, deadline: plus(END, suspendedMs), frozenMs: suspendedMs },
    ]);
    expect(ok(decide(r.state, bid('001', '10000000.00'), plus(tickAt, SECOND))).state.lead?.bidderNumber).toBe('001');
  });

  it('an auction countdown keeps its remaining seconds across a suspension and then closes normally', () => {
    const s = opened(auctionTerms());
    const t1 = plus(T0, SECOND);
    const withBid = run(s, [[bid('001', '10000000.00'), t1]]).state; // deadline t1 + 60 s
    const suspendedAt = plus(t1, 40 * SECOND); // 20 s left
    const sus = ok(decide(withBid, suspend(), suspendedAt)).state;
    const tickAt = plus(suspendedAt, 7 * 24 * HOUR);
    const r = ok(decide(sus, resumeAt(plus(tickAt, -5 * SECOND)), tickAt)).state; // announced time already passed: resumes at once
    expect(r.phase).toBe('auction_round');
    expect(r.deadline).toEqual(plus(tickAt, 20 * SECOND));
    expect(ok(decide(r, tick(), plus(tickAt, 20 * SECOND))).state.phase).toBe('auction_round');
    expect(lastOfType(ok(decide(r, tick(), plus(tickAt, 20 * SECOND + 1))).events, 'lot:closed')).toMatchObject({ outcome: 'sold', winnerNumber: '001' });
  });

  it('a lot suspended while frozen returns to frozen, and resuming the freeze adds the whole time since the freeze once', () => {
    const frozenAt = plus(T0, HOUR);
    const f = ok(decide(listing, freeze, frozenAt)).state;
    const suspendedAt = plus(frozenAt, 10 * MINUTE);
    const d = ok(decide(f, suspend(), suspendedAt));
    expect(d.events).toEqual([{ type: 'phase:changed', at: suspendedAt, from: 'frozen', to: 'suspended', deadline: END, reason: REASON }]);
    const resumedAt = plus(suspendedAt, 6 * 24 * HOUR);
    const back = ok(decide(d.state, resumeAt(resumedAt), resumedAt));
    expect(back.state.phase).toBe('frozen');
    expect(back.state.deadline).toEqual(END);
    expect(ofType(back.events, 'deadline:extended')).toEqual([]);
    const unfrozenAt = plus(resumedAt, MINUTE);
    const r = ok(decide(back.state, { type: 'resume', resumptionNoticeAt: plus(unfrozenAt, -25 * HOUR) }, unfrozenAt)).state;
    expect(r.phase).toBe('listing');
    expect(r.deadline).toEqual(plus(END, unfrozenAt.getTime() - frozenAt.getTime()));
  });

  it('a suspension before the announced resumption keeps the lot suspended and cancels that resumption', () => {
    const suspendedAt = plus(T0, HOUR);
    const s = ok(decide(listing, suspend(), suspendedAt)).state;
    const scheduled = ok(decide(s, resumeAt(plus(suspendedAt, 6 * 24 * HOUR)), plus(suspendedAt, HOUR))).state;
    const again = ok(decide(scheduled, suspend(), plus(suspendedAt, 2 * 24 * HOUR)));
    expect(again.events).toEqual([]);
    expect(again.state.suspended).toEqual({ from: 'listing', at: suspendedAt, reason: REASON });
    expect(ok(decide(again.state, tick(), plus(suspendedAt, 7 * 24 * HOUR))).state.phase).toBe('suspended');
  });

  it('a timed round still in its preparation gap and a tender opening still ahead move with the deadline', () => {
    const t = opened(tenderTerms(), { openingAt: plus(END, HOUR) });
    const suspendedAt = plus(T0, HOUR);
    const s = ok(decide(t, suspend(), suspendedAt)).state;
    const tickAt = plus(suspendedAt, 6 * 24 * HOUR);
    const r = ok(decide(s, resumeAt(tickAt), tickAt)).state;
    expect(r.phase).toBe('sealed_bidding');
    expect(r.deadline).toEqual(plus(END, 6 * 24 * HOUR));
    expect(r.openingAt).toEqual(plus(END, HOUR + 6 * 24 * HOUR));

    const round = { enabled: true, entry: 'all_qualified' as const, startAt: 'listing_high' as const, preparationGapMinutes: 15 };
    const l = run(opened(listingTerms({ timedFinalRound: round })), [
      [bid('001', '10000000.00'), plus(T0, HOUR)],
      [bid('002', '10100000.00'), plus(T0, 2 * HOUR)],
      [tick(), plus(END, 1)],
    ]).state;
    expect(l.phase).toBe('timed_round');
    const opensAt = l.opensAt!;
    const gapSuspended = ok(decide(l, suspend(), plus(END, MINUTE))).state;
    const resumed = ok(decide(gapSuspended, resumeAt(plus(END, HOUR + MINUTE)), plus(END, HOUR + MINUTE))).state;
    expect(resumed.opensAt).toEqual(plus(opensAt, HOUR));
    expect(resumed.deadline).toEqual(plus(l.deadline!, HOUR));
  });

  it('a cap round (竞配建) is suspended and resumed like the others', () => {
    const rule: CapRule = { mode: 'build_in_area', startArea: area('1000.00'), areaStep: area('100.00') };
    const capped = run(opened(auctionTerms({ priceCap: m('10500000.00'), capRule: rule })), [
      [bid('001', '10000000.00'), plus(T0, SECOND)],
      [bid('002', '10500000.00'), plus(T0, 2 * SECOND)],
    ]).state;
    expect(capped.phase).toBe('cap_round');
    const s = ok(decide(capped, suspend(), plus(T0, 10 * SECOND))).state;
    expect(rejected(decide(s, { type: 'place_cap_bid', bidderNumber: '001', area: area('1100.00') }, plus(T0, 11 * SECOND))).code).toBe('LOT_SUSPENDED');
    const r = ok(decide(s, resumeAt(plus(T0, HOUR)), plus(T0, HOUR))).state;
    expect(r.phase).toBe('cap_round');
    expect(r.deadline).toEqual(plus(capped.deadline!, HOUR - 10 * SECOND));
  });

  it('needs a reason, refuses a lot whose deadline has passed (it is closing) and a closed lot, and within the last hour needs the supervisor', () => {
    expect(rejected(decide(listing, { type: 'suspend', reason: ' ' }, plus(T0, HOUR))).code).toBe('REASON_REQUIRED');
    expect(rejected(decide(listing, suspend(), plus(END, 1))).code).toBe('PHASE_CLOSED');
    expect(rejected(decide(listing, suspend(false), plus(END, -30 * MINUTE))).code).toBe('SUPERVISOR_APPROVAL_REQUIRED');
    const closed = run(opened(auctionTerms()), [[tick(), plus(T0, 61 * SECOND)]]).state;
    expect(closed.phase).toBe('closed_unsold');
    expect(rejected(decide(closed, suspend(), plus(T0, HOUR))).code).toBe('LOT_CLOSED');
  });

  it('a resumption of a lot that is not suspended is refused NOT_SUSPENDED', () => {
    expect(rejected(decide(listing, resumeAt(plus(T0, HOUR)), plus(T0, HOUR))).code).toBe('NOT_SUSPENDED');
  });
});
