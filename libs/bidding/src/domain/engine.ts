import { DomainError } from '@app/common/domain-error';
import type { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import type { Ratio } from '@app/money/ratio';
import { checkClientBidId, checkNotLeading, checkPriceBid, inQuietPeriod, isPastDeadline, reachesCap } from './bid-rules';
import {
  averagePrice,
  checkAreaBid,
  checkSealedPriceBand,
  checkShareBid,
  closestToAverage,
  drawWinner,
  isLotterySeed,
  lotteryCommitment,
  startCapRound,
} from './cap-modes';
import type {
  Command,
  CommitLotterySeed,
  DrawLottery,
  OpenSealed,
  OptIn,
  PlaceBid,
  PlaceCapBid,
  Qualify,
  ReserveCheck,
  SubmitSealed,
} from './commands';
import { countdownOf, mayBidInTimedRound, restartCountdown, timedRoundOpening, timedRoundSchedule, warningDue } from './countdown';
import { accepted, isRejected, lotGuard, phaseAfter, type Accepted, type Decision } from './decision';
import type { EngineEvent } from './events';
import { decideChangeIncrement, decideFreeze, decideResume } from './freeze';
import { listingEndOutcome, timedRoundWinner } from './listing-end';
import { decideScheduleResumption, decideSuspend, resumptionDue } from './suspension';
import { assertBidderNumber, assertInstant, reject, type BidderNumber } from './rejections';
import { assertSaltHex, isHex64, publishedValues, sealedBidCommitment, tenderWinner, verifyReveals } from './tender';
import {
  isClosed,
  patchState,
  stripUndefined,
  withBidder,
  type CapRoundState,
  type LotTradingState,
  type PriceLead,
  type PriceRoundPhase,
  type UnsoldReason,
} from './trading-state';

/**
 * The auction engine: one pure function from (state, command, now) to the next state and its events,
 * or a typed rejection. No I/O and no clock of its own: `now` is the database clock read by the
 * service inside the lot's row lock (DESIGN.md §4), so a batch of bids can be decided one after the
 * other against the same locked row.
 *
 * **Keeping the reserve out of the state** (design choice): the engine never receives the reserve
 * value. The commands that can end a lot — `tick`, `open_sealed`, `draw_lottery` — carry an optional
 * predicate `reserveMet(price) → boolean`. The engine calls it at most once per decision, with the
 * final price only, and only when the lot has a reserve; the service implements it as a closure that
 * decrypts the sealed reserve lazily (`price => meetsReserve(price, revealReserve(…).value)`, ≥ never
 * >). If a close is due and no predicate came with the command, the engine answers
 * `RESERVE_CHECK_REQUIRED` and changes nothing; the service repeats the command with the predicate. So
 * neither the state nor any event ever holds the reserve: an unsold close says only `RESERVE_NOT_MET`.
 *
 * Other decisions (details in the files named):
 * - every accepted price is strictly higher than the one before (bid-rules.ts); the current leader may
 *   not outbid itself (ALREADY_LEADING);
 * - a bid is accepted up to and including the deadline instant; the tick after it ends the phase
 *   (countdown.ts). Commands never run the clock: only `tick` does, so a late bid is rejected
 *   PHASE_CLOSED even when the tick has not run yet;
 * - a tick catches up with everything due at `now`, computed from the scheduled times, not from when
 *   the tick ran (a late clock gives the same result); its events carry `at = now` (when the server
 *   decided) and the scheduled instants in their payload (`deadline`, `opensAt`);
 * - once the lot is closed every command is rejected LOT_CLOSED and a tick does nothing: no event
 *   ever follows `lot:closed`;
 * - `qualify` changes the state but emits no event (the number of bidders stays confidential).
 */
export function decide(state: LotTradingState, command: Command, now: Date): Decision {
  assertInstant(now, 'now');
  if (command === null || typeof command !== 'object') throw new DomainError('INVALID_COMMAND', 'a command is an object', 'command');
  switch (command.type) {
    case 'place_bid':
      return placeBid(state, command, now);
    case 'place_cap_bid':
      return placeCapBid(state, command, now);
    case 'opt_in':
      return optIn(state, command, now);
    case 'submit_sealed':
      return submitSealed(state, command, now);
    case 'open_sealed':
      return openSealed(state, command, now);
    case 'commit_lottery_seed':
      return commitLotterySeed(state, command, now);
    case 'draw_lottery':
      return drawLottery(state, command, now);
    case 'qualify':
      return qualify(state, command);
    case 'tick':
      return tick(state, command.reserveMet, now);
    case 'freeze':
      return decideFreeze(state, command, now);
    case 'resume':
      return decideResume(state, command, now);
    case 'change_increment':
      return decideChangeIncrement(state, command, now);
    case 'suspend':
      return decideSuspend(state, command, now);
    case 'schedule_resumption':
      return decideScheduleResumption(state, command, now);
    default: {
      const type: unknown = (command as { type?: unknown }).type;
      throw new DomainError('INVALID_COMMAND', `unknown command type "${String(type)}"`, 'type');
    }
  }
}

// ───────────────────────────── price bids ─────────────────────────────

function placeBid(state: LotTradingState, command: PlaceBid, now: Date): Decision {
  const guard = lotGuard(state);
  if (guard) return guard;
  assertBidderNumber(command.bidderNumber);
  if (!Money.isMoney(command.price)) throw new DomainError('INVALID_PRICE', 'a price is Money', 'price');
  const phase = state.phase;
  if (phase === 'applying') return reject('NOT_OPEN_YET', 'trading has not opened yet');
  if (phase === 'cap_round') return reject('WRONG_PHASE', 'price bidding stopped at the cap (最高限价); the cap mode is running');
  if (phase === 'sealed_bidding' || phase === 'opening') return reject('WRONG_PHASE', 'a tender takes sealed bids only');
  if (phase !== 'listing' && phase !== 'timed_round' && phase !== 'auction_round') return reject('WRONG_PHASE', `no bids in phase ${phase}`);
  if (state.opensAt !== undefined && now.getTime() < state.opensAt.getTime()) {
    return reject('NOT_OPEN_YET', `the timed round opens at ${state.opensAt.toISOString()}`);
  }
  const deadline = state.deadline;
  if (deadline === undefined) throw new DomainError('INVALID_STATE', `phase ${phase} without a deadline`, 'deadline');
  if (isPastDeadline(now, deadline)) return reject('PHASE_CLOSED', `bidding closed at ${deadline.toISOString()}`);
  const idProblem = checkClientBidId(command.clientBidId);
  if (idProblem) return { rejection: idProblem };
  const bidder = command.bidderNumber;
  if (!state.qualified.includes(bidder)) return reject('NOT_QUALIFIED', 'this bidder number is not qualified for the lot', 'bidderNumber');
  const round = state.terms.timedFinalRound;
  if (phase === 'timed_round' && round !== undefined && !mayBidInTimedRound(bidder, round.entry, state.timedRoundOptIns)) {
    return reject('NOT_ENTERED', 'only bidders who opted in before the listing end may bid in the timed round', 'bidderNumber');
  }
  if (phase === 'listing' && inQuietPeriod(now, deadline, state.rules.quietMinutes)) {
    return reject('QUIET_PERIOD', `no quotes in the last ${state.rules.quietMinutes} minutes before the listing end`);
  }
  const leading = checkNotLeading(bidder, state.lead?.bidderNumber);
  if (leading) return { rejection: leading };
  const increment = state.increment;
  const policy = state.terms.incrementPolicy;
  if (increment === undefined || policy === undefined) throw new DomainError('INVALID_STATE', 'a price round without an increment', 'increment');
  const problem = checkPriceBid(command.price, {
    startPrice: state.roundStartPrice,
    current: state.lead?.price,
    increment,
    policy,
    maxJumpIncrements: state.terms.maxJumpIncrements,
    cap: state.terms.priceCap,
  });
  if (problem) return { rejection: problem };

  const lead: PriceLead = { price: command.price, bidderNumber: bidder, at: now };
  const restarted = phase !== 'listing';
  const nextDeadline = restarted ? restartCountdown(now, phase === 'timed_round' ? state.rules.timedRoundSeconds : state.rules.countdownSeconds) : deadline;
  let next = patchState(state, {
    lead,
    fallbackLead: undefined,
    deadline: nextDeadline,
    quotes: phase === 'listing' ? [...state.quotes, lead] : state.quotes,
    lastWarningSeconds: restarted ? undefined : state.lastWarningSeconds,
  });
  const events: EngineEvent[] = [{ type: 'bid:accepted', at: now, phase, price: command.price, bidderNumber: bidder, deadline: nextDeadline }];
  if (reachesCap(command.price, increment, state.terms.priceCap)) {
    const cap = enterCapRound(next, lead, phase, now);
    next = cap.state;
    events.push(...cap.events);
  }
  return accepted(next, events);
}

function enterCapRound(state: LotTradingState, lead: PriceLead, from: PriceRoundPhase, now: Date): Accepted {
  const rule = state.terms.capRule;
  if (rule === undefined) throw new DomainError('INVALID_STATE', 'a price cap without a cap rule', 'capRule');
  const round = state.terms.timedFinalRound;
  const eligible = from === 'timed_round' && round?.entry === 'opt_in' ? state.timedRoundOptIns : state.qualified;
  const { capRound, deadline } = startCapRound({ rule, price: lead.price, priceLeader: lead.bidderNumber, from, eligible, rules: state.rules, now });
  const phase = phaseAfter(state, 'reach_cap', now).phase;
  const next = patchState(state, { phase, capRound, deadline, opensAt: undefined, lastWarningSeconds: undefined });
  const events: EngineEvent[] = [
    { type: 'phase:changed', at: now, from, to: phase, deadline },
    stripUndefined({
      type: 'cap:reached' as const,
      at: now,
      mode: rule.mode,
      price: lead.price,
      priceLeaderNumber: lead.bidderNumber,
      deadline,
      startArea: rule.mode === 'build_in_area' ? rule.startArea : undefined,
      startShare: rule.mode === 'self_held_share' ? rule.startShare : undefined,
    }),
  ];
  return accepted(next, events);
}

// ───────────────────────────── cap modes ─────────────────────────────

function runningCapRound(state: LotTradingState): CapRoundState | undefined {
  return state.phase === 'cap_round' ? state.capRound : undefined;
}

function placeCapBid(state: LotTradingState, command: PlaceCapBid, now: Date): Decision {
  const guard = lotGuard(state);
  if (guard) return guard;
  assertBidderNumber(command.bidderNumber);
  const cap = runningCapRound(state);
  if (cap === undefined) return reject('WRONG_PHASE', 'area and share bids are taken only once the price cap is reached');
  if (cap.mode !== 'build_in_area' && cap.mode !== 'self_held_share') {
    return reject('WRONG_MODE', `the cap mode of this lot is ${cap.mode}, not area or share bidding`);
  }
  if (isPastDeadline(now, state.deadline)) return reject('PHASE_CLOSED', 'the cap round has ended');
  const bidder = command.bidderNumber;
  if (!state.qualified.includes(bidder)) return reject('NOT_QUALIFIED', 'this bidder number is not qualified for the lot', 'bidderNumber');
  if (!cap.eligible.includes(bidder)) return reject('NOT_ENTERED', 'this bidder did not enter the round in which the cap was reached', 'bidderNumber');
  const rule = state.terms.capRule;
  const policy = state.terms.incrementPolicy ?? 'at_least_one';
  const deadline = restartCountdown(now, state.rules.capRoundSeconds);
  if (cap.mode === 'build_in_area') {
    if (command.area === undefined || command.share !== undefined || rule?.mode !== 'build_in_area') {
      return reject('WRONG_MODE', '竞配建 takes an area (㎡), not a share', 'area');
    }
    const leading = checkNotLeading(bidder, cap.lead.bidderNumber);
    if (leading) return { rejection: leading };
    const problem = checkAreaBid(command.area, cap.lead, rule, policy);
    if (problem) return { rejection: problem };
    const next = patchState(state, {
      capRound: { ...cap, lead: { area: command.area, bidderNumber: bidder, at: now } },
      deadline,
      lastWarningSeconds: undefined,
    });
    return accepted(next, [{ type: 'area:accepted', at: now, area: command.area, bidderNumber: bidder, deadline }]);
  }
  if (command.share === undefined || command.area !== undefined || rule?.mode !== 'self_held_share') {
    return reject('WRONG_MODE', '竞自持 takes a share, not an area', 'share');
  }
  const leading = checkNotLeading(bidder, cap.lead.bidderNumber);
  if (leading) return { rejection: leading };
  const problem = checkShareBid(command.share, cap.lead, rule, policy);
  if (problem) return { rejection: problem };
  const next = patchState(state, {
    capRound: { ...cap, lead: { share: command.share, bidderNumber: bidder, at: now } },
    deadline,
    lastWarningSeconds: undefined,
  });
  return accepted(next, [{ type: 'share:accepted', at: now, share: command.share, bidderNumber: bidder, deadline }]);
}

function optIn(state: LotTradingState, command: OptIn, now: Date): Decision {
  const guard = lotGuard(state);
  if (guard) return guard;
  assertBidderNumber(command.bidderNumber);
  const bidder = command.bidderNumber;
  if (state.phase === 'applying') return reject('NOT_OPEN_YET', 'trading has not opened yet');
  if (state.phase === 'listing') {
    const round = state.terms.timedFinalRound;
    if (round === undefined || round.entry !== 'opt_in') {
      return reject('NOT_APPLICABLE', round === undefined ? 'this lot has no timed final round' : 'every qualified bidder may bid in this timed round; no opt-in');
    }
    if (isPastDeadline(now, state.deadline)) return reject('PHASE_CLOSED', 'the listing has ended');
    if (!state.qualified.includes(bidder)) return reject('NOT_QUALIFIED', 'this bidder number is not qualified for the lot', 'bidderNumber');
    if (state.timedRoundOptIns.includes(bidder)) return reject('ALREADY_ENTERED', 'this bidder has already opted in', 'bidderNumber');
    return accepted(patchState(state, { timedRoundOptIns: withBidder(state.timedRoundOptIns, bidder) }), [
      { type: 'opt_in:accepted', at: now, purpose: 'timed_round', bidderNumber: bidder },
    ]);
  }
  const cap = runningCapRound(state);
  if (cap === undefined) return reject('WRONG_PHASE', 'opting in is possible during a listing with an opt-in timed round, or in a lottery window');
  if (cap.mode !== 'lottery') return reject('WRONG_MODE', `the cap mode of this lot is ${cap.mode}, not a lottery`);
  if (cap.windowClosed || isPastDeadline(now, state.deadline)) return reject('PHASE_CLOSED', 'the lottery window has closed');
  if (!state.qualified.includes(bidder)) return reject('NOT_QUALIFIED', 'this bidder number is not qualified for the lot', 'bidderNumber');
  if (!cap.eligible.includes(bidder)) return reject('NOT_ENTERED', 'this bidder did not enter the round in which the cap was reached', 'bidderNumber');
  if (cap.entrants.includes(bidder)) return reject('ALREADY_ENTERED', 'this bidder is already an entrant of the lottery', 'bidderNumber');
  return accepted(patchState(state, { capRound: { ...cap, entrants: withBidder(cap.entrants, bidder) } }), [
    { type: 'opt_in:accepted', at: now, purpose: 'lottery', bidderNumber: bidder },
  ]);
}

function submitSealed(state: LotTradingState, command: SubmitSealed, now: Date): Decision {
  const guard = lotGuard(state);
  if (guard) return guard;
  assertBidderNumber(command.bidderNumber);
  if (!Money.isMoney(command.price)) throw new DomainError('INVALID_PRICE', 'a price is Money', 'price');
  assertSaltHex(command.saltHex);
  const bidder = command.bidderNumber;
  if (state.phase === 'applying') return reject('NOT_OPEN_YET', 'sealed bids are not accepted yet');
  if (state.phase === 'opening') return reject('PHASE_CLOSED', 'the submission deadline has passed');
  if (state.phase === 'sealed_bidding') {
    if (isPastDeadline(now, state.deadline)) return reject('PHASE_CLOSED', 'the submission deadline has passed');
    if (!state.qualified.includes(bidder)) return reject('NOT_QUALIFIED', 'this bidder number is not qualified for the lot', 'bidderNumber');
    if (state.sealedBids.some((b) => b.bidderNumber === bidder)) return reject('ALREADY_SUBMITTED', 'one sealed bid per bidder', 'bidderNumber');
    if (command.price.lt(state.terms.startPrice)) {
      return reject('PRICE_TOO_LOW', `a tender must be at least the start price ${state.terms.startPrice.formatYuan()}`, 'price');
    }
    const commitment = sealedBidCommitment(state.lotId, bidder, command.price, command.saltHex);
    return accepted(patchState(state, { sealedBids: [...state.sealedBids, { bidderNumber: bidder, commitment, at: now }] }), [
      { type: 'sealed:received', at: now, bidderNumber: bidder, commitment },
    ]);
  }
  const cap = runningCapRound(state);
  if (cap === undefined) return reject('WRONG_PHASE', 'sealed prices are taken in a tender or in a one-sealed-price cap round');
  if (cap.mode !== 'one_sealed_price' || state.terms.capRule?.mode !== 'one_sealed_price') {
    return reject('WRONG_MODE', `the cap mode of this lot is ${cap.mode}, not one sealed price`);
  }
  if (cap.windowClosed || isPastDeadline(now, state.deadline)) return reject('PHASE_CLOSED', 'the sealed-price window has closed');
  if (!state.qualified.includes(bidder)) return reject('NOT_QUALIFIED', 'this bidder number is not qualified for the lot', 'bidderNumber');
  if (!cap.eligible.includes(bidder)) return reject('NOT_ENTERED', 'this bidder did not enter the round in which the cap was reached', 'bidderNumber');
  if (cap.submissions.some((b) => b.bidderNumber === bidder)) return reject('ALREADY_SUBMITTED', 'one sealed price per bidder', 'bidderNumber');
  const band = checkSealedPriceBand(command.price, state.terms.capRule);
  if (band) return { rejection: band };
  const commitment = sealedBidCommitment(state.lotId, bidder, command.price, command.saltHex);
  return accepted(patchState(state, { capRound: { ...cap, submissions: [...cap.submissions, { bidderNumber: bidder, commitment, at: now }] } }), [
    { type: 'sealed:received', at: now, bidderNumber: bidder, commitment },
  ]);
}

function openSealed(state: LotTradingState, command: OpenSealed, now: Date): Decision {
  const guard = lotGuard(state);
  if (guard) return guard;
  if (state.phase === 'opening') {
    if (state.openingAt !== undefined && now.getTime() < state.openingAt.getTime()) {
      return reject('NOT_OPEN_YET', `the opening is at ${state.openingAt.toISOString()}`);
    }
    const verified = verifyReveals(state.lotId, state.sealedBids, command.reveals);
    if ('rejection' in verified) return verified;
    const winner = tenderWinner(verified.values);
    if (winner === undefined) throw new DomainError('INVALID_STATE', 'an opening without sealed bids', 'sealedBids');
    const opened: EngineEvent = { type: 'sealed:opened', at: now, bids: publishedValues(verified.values) };
    return closeWithAward(state, { price: winner.price, winnerNumber: winner.bidderNumber }, now, command.reserveMet, [opened]);
  }
  const cap = runningCapRound(state);
  if (cap === undefined || cap.mode !== 'one_sealed_price') return reject('WRONG_PHASE', 'there are no sealed values to open');
  if (!cap.windowClosed) return reject('WINDOW_OPEN', 'the sealed-price window has not closed yet');
  const verified = verifyReveals(state.lotId, cap.submissions, command.reveals);
  if ('rejection' in verified) return verified;
  const winner = closestToAverage(verified.values);
  if (winner === undefined) throw new DomainError('INVALID_STATE', 'an opening without sealed prices', 'submissions');
  const opened: EngineEvent = stripUndefined({
    type: 'sealed:opened' as const,
    at: now,
    bids: publishedValues(verified.values),
    average: averagePrice(verified.values.map((v) => v.price)),
  });
  return closeWithAward(state, { price: winner.price, winnerNumber: winner.bidderNumber }, now, command.reserveMet, [opened]);
}

function commitLotterySeed(state: LotTradingState, command: CommitLotterySeed, now: Date): Decision {
  if (isClosed(state)) return reject('LOT_CLOSED', 'the lot is closed');
  if (state.terms.capRule?.mode !== 'lottery') return reject('NOT_APPLICABLE', 'this lot has no lottery at the cap');
  if (state.lotteryCommitment !== undefined) return reject('ALREADY_COMMITTED', 'the lottery seed commitment is already published');
  if (!isHex64(command.commitment)) return reject('INVALID_COMMITMENT', 'a commitment is a SHA-256 hash as 64 lowercase hex digits', 'commitment');
  const cap = state.capRound;
  if (cap?.mode === 'lottery' && (cap.windowClosed || (state.phase !== 'frozen' && isPastDeadline(now, state.deadline)))) {
    return reject('PHASE_CLOSED', 'the lottery window has closed: the commitment had to come before');
  }
  return accepted(patchState(state, { lotteryCommitment: command.commitment }), [{ type: 'lottery:committed', at: now, commitment: command.commitment }]);
}

function drawLottery(state: LotTradingState, command: DrawLottery, now: Date): Decision {
  const guard = lotGuard(state);
  if (guard) return guard;
  const cap = runningCapRound(state);
  if (cap === undefined || cap.mode !== 'lottery') return reject('WRONG_PHASE', 'there is no lottery to draw');
  if (!cap.windowClosed) return reject('WINDOW_OPEN', 'the lottery window has not closed yet');
  const commitment = state.lotteryCommitment;
  if (commitment === undefined) return reject('NO_SEED_COMMITMENT', 'no seed commitment was published before the window closed');
  if (!isLotterySeed(command.seedHex) || lotteryCommitment(command.seedHex) !== commitment) {
    return reject('SEED_MISMATCH', 'the seed does not match the published commitment', 'seedHex');
  }
  const index = drawWinner(command.seedHex, cap.entrants);
  const winnerNumber = cap.entrants[index];
  const drawn: EngineEvent = { type: 'lottery:drawn', at: now, seedHex: command.seedHex, commitment, entrants: cap.entrants, index, winnerNumber };
  return closeWithAward(state, { price: cap.price, winnerNumber }, now, command.reserveMet, [drawn]);
}

function qualify(state: LotTradingState, command: Qualify): Decision {
  if (isClosed(state)) return reject('LOT_CLOSED', 'the lot is closed');
  assertBidderNumber(command.bidderNumber);
  if (state.qualified.includes(command.bidderNumber)) return accepted(state);
  return accepted(patchState(state, { qualified: withBidder(state.qualified, command.bidderNumber) }));
}

// ───────────────────────────── closing ─────────────────────────────

interface Award {
  readonly price: Money;
  readonly winnerNumber: BidderNumber;
  readonly area?: Area;
  readonly share?: Ratio;
}

function closeSold(state: LotTradingState, award: Award, now: Date, before: EngineEvent[]): Accepted {
  const phase = phaseAfter(state, 'close_sold', now).phase;
  const outcome = stripUndefined({ outcome: 'sold' as const, price: award.price, winnerNumber: award.winnerNumber, area: award.area, share: award.share, at: now });
  const next = patchState(state, { phase, outcome, deadline: undefined, opensAt: undefined, lastWarningSeconds: undefined });
  return accepted(next, [
    ...before,
    stripUndefined({ type: 'lot:closed' as const, at: now, outcome: 'sold' as const, price: award.price, winnerNumber: award.winnerNumber, area: award.area, share: award.share }),
  ]);
}

function closeUnsold(state: LotTradingState, reason: UnsoldReason, now: Date, before: EngineEvent[] = []): Accepted {
  const phase = phaseAfter(state, 'close_unsold', now).phase;
  const next = patchState(state, { phase, outcome: { outcome: 'unsold', reason, at: now }, deadline: undefined, opensAt: undefined, lastWarningSeconds: undefined });
  return accepted(next, [...before, { type: 'lot:closed', at: now, outcome: 'unsold', reason }]);
}

/** Sold if the price meets the reserve (asked through `reserveMet`, see the file comment), else unsold RESERVE_NOT_MET. */
function closeWithAward(state: LotTradingState, award: Award, now: Date, reserveMet: ReserveCheck | undefined, before: EngineEvent[] = []): Decision {
  if (state.terms.hasReserve) {
    if (reserveMet === undefined) {
      return reject('RESERVE_CHECK_REQUIRED', 'the lot has a sealed reserve: send the command again with reserveMet(price)', 'reserveMet');
    }
    if (typeof reserveMet !== 'function') throw new DomainError('INVALID_RESERVE_CHECK', 'reserveMet must be a function', 'reserveMet');
    const met: unknown = reserveMet(award.price);
    if (typeof met !== 'boolean') throw new DomainError('INVALID_RESERVE_CHECK', 'reserveMet must return true or false', 'reserveMet');
    if (!met) return closeUnsold(state, 'RESERVE_NOT_MET', now, before);
  }
  return closeSold(state, award, now, before);
}

// ───────────────────────────── the clock ─────────────────────────────

const MAX_STEPS = 12;

function tick(state: LotTradingState, reserveMet: ReserveCheck | undefined, now: Date): Decision {
  if (isClosed(state) || state.phase === 'frozen') return accepted(state);
  let current = state;
  const events: EngineEvent[] = [];
  for (let i = 0; ; i++) {
    if (i >= MAX_STEPS) throw new DomainError('CLOCK_LOOP', 'the clock did not settle', 'phase');
    const step = clockStep(current, now, reserveMet);
    if (step === null) break;
    if (isRejected(step)) return step;
    current = step.state;
    events.push(...step.events);
    if (isClosed(current)) return accepted(current, events);
  }
  const countdown = countdownOf(current, current.rules);
  const deadline = current.deadline;
  if (countdown !== undefined && deadline !== undefined && (current.opensAt === undefined || now.getTime() >= current.opensAt.getTime())) {
    const mark = warningDue(deadline, now, countdown.seconds, countdown.marks, current.lastWarningSeconds);
    if (mark !== undefined) {
      current = patchState(current, { lastWarningSeconds: mark });
      events.push({ type: 'countdown:warning', at: now, secondsLeft: mark, deadline });
    }
  }
  return accepted(current, events);
}

/** The one transition due at `now`, or null when nothing is. */
function clockStep(state: LotTradingState, now: Date, reserveMet: ReserveCheck | undefined): Decision | null {
  switch (state.phase) {
    case 'applying':
      return state.opensAt !== undefined && now.getTime() >= state.opensAt.getTime() ? openTrading(state, now) : null;
    case 'listing':
      return isPastDeadline(now, state.deadline) ? endListing(state, now, reserveMet) : null;
    case 'timed_round': {
      if (!isPastDeadline(now, state.deadline)) return null;
      const winner = timedRoundWinner(state.lead, state.fallbackLead);
      if (winner === undefined) throw new DomainError('INVALID_STATE', 'a timed round without a listing leader', 'lead');
      return closeWithAward(state, { price: winner.price, winnerNumber: winner.bidderNumber }, now, reserveMet);
    }
    case 'auction_round':
      if (!isPastDeadline(now, state.deadline)) return null;
      return state.lead === undefined
        ? closeUnsold(state, 'NO_BIDS', now)
        : closeWithAward(state, { price: state.lead.price, winnerNumber: state.lead.bidderNumber }, now, reserveMet);
    case 'cap_round':
      return isPastDeadline(now, state.deadline) ? endCapWindow(state, now, reserveMet) : null;
    case 'sealed_bidding':
      return isPastDeadline(now, state.deadline) ? endSealedBidding(state, now) : null;
    case 'suspended':
      // Never a close while suspended, however far the deadline lies behind: only the resumption.
      return resumptionDue(state, now);
    default:
      return null;
  }
}

function openTrading(state: LotTradingState, now: Date): Decision {
  const opensAt = state.opensAt;
  if (opensAt === undefined) throw new DomainError('INVALID_STATE', 'applying without an opening time', 'opensAt');
  const method = state.terms.method;
  if (method === 'auction') {
    if (state.qualified.length < state.rules.minBidders) return closeUnsold(state, 'TOO_FEW_BIDDERS', now);
    const phase = phaseAfter(state, 'open_auction', now).phase;
    const deadline = restartCountdown(opensAt, state.rules.countdownSeconds);
    return accepted(patchState(state, { phase, deadline, opensAt: undefined }), [{ type: 'phase:changed', at: now, from: state.phase, to: phase, deadline }]);
  }
  const deadline = state.endsAt;
  if (deadline === undefined) throw new DomainError('INVALID_STATE', `a ${method} without an end`, 'endsAt');
  const phase = phaseAfter(state, method === 'listing' ? 'open_listing' : 'open_sealed_bidding', now).phase;
  return accepted(patchState(state, { phase, deadline, opensAt: undefined, endsAt: undefined }), [
    { type: 'phase:changed', at: now, from: state.phase, to: phase, deadline },
  ]);
}

function endListing(state: LotTradingState, now: Date, reserveMet: ReserveCheck | undefined): Decision {
  const outcome = listingEndOutcome({
    quotes: state.quotes,
    qualified: state.qualified,
    minBidders: state.rules.minBidders,
    timedFinalRound: state.terms.timedFinalRound,
    timedRoundOptIns: state.timedRoundOptIns,
  });
  if (outcome.kind === 'unsold') return closeUnsold(state, outcome.reason, now);
  if (outcome.kind === 'award') return closeWithAward(state, { price: outcome.lead.price, winnerNumber: outcome.lead.bidderNumber }, now, reserveMet);
  const round = state.terms.timedFinalRound;
  const listingEnd = state.deadline;
  const increment = state.increment;
  if (round === undefined || listingEnd === undefined || increment === undefined) {
    throw new DomainError('INVALID_STATE', 'a timed round needs its terms, the listing end and an increment', 'timedFinalRound');
  }
  const { opensAt, deadline } = timedRoundSchedule(listingEnd, round.preparationGapMinutes, state.rules.timedRoundSeconds);
  const opening = timedRoundOpening(outcome.listingHigh, increment, round.startAt);
  const phase = phaseAfter(state, 'start_timed_round', now).phase;
  const next = patchState(state, {
    phase,
    opensAt,
    deadline,
    roundStartPrice: opening.roundStartPrice,
    lead: opening.lead,
    fallbackLead: opening.fallbackLead,
    lastWarningSeconds: undefined,
  });
  return accepted(next, [{ type: 'phase:changed', at: now, from: state.phase, to: phase, opensAt, deadline, startPrice: opening.roundStartPrice }]);
}

function endCapWindow(state: LotTradingState, now: Date, reserveMet: ReserveCheck | undefined): Decision | null {
  const cap = state.capRound;
  if (cap === undefined) throw new DomainError('INVALID_STATE', 'a cap round without its state', 'capRound');
  switch (cap.mode) {
    case 'build_in_area':
      return closeWithAward(state, { price: cap.price, winnerNumber: cap.lead.bidderNumber, area: cap.lead.area }, now, reserveMet);
    case 'self_held_share':
      return closeWithAward(state, { price: cap.price, winnerNumber: cap.lead.bidderNumber, share: cap.lead.share }, now, reserveMet);
    case 'lottery': {
      if (cap.windowClosed) return null;
      const published: EngineEvent = { type: 'lottery:entrants', at: now, entrants: cap.entrants };
      if (cap.entrants.length === 1) return closeWithAward(state, { price: cap.price, winnerNumber: cap.entrants[0] }, now, reserveMet, [published]);
      return accepted(patchState(state, { capRound: { ...cap, windowClosed: true } }), [published]);
    }
    case 'one_sealed_price': {
      if (cap.windowClosed) return null;
      const closed: EngineEvent = { type: 'sealed:window_closed', at: now, count: cap.submissions.length };
      if (cap.submissions.length === 0) return closeWithAward(state, { price: cap.price, winnerNumber: cap.priceLeader }, now, reserveMet, [closed]);
      return accepted(patchState(state, { capRound: { ...cap, windowClosed: true } }), [closed]);
    }
  }
}

function endSealedBidding(state: LotTradingState, now: Date): Decision {
  const phase = phaseAfter(state, 'open_bids', now).phase;
  const opening = patchState(state, { phase, deadline: undefined });
  const events: EngineEvent[] = [
    stripUndefined({ type: 'phase:changed' as const, at: now, from: state.phase, to: phase, opensAt: state.openingAt }),
    { type: 'sealed:window_closed', at: now, count: state.sealedBids.length },
  ];
  if (state.qualified.length < state.rules.minBidders) return closeUnsold(opening, 'TOO_FEW_BIDDERS', now, events);
  if (state.sealedBids.length < state.rules.minTenderBids) return closeUnsold(opening, 'TOO_FEW_BIDS', now, events);
  return accepted(opening, events);
}
