import { Injectable } from '@nestjs/common';
import { randomBytes, randomInt } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { hasPermission, Permission, Role, UserEntity } from '@app/auth';
import { SimulatedBidders } from '@app/bidding';
import { DomainError, DomainErrors, type Actor } from '@app/common';
import { TransactionRunner } from '@app/database';
import { PracticeLotWriter, type LotTermsDto } from '@app/listing';
import { Ratio } from '@app/money';
import { PracticeSeats } from '@app/qualification';
import { SettingsService } from '@app/settings';
import { PRACTICE_PARCEL, practicePlan, simulatedLimits, type PracticeChoice, type PracticeTerms } from '../domain/practice-plan';
import { PracticeLotEntity } from '../persistence/practice-lot.entity';

export interface StartPractice extends PracticeChoice {
  /** Trainer only: the usernames of the bidder accounts to seat (a class). */
  readonly bidders?: readonly string[];
  /** How many simulated opponents (1–3, default 3). */
  readonly opponents?: number;
}

interface PracticeSettings {
  maxRunningPerAccount: number;
  maxStartsPerAccountPerDay: number;
  maxBiddersPerLot: number;
  retentionHours: number;
}

interface LotRow {
  id: string;
  lot_number: string;
  title: string;
  method: string;
  phase: string;
  terms: PracticeTerms & { practiceParcel?: { name: string; area: string; plotRatioMax: string } };
  trading_start: Date;
  trading_end: Date | null;
  opening_at: Date | null;
  created_by: string;
  trainer: boolean;
  created_at: Date;
  closed_at: Date | null;
}

const CLOSED_PHASES = ['closed_sold', 'closed_unsold', 'terminated'];

/**
 * Practice lots (模拟竞价): a bidder rehearses a sale, or a trainer runs one for a class, at any time,
 * on a lot with its own compressed clock and simulated opponents (libs/bidding SimulatedBidders, the
 * demo's driver). The lot is written by listing and seated by qualification, both marked practice;
 * trading treats it like any lot (row lock, database clock, hash chain), and nothing of it reaches the
 * ledger, settlement, notices, statistics or notifications. Deleted after the retention
 * (practice-cleanup.service.ts); the audit records of its start and deletion stay.
 *
 * Access: the creator, the bidders seated on it and trading staff (who see identities, as on any lot);
 * to anyone else a practice lot does not exist (PRACTICE_LOT_NOT_FOUND). Live watching by lot id stays
 * public, as for every lot: spectators see bidder numbers only.
 */
@Injectable()
export class PracticeService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly writer: PracticeLotWriter,
    private readonly seats: PracticeSeats,
    private readonly simulated: SimulatedBidders,
  ) {}

  async start(actor: Actor, input: StartPractice) {
    const trainer = hasPermission(actor.roles, Permission.PracticeTrain);
    if (input.bidders !== undefined && !trainer) throw new DomainError('FORBIDDEN', 'only a trainer (trading staff) seats other bidders on a practice lot', 'bidders');
    const opponents = input.opponents ?? 3;
    if (!Number.isSafeInteger(opponents) || opponents < 1 || opponents > 3) throw new DomainError('INVALID_OPPONENTS', 'opponents must be 1, 2 or 3', 'opponents');
    return this.tx.run(async (em) => {
      // One account's starts one after another, so the limits hold under concurrent requests.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('practice.start:' || $1))`, [actor.id]);
      const settings = await this.practiceSettings(em);
      await this.checkLimits(em, actor, settings);
      const named = await this.namedBidders(em, input.bidders ?? [], settings, 'bidders');
      const [{ now }] = (await em.query('SELECT clock_timestamp() AS now')) as Array<{ now: Date }>;
      const ratio = Ratio.of(String(await this.settings.get<string>('listing.minDepositRatio', em)));
      const plan = practicePlan(input, now, ratio);
      const lot = await this.writer.create(em, {
        lotNumber: practiceLotNumber(now),
        title: plan.title,
        terms: plan.terms as unknown as LotTermsDto,
        practiceParcel: { ...PRACTICE_PARCEL },
        tradingStart: plan.tradingStart,
        tradingEnd: plan.tradingEnd,
        openingAt: plan.openingAt,
        createdBy: actor.id,
      });
      await em.insert(PracticeLotEntity, { lotId: lot.id, createdBy: actor.id, trainer, createdAt: now });
      const seated: Array<{ username: string; bidderNumber: string }> = [];
      if (actor.roles.includes(Role.Bidder)) seated.push({ username: actor.username, bidderNumber: (await this.seats.seatAccount(em, lot.id, actor.id, 'authorization')).bidderNumber });
      for (const [i, u] of named.entries()) {
        if (u.id === actor.id) continue;
        seated.push({ username: u.username, bidderNumber: (await this.seats.seatAccount(em, lot.id, u.id, `bidders[${i}]`)).bidderNumber });
      }
      const limits = simulatedLimits(plan, opponents, randomInt);
      const sims = [];
      for (let i = 0; i < opponents; i++) sims.push({ ...(await this.seats.seatSimulated(em, lot.id, i)), ...limits[i]! });
      // The opponents pause 2–10 s between moves, always well inside the round's countdown.
      const maxDelayMs = Math.min(10_000, Math.floor((plan.countdownSeconds * 1000) / 3));
      await this.simulated.enlist(em, lot.id, sims, {
        firstMoveInMs: plan.tradingStart.getTime() - now.getTime() + 3_000,
        minDelayMs: Math.min(2_000, maxDelayMs),
        maxDelayMs,
        listingQuotesMax: 2,
      });
      await this.audit.record(em, {
        action: 'practice.start',
        entityType: 'lot',
        entityId: lot.id,
        after: { practice: true, lotNumber: lot.lotNumber, method: plan.terms.method, capMode: plan.terms.capRule?.mode ?? null, trainer, opponents, seated, tradingStart: plan.tradingStart },
        reason: trainer ? 'training session (模拟竞价演练)' : 'rehearsal by a bidder (模拟竞价)',
      });
      return this.view(em, lot.id, actor);
    });
  }

  /** A trainer seats more bidder accounts on a practice lot that has not closed; an account already seated keeps its number. */
  async addBidders(lotId: string, usernames: readonly string[], actor: Actor) {
    return this.tx.run(async (em) => {
      const row = await this.lot(em, lotId, true);
      if (!row) throw notFound(lotId);
      if (CLOSED_PHASES.includes(row.phase)) throw new DomainError('PRACTICE_LOT_CLOSED', `practice lot ${row.lot_number} is ${row.phase}: nobody joins it any more`, 'id');
      const settings = await this.practiceSettings(em);
      const named = await this.namedBidders(em, usernames, settings, 'usernames');
      const [{ n }] = (await em.query(`SELECT count(*)::int AS n FROM application a WHERE a.lot_id = $1 AND NOT EXISTS (SELECT 1 FROM simulated_bidder s WHERE s.application_id = a.id)`, [lotId])) as Array<{ n: number }>;
      const added: Array<{ username: string; bidderNumber: string }> = [];
      for (const [i, u] of named.entries()) {
        const seat = await this.seats.seatAccount(em, lotId, u.id, `usernames[${i}]`);
        if (seat.created) added.push({ username: u.username, bidderNumber: seat.bidderNumber });
      }
      if (n + added.length > settings.maxBiddersPerLot) {
        throw new DomainError('TOO_MANY_PRACTICE_BIDDERS', `a practice lot seats at most ${settings.maxBiddersPerLot} bidders (setting practice.maxBiddersPerLot)`, 'usernames');
      }
      if (added.length > 0) {
        await this.audit.record(em, { action: 'practice.add_bidders', entityType: 'lot', entityId: lotId, after: { practice: true, lotNumber: row.lot_number, added }, reason: 'training session (模拟竞价演练)' });
      }
      return this.view(em, lotId, actor);
    });
  }

  /** The practice lots the caller started or holds a seat on, newest first. */
  async mine(actor: Actor) {
    return this.tx.run(async (em) => {
      const rows = (await em.query(
        `SELECT p.lot_id FROM practice_lot p
          WHERE p.created_by = $1
             OR EXISTS (SELECT 1 FROM application a JOIN bidder b ON b.id = a.lead_bidder_id WHERE a.lot_id = p.lot_id AND b.user_id = $1)
          ORDER BY p.created_at DESC, p.lot_id`,
        [actor.id],
      )) as Array<{ lot_id: string }>;
      const items = [];
      for (const r of rows) items.push(await this.view(em, r.lot_id, actor));
      return { items };
    });
  }

  async get(lotId: string, actor: Actor) {
    return this.tx.run((em) => this.view(em, lotId, actor));
  }

  // ── views ─────────────────────────────────────────────────────────────────────────────────────

  /**
   * A practice lot as the caller may see it: to its creator and seated bidders the lot, the clock,
   * their own number and how many bidders there are; to trading staff also who is behind each number
   * (simulated or not). Anyone else: PRACTICE_LOT_NOT_FOUND, as for an unknown id.
   */
  private async view(em: EntityManager, lotId: string, actor: Actor) {
    const row = await this.lot(em, lotId, false);
    if (!row) throw notFound(lotId);
    const participants = (await em.query(
      `SELECT a.bidder_number, b.name, u.username, b.user_id, (s.application_id IS NOT NULL) AS simulated
         FROM application a JOIN bidder b ON b.id = a.lead_bidder_id JOIN app_user u ON u.id = b.user_id
         LEFT JOIN simulated_bidder s ON s.application_id = a.id
        WHERE a.lot_id = $1 ORDER BY a.bidder_number`,
      [lotId],
    )) as Array<{ bidder_number: string; name: string; username: string; user_id: string; simulated: boolean }>;
    const staff = hasPermission(actor.roles, Permission.BidderRead);
    const own = participants.find((p) => p.user_id === actor.id);
    if (!staff && !own && row.created_by !== actor.id) throw notFound(lotId);
    const retention = (await this.practiceSettings(em)).retentionHours;
    const since = row.closed_at && row.closed_at > row.created_at ? row.closed_at : row.created_at;
    const terms = row.terms;
    const round = terms.timedFinalRound;
    return {
      id: row.id,
      practice: true as const,
      lotNumber: row.lot_number,
      title: row.title,
      method: row.method,
      capMode: terms.capRule?.mode ?? null,
      phase: row.phase,
      createdAt: row.created_at,
      closedAt: row.closed_at,
      /** When the lot and everything it produced are deleted. */
      expiresAt: new Date(new Date(since).getTime() + retention * 3_600_000),
      startedBy: row.created_by === actor.id ? 'you' : row.trainer ? 'trainer' : 'bidder',
      schedule: {
        opensAt: row.trading_start,
        listingEnd: row.method === 'listing' ? row.trading_end : null,
        sealedBidDeadline: row.method === 'tender' ? row.trading_end : null,
        openingAt: row.opening_at,
        countdownSeconds: round?.countdownSeconds ?? terms.countdownSeconds ?? terms.capRule?.countdownSeconds ?? null,
        warningSeconds: round?.warningSeconds ?? terms.warningSeconds ?? [],
      },
      terms: {
        startPrice: terms.startPrice,
        increment: terms.increment ?? null,
        priceUnit: terms.priceUnit,
        priceCap: terms.priceCap ?? null,
        capRule: terms.capRule ?? null,
        /** Shown as in a real sale, never paid: nothing reaches the ledger. */
        deposit: { amount: terms.deposit, simulated: true as const },
        parcel: terms.practiceParcel ?? null,
      },
      you: own ? { bidderNumber: own.bidder_number } : null,
      bidderCount: participants.length,
      // Identities (and which numbers are simulated) only for trading staff, as in a real sale.
      participants: staff ? participants.map((p) => ({ bidderNumber: p.bidder_number, name: p.name, username: p.simulated ? null : p.username, simulated: p.simulated })) : undefined,
      live: {
        namespace: '/auction',
        trading: `/api/public/lots/${row.id}/trading`,
        events: `/api/public/lots/${row.id}/events`,
        chain: `/api/public/lots/${row.id}/chain`,
        verify: `/api/public/lots/${row.id}/chain/verify`,
        result: `/api/public/lots/${row.id}/result`,
      },
    };
  }

  private async lot(em: EntityManager, lotId: string, lock: boolean): Promise<LotRow | undefined> {
    const [row] = (await em.query(
      `SELECT l.id, l.lot_number, l.title, l.method, l.phase, l.terms, l.trading_start, l.trading_end, l.opening_at, p.created_by, p.trainer, p.created_at, r.closed_at
         FROM practice_lot p JOIN lot l ON l.id = p.lot_id AND l.practice LEFT JOIN result r ON r.lot_id = l.id
        WHERE p.lot_id = $1 ${lock ? 'FOR UPDATE OF l' : ''}`,
      [lotId],
    )) as LotRow[];
    return row;
  }

  // ── rules ─────────────────────────────────────────────────────────────────────────────────────

  private async practiceSettings(em: EntityManager): Promise<PracticeSettings> {
    return (await this.settings.namespace('practice', em)) as unknown as PracticeSettings;
  }

  /** Nobody floods the platform: running lots and starts per day, per account (settings practice.*). */
  private async checkLimits(em: EntityManager, actor: Actor, settings: PracticeSettings): Promise<void> {
    const [{ running, today }] = (await em.query(
      `SELECT (SELECT count(*)::int FROM practice_lot p JOIN lot l ON l.id = p.lot_id WHERE p.created_by = $1 AND l.phase <> ALL($2::text[])) AS running,
              (SELECT count(*)::int FROM audit_event e WHERE e.actor_id = $1 AND e.action = 'practice.start' AND e.occurred_at > clock_timestamp() - interval '24 hours') AS today`,
      [actor.id, CLOSED_PHASES],
    )) as Array<{ running: number; today: number }>;
    if (running >= settings.maxRunningPerAccount) {
      throw new DomainError('PRACTICE_RATE_LIMITED', `you have ${running} practice lots running; at most ${settings.maxRunningPerAccount} at once (setting practice.maxRunningPerAccount): wait for one to close`, 'practice.maxRunningPerAccount');
    }
    if (today >= settings.maxStartsPerAccountPerDay) {
      throw new DomainError('PRACTICE_RATE_LIMITED', `you started ${today} practice lots in the last 24 hours; at most ${settings.maxStartsPerAccountPerDay} (setting practice.maxStartsPerAccountPerDay)`, 'practice.maxStartsPerAccountPerDay');
    }
  }

  /** The accounts named by a trainer: each an active bidder account; all problems named at once, by position. */
  private async namedBidders(em: EntityManager, usernames: readonly string[], settings: PracticeSettings, field: string): Promise<UserEntity[]> {
    if (usernames.length === 0) return [];
    if (usernames.length > settings.maxBiddersPerLot) {
      throw new DomainError('TOO_MANY_PRACTICE_BIDDERS', `a practice lot seats at most ${settings.maxBiddersPerLot} bidders (setting practice.maxBiddersPerLot)`, field);
    }
    const users = await em.find(UserEntity, { where: { username: In([...new Set(usernames)]) } });
    const byName = new Map(users.map((u) => [u.username, u]));
    const errors = usernames.flatMap((name, i) => {
      const u = byName.get(name);
      if (u && u.active && u.roles.includes(Role.Bidder)) return [];
      return [{ code: 'INVALID_PRACTICE_BIDDER', message: `"${name}" is not an active bidder account`, field: `${field}[${i}]` }];
    });
    if (errors.length > 0) throw new DomainErrors('INVALID_PRACTICE_BIDDER', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
    return usernames.map((name) => byName.get(name)!).filter((u, i, all) => all.indexOf(u) === i);
  }
}

function notFound(lotId: string): DomainError {
  return new DomainError('PRACTICE_LOT_NOT_FOUND', `practice lot ${lotId} does not exist`, 'id');
}

/** MN-20270112-3F9A1C7E: 模拟 (practice), the Shanghai date, 8 random hex digits. */
function practiceLotNumber(now: Date): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).replaceAll('-', '');
  return `MN-${day}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

export type PracticeLotView = Awaited<ReturnType<PracticeService['get']>>;
