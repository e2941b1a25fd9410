import { decide } from './engine';
import { auctionTerms, bid, HOUR, lastOfType, listingTerms, lot, m, MINUTE, ofType, ok, opened, plus, rejected, run, SECOND, T0, tenderTerms, tick } from './engine.fixtures';

const END = plus(T0, 10 * 24 * HOUR);
const freeze = (supervisorApproved = false) => ({ type: 'freeze' as const, reason: 'network failure at the trading center', supervisorApproved });
const resume = (resumptionNoticeAt?: Date) =>
  resumptionNoticeAt === undefined ? { type: 'resume' as const } : { type: 'resume' as const, resumptionNoticeAt };

describe('freeze and resume', () => {
  const listing = opened(listingTerms());

  it('freezing for 10 minutes moves the deadline by 10 minutes', () => {
    const frozenAt = plus(T0, 2 * 24 * HOUR);
    const resumedAt = plus(frozenAt, 10 * MINUTE);
    const f = ok(decide(listing, freeze(), frozenAt));
    expect(f.events).toEqual([{ type: 'phase:changed', at: frozenAt, from: 'listing', to: 'frozen', deadline: END, reason: 'network failure at the trading center' }]);
    const r = ok(decide(f.state, resume(), resumedAt));
    expect(r.state.phase).toBe('listing');
    expect(r.state.deadline).toEqual(plus(END, 10 * MINUTE));
    expect(r.events).toEqual([
      { type: 'phase:changed', at: resumedAt, from: 'frozen', to: 'listing', deadline: plus(END, 10 * MINUTE) },
      { type: 'deadline:extended', at: resumedAt, previous: END, deadline: plus(END, 10 * MINUTE), frozenMs: 10 * MINUTE },
    ]);
  });

  it('while frozen, bids are rejected LOT_FROZEN and the clock stops (no close, no warnings)', () => {
    const s = opened(auctionTerms());
    const { state: withBid } = run(s, [[bid('001', '10000000.00'), plus(T0, SECOND)]]);
    const f = ok(decide(withBid, freeze(true), plus(T0, 20 * SECOND))).state;
    expect(rejected(decide(f, bid('002', '10100000.00'), plus(T0, 21 * SECOND))).code).toBe('LOT_FROZEN');
    expect(ok(decide(f, tick(), plus(T0, 10 * MINUTE))).events).toEqual([]);
  });

  it('the countdown keeps its remaining time across a freeze', () => {
    const s = opened(auctionTerms());
    const t1 = plus(T0, SECOND);
    const { state: withBid } = run(s, [[bid('001', '10000000.00'), t1]]); // deadline t1 + 60 s
    const frozenAt = plus(t1, 45 * SECOND); // 15 s left
    const f = ok(decide(withBid, freeze(true), frozenAt)).state;
    const resumedAt = plus(frozenAt, 5 * MINUTE);
    const r = ok(decide(f, resume(), resumedAt)).state;
    expect(r.deadline).toEqual(plus(resumedAt, 15 * SECOND));
    expect(ok(decide(r, tick(), plus(resumedAt, 15 * SECOND))).state.phase).toBe('auction_round');
    expect(lastOfType(ok(decide(r, tick(), plus(resumedAt, 15 * SECOND + 1))).events, 'lot:closed').outcome).toBe('sold');
  });

  it('no freeze in the last 60 minutes unless a supervisor approves', () => {
    const late = plus(END, -59 * MINUTE);
    expect(rejected(decide(listing, freeze(), late))).toMatchObject({ code: 'SUPERVISOR_APPROVAL_REQUIRED', field: 'supervisorApproved' });
    expect(ok(decide(listing, freeze(true), late)).state.phase).toBe('frozen');
  });

  it('a freeze needs a reason', () => {
    expect(rejected(decide(listing, { type: 'freeze', reason: '  ' }, plus(T0, HOUR))).code).toBe('REASON_REQUIRED');
  });

  it('a lot whose deadline has passed cannot be frozen: it is closing', () => {
    expect(rejected(decide(listing, freeze(true), plus(END, 1))).code).toBe('PHASE_CLOSED');
  });

  it('a freeze longer than an hour resumes only 24 h after a resumption notice', () => {
    const frozenAt = plus(T0, HOUR);
    const f = ok(decide(listing, freeze(), frozenAt)).state;
    const resumedAt = plus(frozenAt, 30 * HOUR);
    expect(rejected(decide(f, resume(), resumedAt)).code).toBe('RESUMPTION_NOTICE_TOO_SHORT');
    expect(rejected(decide(f, resume(plus(resumedAt, -23 * HOUR)), resumedAt)).code).toBe('RESUMPTION_NOTICE_TOO_SHORT');
    const r = ok(decide(f, resume(plus(resumedAt, -24 * HOUR)), resumedAt));
    expect(r.state.deadline).toEqual(plus(END, 30 * HOUR));
  });

  it('a freeze within an hour resumes directly', () => {
    const frozenAt = plus(T0, HOUR);
    const f = ok(decide(listing, freeze(), frozenAt)).state;
    expect(ok(decide(f, resume(), plus(frozenAt, 60 * MINUTE))).state.phase).toBe('listing');
  });

  it('resume when not frozen is rejected NOT_FROZEN; a second freeze LOT_FROZEN', () => {
    expect(rejected(decide(listing, resume(), plus(T0, HOUR))).code).toBe('NOT_FROZEN');
    const f = ok(decide(listing, freeze(), plus(T0, HOUR))).state;
    expect(rejected(decide(f, freeze(), plus(T0, 2 * HOUR))).code).toBe('LOT_FROZEN');
  });

  it('only trading phases can be frozen', () => {
    expect(rejected(decide(lot(listingTerms()), freeze(true), plus(T0, -HOUR))).code).toBe('WRONG_PHASE');
  });

  it('staff may change the increment while frozen', () => {
    const f = ok(decide(listing, freeze(), plus(T0, HOUR))).state;
    const d = ok(decide(f, { type: 'change_increment', increment: m('200000.00'), reason: 'market conditions' }, plus(T0, 2 * HOUR)));
    expect(ofType(d.events, 'increment:changed')).toHaveLength(1);
    const r = ok(decide(d.state, resume(), plus(T0, 2 * HOUR))).state;
    const { state: q } = run(r, [[bid('001', '10000000.00'), plus(T0, 3 * HOUR)]]);
    expect(rejected(decide(q, bid('002', '10100000.00'), plus(T0, 4 * HOUR))).code).toBe('PRICE_TOO_LOW');
  });

  it('a freeze during sealed bidding moves the submission deadline and the opening by the frozen time', () => {
    const s = opened(tenderTerms(), { openingAt: plus(END, HOUR) });
    const frozenAt = plus(T0, HOUR);
    const f = ok(decide(s, freeze(), frozenAt)).state;
    const r = ok(decide(f, resume(), plus(frozenAt, 10 * MINUTE))).state;
    expect(r.deadline).toEqual(plus(END, 10 * MINUTE));
    expect(r.openingAt).toEqual(plus(END, HOUR + 10 * MINUTE));
  });
});
