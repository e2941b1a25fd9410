import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { WorkingDayCalendar } from '@app/calendar';
import { toShanghaiDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { DomainError, type Actor } from '@app/common';
import { TransactionRunner } from '@app/database';
import { DisclosureService } from '@app/disclosure';
import {
  contractSigned,
  contractTerminated,
  depositConverted,
  depositForfeited,
  depositRefundDue,
  installmentDue,
  LAND_USE_LABELS,
  labelOf,
  LedgerService,
  paymentReceived,
  penaltyAccrued,
  penaltyPaid,
  ReconciliationSources,
  refundPaid,
  type ExpectedItem,
  type StatementLine,
} from '@app/ledger';
import { Area, Money, PRICE_UNIT_LABELS, Ratio, type PriceUnit } from '@app/money';
import { SaleNotices } from '@app/notification';
import { BidderService } from '@app/qualification';
import { locateCjkFont } from '../document/cjk-font';
import { renderConfirmationPdf } from '../document/confirmation-pdf';
import {
  buildConfirmation,
  buildPaymentSchedule,
  dailyPenaltyRateOf,
  defaultStatus,
  disposeDeposits,
  documentHash,
  generateVerificationCode,
  normalizeVerificationCode,
  paymentPlanOf,
  penaltyLines,
  settlementDeadlines,
  verificationUrl,
  type ClosedLotApplication,
  type DepositPaymentStatus,
  type Installment,
  type PaymentPlanKind,
  type PremiumPayment,
  type SaleMethod,
} from '../domain';
import { VERIFICATION_PAGE_PATH, type VerifiedConfirmation } from '../http/verification-page';
import { SETTLEMENT_OPTIONS, type SettlementOptions } from './settlement-options';
import { SettlementSettingsProvider } from './settlement-settings.provider';

interface InstallmentRow {
  number: number;
  due_date: IsoDate;
  amount: string;
  credited_earnest: string;
  payable: string;
}

/**
 * After the hammer (DOMAIN.md §7). A closed lot is settled once, by whichever instance takes it first
 * (`FOR UPDATE SKIP LOCKED` on its result): deadlines on the working-day calendar, every deposit
 * disposed of (the winner's converted to earnest money, every other cent refunded), and for a sale the
 * transaction confirmation (成交确认书) rendered as a PDF with a CJK font and kept with its SHA-256.
 * Contracts, installments, payments, penalties, refunds, defaults and the result publication follow;
 * every money movement posts its journal entry in the same transaction, and every step is audited.
 */
@Injectable()
export class SettlementService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(SettlementService.name);
  private timer?: NodeJS.Timeout;
  private busy = false;
  private running?: Promise<unknown>;
  /** Lots whose settlement failed, with when to try again: one bad lot must not hold up the others. */
  private readonly retryAfter = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly calendar: WorkingDayCalendar,
    private readonly settings: SettlementSettingsProvider,
    private readonly bidders: BidderService,
    private readonly disclosure: DisclosureService,
    private readonly reconciliation: ReconciliationSources,
    private readonly notices: SaleNotices,
    @Inject(SETTLEMENT_OPTIONS) private readonly options: SettlementOptions,
  ) {}

  onModuleInit(): void {
    this.registerReconciliationSources();
  }

  onApplicationBootstrap(): void {
    if (this.options.intervalMs > 0) {
      this.timer = setInterval(() => {
        if (this.busy) return;
        this.running = this.runOnce().catch(() => undefined); // logged in runOnce; the next tick tries again
      }, this.options.intervalMs);
    }
  }

  /** Shutdown: no new run, and the timer's run in progress finishes before the pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.onApplicationShutdown();
    await this.running;
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Settles every newly closed lot and enforces the deadlines; returns what it did. Tests call it directly. */
  async runOnce(): Promise<{ settled: string[]; defaulted: string[]; terminated: string[] }> {
    if (this.busy) return { settled: [], defaulted: [], terminated: [] };
    this.busy = true;
    try {
      const settled: string[] = [];
      for (let lotId = await this.settleNext(); lotId; lotId = await this.settleNext()) settled.push(lotId);
      const { defaulted, terminated } = await this.enforceDeadlines();
      return { settled, defaulted, terminated };
    } catch (err) {
      this.logger.error({ err }, 'settlement run failed');
      throw err;
    } finally {
      this.busy = false;
    }
  }

  // ───────────────────────────── the closed lot ─────────────────────────────

  private async settleNext(): Promise<string | null> {
    const now = Date.now();
    const skip = [...this.retryAfter].filter(([, at]) => at > now).map(([id]) => id);
    let picked: string | null = null;
    try {
      return await this.dataSource.transaction(async (em) => {
        const [row] = (await em.query(
          // A practice lot (模拟竞价) is never settled: no confirmation, refunds, contract or ledger entry.
          `SELECT r.lot_id FROM result r JOIN lot l ON l.id = r.lot_id AND NOT l.practice
            WHERE NOT EXISTS (SELECT 1 FROM settlement s WHERE s.lot_id = r.lot_id) AND NOT (r.lot_id = ANY($1::uuid[]))
            ORDER BY r.closed_at LIMIT 1 FOR UPDATE OF r SKIP LOCKED`,
          [skip],
        )) as Array<{ lot_id: string }>;
        if (!row) return null;
        picked = row.lot_id;
        await this.settleLot(em, row.lot_id);
        this.retryAfter.delete(row.lot_id);
        return row.lot_id;
      });
    } catch (err) {
      if (picked) {
        this.retryAfter.set(picked, Date.now() + 60_000);
        this.logger.error({ err, lotId: picked }, 'settling a closed lot failed; it is retried in a minute, the others go on');
        return this.settleNext();
      }
      throw err;
    }
  }

  private async settleLot(em: EntityManager, lotId: string): Promise<void> {
    const [r] = (await em.query(
      `SELECT r.outcome, r.winner_application_id, r.price::text AS price, r.price_unit, r.bid_price::text AS bid_price, r.closed_at, l.lot_number, l.method, l.start_price::text AS start_price, a.number AS announcement_number
         FROM result r JOIN lot l ON l.id = r.lot_id JOIN announcement a ON a.id = l.announcement_id WHERE r.lot_id = $1`,
      [lotId],
    )) as Array<{
      outcome: 'sold' | 'unsold';
      winner_application_id: string | null;
      price: string | null;
      price_unit: PriceUnit;
      bid_price: string | null;
      closed_at: Date;
      lot_number: string;
      method: SaleMethod;
      start_price: string;
      announcement_number: string;
    }>;
    const settings = await this.settings.get(em);
    const overrides = await this.calendar.overrides(em);
    const closedAt = new Date(r.closed_at);
    const deadlines = settlementDeadlines(closedAt, overrides, settings);
    const applications = await this.depositsOf(em, lotId);
    const winner = r.outcome === 'sold' ? r.winner_application_id : null;
    const disposal = disposeDeposits({ closedAt, winnerApplicationId: winner, applications, calendar: overrides, settings });
    for (const refund of disposal.refunds) {
      const id = randomUUID();
      await em.query(
        `INSERT INTO refund (id, lot_id, application_id, txn_id, amount, reason, payee_name, due_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'due')`,
        [id, lotId, refund.applicationId, refund.txnId, refund.amount.toString(), refund.reason, refund.payeeName, refund.due.endsAt],
      );
      await this.ledger.post(em, depositRefundDue({ at: closedAt, sourceId: id, applicationId: refund.applicationId, amount: refund.amount }));
    }
    await em.query(
      `INSERT INTO settlement (lot_id, outcome, winner_application_id, price, earnest, closed_at, confirmation_deadline, contract_deadline, refund_due, publication_deadline, service_deadline, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        lotId,
        r.outcome,
        winner,
        r.price,
        disposal.earnestMoney.toString(),
        closedAt,
        winner ? deadlines.confirmation.endsAt : null,
        winner ? deadlines.contract.endsAt : null,
        deadlines.refund.endsAt,
        winner ? deadlines.publication.endsAt : null,
        deadlines.serviceTarget.endsAt,
        winner ? 'awaiting_contract' : 'unsold',
      ],
    );
    if (winner && r.price && r.bid_price) {
      await this.issueConfirmation(em, {
        lotId,
        applicationId: winner,
        announcementNumber: r.announcement_number,
        lotNumber: r.lot_number,
        method: r.method,
        closedAt,
        totalPrice: Money.of(r.price),
        priceUnit: r.price_unit,
        bidPrice: Money.of(r.bid_price),
        startPrice: Money.of(r.start_price),
        earnest: disposal.earnestMoney,
        confirmationDeadline: deadlines.confirmation,
        contractDeadline: deadlines.contract,
        plan: paymentPlanOf(settings),
      });
    }
    await this.audit.record(em, {
      actor: 'system',
      action: 'settlement.open',
      entityType: 'lot',
      entityId: lotId,
      after: {
        outcome: r.outcome,
        earnest: disposal.earnestMoney.toString(),
        refunds: disposal.refunds.length,
        refunded: disposal.totalRefunded.toString(),
        contractDeadline: winner ? deadlines.contract.endsAt : null,
        refundDue: deadlines.refund.endsAt,
      },
    });
    await this.notices.lotSettled(em, lotId);
  }

  private async depositsOf(em: EntityManager, lotId: string): Promise<ClosedLotApplication[]> {
    const rows = (await em.query(
      `SELECT a.id, a.deposit_required::text AS required, dp.bank_txn_id, dp.amount::text AS amount, dp.arrived_at, dp.payer_name, dp.in_time, dp.payer_mismatch
         FROM application a JOIN deposit_payment dp ON dp.application_id = a.id WHERE a.lot_id = $1 ORDER BY a.created_at, dp.arrived_at`,
      [lotId],
    )) as Array<{ id: string; required: string; bank_txn_id: string; amount: string; arrived_at: Date; payer_name: string; in_time: boolean; payer_mismatch: boolean }>;
    const byApp = new Map<string, ClosedLotApplication & { payments: ClosedLotApplication['payments'][number][] }>();
    for (const row of rows) {
      const app = byApp.get(row.id) ?? { applicationId: row.id, requiredDeposit: Money.of(row.required), payments: [] };
      const status: DepositPaymentStatus = !row.in_time ? 'late' : row.payer_mismatch ? 'payer_mismatch' : 'counted';
      app.payments.push({ txnId: row.bank_txn_id, amount: Money.of(row.amount), arrivedAt: new Date(row.arrived_at), payerName: row.payer_name, status });
      byApp.set(row.id, app);
    }
    return [...byApp.values()];
  }

  // ───────────────────────────── the confirmation (成交确认书) ─────────────────────────────

  private async issueConfirmation(
    em: EntityManager,
    x: {
      lotId: string;
      applicationId: string;
      announcementNumber: string;
      lotNumber: string;
      method: SaleMethod;
      closedAt: Date;
      /** The result's total, for a consistency check: the confirmation recomputes it with the same function. */
      totalPrice: Money;
      priceUnit: PriceUnit;
      bidPrice: Money;
      startPrice: Money;
      earnest: Money;
      confirmationDeadline: { date: IsoDate; endsAt: Date };
      contractDeadline: { date: IsoDate; endsAt: Date };
      plan: ReturnType<typeof paymentPlanOf>;
    },
  ): Promise<void> {
    const parcels = (await em.query(
      `SELECT p.code, p.location, p.declared_area::text AS area, p.planned_use, p.plot_ratio_min::text AS min, p.plot_ratio_max::text AS max, p.tenure_years
         FROM lot_parcel lp JOIN parcel p ON p.id = lp.parcel_id WHERE lp.lot_id = $1 ORDER BY p.code`,
      [x.lotId],
    )) as Array<{ code: string; location: string; area: string; planned_use: string; min: string | null; max: string | null; tenure_years: number }>;
    if (parcels.length === 0) throw new DomainError('LOT_WITHOUT_PARCELS', `lot ${x.lotId} has no parcels`, 'lotId');
    const members = (await em.query(
      `SELECT b.name, coalesce(b.credit_code, b.id_number) AS code, p.share::text AS share, p.is_lead
         FROM application_partner p JOIN bidder b ON b.id = p.bidder_id WHERE p.application_id = $1 ORDER BY p.is_lead DESC, b.name`,
      [x.applicationId],
    )) as Array<{ name: string; code: string; share: string; is_lead: boolean }>;
    const lead = members.find((m) => m.is_lead) ?? members[0];
    const code = generateVerificationCode();
    // The page at /verify/:code (served outside /api) verifies what this prints.
    const url = verificationUrl(`${this.options.publicBaseUrl}/${VERIFICATION_PAGE_PATH}`, code);
    const model = buildConfirmation({
      announcementNumber: x.announcementNumber,
      lotNumber: x.lotNumber,
      saleMethod: x.method,
      transferor: this.options.transferor,
      closedAt: x.closedAt,
      parcels: parcels.map((p) => ({
        code: p.code,
        location: p.location,
        area: Area.of(p.area),
        use: labelOf(LAND_USE_LABELS, p.planned_use),
        ...(p.min ? { plotRatioMin: Ratio.of(p.min) } : {}),
        ...(p.max ? { plotRatioMax: Ratio.of(p.max) } : {}),
        tenureYears: p.tenure_years,
      })),
      winner: { name: lead.name, creditCode: lead.code },
      ...(members.length > 1 ? { partners: members.map((m) => ({ name: m.name, creditCode: m.code, share: Ratio.of(m.share) })) } : {}),
      priceUnit: x.priceUnit,
      bidPrice: x.bidPrice,
      startPrice: x.startPrice,
      depositConverted: x.earnest,
      paymentPlan: x.plan,
      confirmationDeadline: x.confirmationDeadline,
      contractDeadline: x.contractDeadline,
      verificationCode: code,
      verificationUrl: url,
    });
    if (!model.price.eq(x.totalPrice)) {
      throw new DomainError('INVALID_STATE', `the confirmation's total ${model.price.toString()} differs from the result's ${x.totalPrice.toString()}`, 'price');
    }
    const pdf = await renderConfirmationPdf(model, locateCjkFont());
    await em.query(
      `INSERT INTO confirmation (lot_id, application_id, verification_code, document_sha256, document, model, issued_at, sign_deadline) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [x.lotId, x.applicationId, model.verificationCode, documentHash(pdf), pdf, JSON.stringify(model), x.closedAt, x.confirmationDeadline.endsAt],
    );
  }

  /** Staff who may see bidder identities, or a member of the winning application (every partner of a joint bid reads it). */
  private async assertMayRead(em: EntityManager, lotId: string, applicationId: string, actor: Actor, staff: boolean): Promise<void> {
    if (staff) return;
    const [own] = (await em.query(`SELECT 1 WHERE ${memberOfSql('$1::uuid', '$2')}`, [applicationId, actor.id])) as unknown[];
    if (!own) throw confirmationNotFound(lotId);
  }

  /** The lead partner only: it signs for the group (DOMAIN §4). */
  private async assertMaySign(em: EntityManager, lotId: string, applicationId: string, actor: Actor): Promise<void> {
    const [own] = (await em.query(`SELECT 1 FROM application a JOIN bidder b ON b.id = a.lead_bidder_id WHERE a.id = $1 AND b.user_id = $2`, [applicationId, actor.id])) as unknown[];
    if (!own) throw confirmationNotFound(lotId);
  }

  async confirmation(lotId: string, actor: Actor, staff: boolean) {
    const em = this.dataSource.manager;
    const [c] = (await em.query(
      `SELECT c.id, c.lot_id, c.application_id, c.verification_code, c.document_sha256, c.issued_at, c.sign_deadline, c.signed_at, c.model FROM confirmation c WHERE c.lot_id = $1`,
      [lotId],
    )) as Array<{ id: string; lot_id: string; application_id: string; verification_code: string; document_sha256: string; issued_at: Date; sign_deadline: Date; signed_at: Date | null; model: Record<string, unknown> }>;
    if (!c) throw confirmationNotFound(lotId);
    await this.assertMayRead(em, lotId, c.application_id, actor, staff);
    return {
      lotId: c.lot_id,
      verificationCode: c.verification_code,
      documentSha256: c.document_sha256,
      issuedAt: c.issued_at,
      signDeadline: c.sign_deadline,
      signedAt: c.signed_at,
      pdfUrl: `/api/lots/${lotId}/confirmation/pdf`,
      content: c.model,
    };
  }

  async confirmationPdf(lotId: string, actor: Actor, staff: boolean): Promise<{ pdf: Buffer; filename: string }> {
    const em = this.dataSource.manager;
    const [c] = (await em.query(`SELECT c.application_id, c.document, l.lot_number FROM confirmation c JOIN lot l ON l.id = c.lot_id WHERE c.lot_id = $1`, [lotId])) as Array<{ application_id: string; document: Buffer; lot_number: string }>;
    if (!c) throw confirmationNotFound(lotId);
    await this.assertMayRead(em, lotId, c.application_id, actor, staff);
    return { pdf: c.document, filename: `confirmation-${c.lot_number}.pdf` };
  }

  /** The winner confirms online before the deadline (by the database clock). */
  async signConfirmation(lotId: string, actor: Actor) {
    return this.dataSource.transaction(async (em) => {
      const [row] = (await em.query(`SELECT id, application_id, sign_deadline, signed_at FROM confirmation WHERE lot_id = $1 FOR UPDATE`, [lotId])) as Array<{ id: string; application_id: string; sign_deadline: Date; signed_at: Date | null }>;
      if (!row) throw confirmationNotFound(lotId);
      // The database clock read after the lock, as for bids: a signature that waited on the lock is judged when it got it.
      const c = { ...row, now: await this.tx.now(em) };
      await this.assertMaySign(em, lotId, c.application_id, actor);
      if (c.signed_at) throw new DomainError('ALREADY_SIGNED', `the confirmation was signed at ${new Date(c.signed_at).toISOString()}`, 'lotId');
      if (new Date(c.now).getTime() > new Date(c.sign_deadline).getTime()) throw new DomainError('DEADLINE_PASSED', `the confirmation had to be signed by ${new Date(c.sign_deadline).toISOString()}`, 'lotId');
      await em.query(`UPDATE confirmation SET signed_at = $2, signed_by = $3 WHERE id = $1`, [c.id, c.now, actor.id]);
      await this.audit.record(em, { action: 'confirmation.sign', entityType: 'lot', entityId: lotId, after: { signedAt: c.now } });
      return { lotId, signedAt: c.now };
    });
  }

  /**
   * The public facts of the confirmation a code names (what a person types: case, spaces, dashes and
   * Crockford's look-alikes do not matter), or null when the text is not a code or no confirmation has
   * it. No identities: the winner's name is published with the result (成交公示), not here.
   */
  async lookupConfirmation(codeText: string): Promise<VerifiedConfirmation | null> {
    let code: string;
    try {
      code = normalizeVerificationCode(codeText);
    } catch {
      return null;
    }
    const [c] = (await this.dataSource.query(
      `SELECT c.document_sha256, c.issued_at, c.signed_at, l.lot_number, a.number AS announcement_number, r.price::text AS price, r.price_unit, r.bid_price::text AS bid_price
         FROM confirmation c JOIN lot l ON l.id = c.lot_id JOIN announcement a ON a.id = l.announcement_id JOIN result r ON r.lot_id = c.lot_id
        WHERE c.verification_code = $1`,
      [code],
    )) as Array<{ document_sha256: string; issued_at: Date; signed_at: Date | null; lot_number: string; announcement_number: string; price: string; price_unit: PriceUnit; bid_price: string | null }>;
    if (!c) return null;
    return {
      code,
      announcementNumber: c.announcement_number,
      lotNumber: c.lot_number,
      price: c.price,
      priceUnit: c.price_unit,
      bidPrice: c.bid_price,
      documentSha256: c.document_sha256,
      issuedAt: new Date(c.issued_at),
      signed: c.signed_at !== null,
    };
  }

  /** Public check of a verification code (and optionally of a document's SHA-256): no identities. */
  async verifyConfirmation(codeText: string, sha256?: string) {
    try {
      normalizeVerificationCode(codeText);
    } catch {
      return { valid: false, reason: 'NOT_A_CODE' };
    }
    const c = await this.lookupConfirmation(codeText);
    if (!c) return { valid: false, reason: 'UNKNOWN_CODE' };
    const documentMatches = sha256 === undefined ? undefined : sha256.toLowerCase() === c.documentSha256;
    return {
      valid: documentMatches !== false,
      verificationCode: c.code,
      announcementNumber: c.announcementNumber,
      lotNumber: c.lotNumber,
      price: c.price,
      priceUnit: c.priceUnit,
      bidPrice: c.bidPrice,
      documentSha256: c.documentSha256,
      issuedAt: c.issuedAt,
      signed: c.signed,
      ...(documentMatches === undefined ? {} : { documentMatches }),
    };
  }

  // ───────────────────────────── the contract and the money ─────────────────────────────

  async signContract(lotId: string, input: { contractNumber: string; signedOn: IsoDate; plan?: PaymentPlanKind }) {
    return this.dataSource.transaction(async (em) => {
      const [s] = (await em.query(
        `SELECT s.status, s.winner_application_id, s.price::text AS price, s.earnest::text AS earnest, s.contract_deadline, c.signed_at
           FROM settlement s LEFT JOIN confirmation c ON c.lot_id = s.lot_id WHERE s.lot_id = $1 FOR UPDATE OF s`,
        [lotId],
      )) as Array<{ status: string; winner_application_id: string; price: string; earnest: string; contract_deadline: Date; signed_at: Date | null }>;
      if (!s) throw new DomainError('SETTLEMENT_NOT_FOUND', `lot ${lotId} has no settlement (not closed yet, or not sold)`, 'lotId');
      if (s.status !== 'awaiting_contract') throw new DomainError('WRONG_SETTLEMENT_STATE', `the settlement is ${s.status}`, 'lotId');
      const now = await this.tx.now(em); // read after the lock, as for bids
      if (!s.signed_at) throw new DomainError('CONFIRMATION_NOT_SIGNED', 'the winner has not signed the transaction confirmation yet', 'lotId');
      if (now.getTime() > new Date(s.contract_deadline).getTime()) {
        throw new DomainError('DEADLINE_PASSED', `the contract had to be signed by ${new Date(s.contract_deadline).toISOString()}`, 'signedOn');
      }
      if (input.signedOn > toShanghaiDate(now)) throw new DomainError('SIGNED_IN_FUTURE', 'signedOn cannot be after today', 'signedOn');
      const settings = await this.settings.get(em);
      const price = Money.of(s.price);
      const earnest = Money.of(s.earnest);
      const schedule = buildPaymentSchedule({ price, contractDate: input.signedOn, plan: paymentPlanOf(settings, input.plan), earnestMoney: earnest, rollToWorkingDay: settings.rollDueDatesToWorkingDay, calendar: await this.calendar.overrides(em) });
      const contractId = randomUUID();
      await em.query(
        `INSERT INTO land_contract (id, lot_id, application_id, contract_number, price, earnest, signed_on, plan, status, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9)`,
        [contractId, lotId, s.winner_application_id, input.contractNumber, price.toString(), earnest.toString(), input.signedOn, JSON.stringify(paymentPlanOf(settings, input.plan)), null],
      );
      for (const i of schedule.installments) {
        await em.query(`INSERT INTO installment (contract_id, number, due_date, amount, credited_earnest, payable) VALUES ($1, $2, $3, $4, $5, $6)`, [
          contractId,
          i.number,
          i.dueDate,
          i.amount.toString(),
          i.creditedEarnest.toString(),
          i.payable.toString(),
        ]);
      }
      const at = now;
      await this.ledger.post(em, contractSigned({ at, date: input.signedOn, sourceId: contractId, contractId, price }));
      if (!earnest.isZero()) await this.ledger.post(em, depositConverted({ at, date: input.signedOn, sourceId: contractId, applicationId: s.winner_application_id, contractId, amount: earnest }));
      await em.query(`UPDATE settlement SET status = 'contracted', updated_at = now() WHERE lot_id = $1`, [lotId]);
      await this.audit.record(em, {
        action: 'contract.sign',
        entityType: 'lot',
        entityId: lotId,
        after: { contractId, contractNumber: input.contractNumber, signedOn: input.signedOn, price: price.toString(), earnest: earnest.toString(), installments: schedule.installments.map((i) => ({ dueDate: i.dueDate, payable: i.payable.toString() })) },
      });
      return this.contractIn(em, contractId, toShanghaiDate(at));
    });
  }

  /**
   * A contract with its installments, payments and penalties: for staff, and for every member of the
   * winning application. Anyone else gets the answer an unknown id gets (CONTRACT_NOT_FOUND).
   */
  async contract(contractId: string, actor?: Actor, staff = true) {
    const em = this.dataSource.manager;
    if (!staff) {
      const [own] = (await em.query(`SELECT 1 FROM land_contract c WHERE c.id = $1 AND ${memberOfSql('c.application_id', '$2')}`, [contractId, actor?.id ?? null])) as unknown[];
      if (!own) throw new DomainError('CONTRACT_NOT_FOUND', `contract ${contractId} does not exist`, 'id');
    }
    return this.contractIn(em, contractId, toShanghaiDate(await this.tx.now()));
  }

  /** The contracts of the caller's winning applications (any member of a joint bid), newest first. */
  async myContracts(actor: Actor) {
    const em = this.dataSource.manager;
    const rows = (await em.query(`SELECT c.id FROM land_contract c WHERE ${memberOfSql('c.application_id', '$1')} ORDER BY c.signed_on DESC, c.id`, [actor.id])) as Array<{ id: string }>;
    const today = toShanghaiDate(await this.tx.now());
    const out = [];
    for (const r of rows) out.push(await this.contractIn(em, r.id, today));
    return out;
  }

  private async contractIn(em: EntityManager, contractId: string, today: IsoDate) {
    const [c] = (await em.query(`SELECT id, lot_id, contract_number, price::text AS price, earnest::text AS earnest, to_char(signed_on, 'YYYY-MM-DD') AS signed_on, status FROM land_contract WHERE id = $1`, [contractId])) as Array<{
      id: string;
      lot_id: string;
      contract_number: string;
      price: string;
      earnest: string;
      signed_on: IsoDate;
      status: string;
    }>;
    if (!c) throw new DomainError('CONTRACT_NOT_FOUND', `contract ${contractId} does not exist`, 'id');
    const { installments, payments, penalties } = await this.moneyOf(em, contractId);
    const settings = await this.settings.get(em);
    const status = defaultStatus(installments, payments.filter((p) => p.kind === 'premium'), today, settings);
    const accrued = Money.sum(penalties.map((p) => Money.of(p.amount)));
    const penaltyPaidTotal = Money.sum(payments.filter((p) => p.kind === 'penalty').map((p) => p.amount));
    return {
      id: c.id,
      lotId: c.lot_id,
      contractNumber: c.contract_number,
      price: c.price,
      earnest: c.earnest,
      signedOn: c.signed_on,
      status: c.status,
      installments: installments.map((i) => ({ number: i.number, dueDate: i.dueDate, amount: i.amount.toString(), creditedEarnest: i.creditedEarnest.toString(), payable: i.payable.toString() })),
      payments: payments.map((p) => ({ kind: p.kind, paidOn: p.paidOn, amount: p.amount.toString(), bankTxnId: p.reference })),
      outstanding: status.outstanding.toString(),
      overdue: status.overdue.map((o) => ({ number: o.number, dueDate: o.dueDate, outstanding: o.outstanding.toString(), daysOverdue: o.daysOverdue })),
      penalties: { accrued: accrued.toString(), paid: penaltyPaidTotal.toString(), unpaid: accrued.subtract(penaltyPaidTotal).toString(), runningToday: status.penaltyTotal.toString() },
      longDefault: status.longDefault,
    };
  }

  private async moneyOf(em: EntityManager, contractId: string) {
    const inst = (await em.query(
      `SELECT number, to_char(due_date, 'YYYY-MM-DD') AS due_date, amount::text AS amount, credited_earnest::text AS credited_earnest, payable::text AS payable FROM installment WHERE contract_id = $1 ORDER BY number`,
      [contractId],
    )) as InstallmentRow[];
    const installments: Installment[] = inst.map((i) => ({
      number: i.number,
      dueDate: i.due_date,
      share: Ratio.of('0.0000'),
      amount: Money.of(i.amount),
      creditedEarnest: Money.of(i.credited_earnest),
      payable: Money.of(i.payable),
    }));
    const pays = (await em.query(`SELECT kind, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, amount::text AS amount, bank_txn_id FROM premium_payment WHERE contract_id = $1 ORDER BY paid_on, recorded_at`, [contractId])) as Array<{
      kind: 'premium' | 'penalty';
      paid_on: IsoDate;
      amount: string;
      bank_txn_id: string;
    }>;
    const payments = pays.map((p) => ({ kind: p.kind, paidOn: p.paid_on, amount: Money.of(p.amount), reference: p.bank_txn_id }));
    const penalties = (await em.query(`SELECT installment_number, to_char(from_date, 'YYYY-MM-DD') AS from_date, amount::text AS amount FROM penalty_accrual WHERE contract_id = $1`, [contractId])) as Array<{
      installment_number: number;
      from_date: IsoDate;
      amount: string;
    }>;
    return { installments, payments, penalties };
  }

  /**
   * A payment on a contract (from a matched bank statement line, or entered by finance). A premium
   * payment posts Dr bank / Cr receivable and, when it settles an installment late, accrues the
   * penalty of each late period it closes (Dr penalty receivable / Cr penalty revenue); a penalty
   * payment posts Dr bank / Cr penalty receivable. Idempotent by the bank transaction id.
   */
  async recordPayment(em: EntityManager, contractId: string, p: { kind: 'premium' | 'penalty'; amount: Money; paidOn: IsoDate; bankTxnId: string; at?: Date }): Promise<{ duplicate: boolean }> {
    const [c] = (await em.query(`SELECT id, lot_id, status FROM land_contract WHERE id = $1 FOR UPDATE`, [contractId])) as Array<{ id: string; lot_id: string; status: string }>;
    if (!c) throw new DomainError('CONTRACT_NOT_FOUND', `contract ${contractId} does not exist`, 'contractId');
    const [seen] = (await em.query(`SELECT contract_id FROM premium_payment WHERE bank_txn_id = $1`, [p.bankTxnId])) as Array<{ contract_id: string }>;
    if (seen) {
      if (seen.contract_id !== contractId) throw new DomainError('TXN_ALREADY_USED', `bank transaction ${p.bankTxnId} was recorded on another contract`, 'bankTxnId');
      return { duplicate: true };
    }
    // Penalties may still be paid once the premium is; a terminated contract takes nothing more.
    if (c.status !== 'active' && !(p.kind === 'penalty' && c.status === 'paid')) throw new DomainError('CONTRACT_NOT_ACTIVE', `the contract is ${c.status}`, 'contractId');
    if (!p.amount.isPositive()) throw new DomainError('INVALID_AMOUNT', 'a payment is more than zero', 'amount');
    const before = await this.moneyOf(em, contractId);
    const at = p.at ?? new Date(`${p.paidOn}T12:00:00+08:00`);
    if (p.kind === 'premium') {
      const premiums = before.payments.filter((x) => x.kind === 'premium');
      const outstanding = Money.sum(before.installments.map((i) => i.payable)).subtract(Money.sum(premiums.map((x) => x.amount)));
      if (p.amount.gt(outstanding)) throw new DomainError('PAYMENT_EXCEEDS_OUTSTANDING', `only ${outstanding.toString()} is outstanding on this contract`, 'amount');
      await this.postDueInstallments(em, contractId, p.paidOn, before);
      const dueBalance = await this.dueBalance(em, contractId);
      await em.query(`INSERT INTO premium_payment (contract_id, kind, paid_on, amount, bank_txn_id) VALUES ($1, 'premium', $2, $3, $4)`, [contractId, p.paidOn, p.amount.toString(), p.bankTxnId]);
      const due = dueBalance.gt(p.amount) ? p.amount : dueBalance.isPositive() ? dueBalance : Money.zero();
      await this.ledger.post(em, paymentReceived({ at, date: p.paidOn, sourceId: p.bankTxnId, contractId, amount: p.amount, due }));
      const settings = await this.settings.get(em);
      const payments: PremiumPayment[] = [...premiums.map((x) => ({ paidOn: x.paidOn, amount: x.amount, reference: x.reference })), { paidOn: p.paidOn, amount: p.amount, reference: p.bankTxnId }];
      const lines = penaltyLines(before.installments, payments, p.paidOn, dailyPenaltyRateOf(settings)).filter((l) => !l.open && l.penalty.isPositive());
      for (const line of lines) {
        const inserted = (await em.query(
          `INSERT INTO penalty_accrual (contract_id, installment_number, from_date, to_date, days, balance, daily_rate, amount) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (contract_id, installment_number, from_date) DO NOTHING RETURNING id`,
          [contractId, line.installmentNumber, line.from, line.to, line.days, line.balance.toString(), line.dailyRate.toString(), line.penalty.toString()],
        )) as Array<{ id: string }>;
        if (inserted[0]) await this.ledger.post(em, penaltyAccrued({ at, date: p.paidOn, sourceId: inserted[0].id, contractId, amount: line.penalty }));
      }
      if (p.amount.eq(outstanding)) {
        await em.query(`UPDATE land_contract SET status = 'paid' WHERE id = $1`, [contractId]);
        await em.query(`UPDATE settlement SET status = 'paid', updated_at = now() WHERE lot_id = $1`, [c.lot_id]);
      }
    } else {
      const accrued = Money.sum(before.penalties.map((x) => Money.of(x.amount)));
      const paid = Money.sum(before.payments.filter((x) => x.kind === 'penalty').map((x) => x.amount));
      const unpaid = accrued.subtract(paid);
      if (p.amount.gt(unpaid)) throw new DomainError('PENALTY_EXCEEDS_ACCRUED', `only ${unpaid.toString()} of penalties is unpaid on this contract`, 'amount');
      await em.query(`INSERT INTO premium_payment (contract_id, kind, paid_on, amount, bank_txn_id) VALUES ($1, 'penalty', $2, $3, $4)`, [contractId, p.paidOn, p.amount.toString(), p.bankTxnId]);
      await this.ledger.post(em, penaltyPaid({ at, date: p.paidOn, sourceId: p.bankTxnId, contractId, amount: p.amount }));
    }
    await this.audit.record(em, { action: `contract.${p.kind}_payment`, entityType: 'lot', entityId: c.lot_id, after: { contractId, amount: p.amount.toString(), paidOn: p.paidOn, bankTxnId: p.bankTxnId } });
    return { duplicate: false };
  }

  /**
   * Moves each installment that has fallen due by `asOf` from the receivable to "premium due" (1223),
   * for the part not paid by its due date (payments settle the earliest installments first). Idempotent:
   * one entry per installment.
   */
  private async postDueInstallments(em: EntityManager, contractId: string, asOf: IsoDate, money?: Awaited<ReturnType<SettlementService['moneyOf']>>): Promise<void> {
    const { installments, payments } = money ?? (await this.moneyOf(em, contractId));
    const premiums = payments.filter((x) => x.kind === 'premium').sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
    for (const inst of installments) {
      if (inst.dueDate > asOf) continue;
      // What had been paid towards installments 1…n by its due date, beyond installments 1…n−1.
      const paidByDue = Money.sum(premiums.filter((x) => x.paidOn <= inst.dueDate).map((x) => x.amount));
      const earlier = Money.sum(installments.filter((i) => i.number < inst.number).map((i) => i.payable));
      const towardThis = paidByDue.subtract(earlier);
      const covered = towardThis.isPositive() ? (towardThis.gt(inst.payable) ? inst.payable : towardThis) : Money.zero();
      const unpaid = inst.payable.subtract(covered);
      if (!unpaid.isPositive()) continue;
      await this.ledger.post(
        em,
        installmentDue({ at: new Date(`${inst.dueDate}T23:59:59+08:00`), date: inst.dueDate, sourceId: `${contractId}:${inst.number}`, contractId, installmentNumber: inst.number, amount: unpaid }),
      );
    }
  }

  private async dueBalance(em: EntityManager, contractId: string): Promise<Money> {
    const [row] = (await em.query(`SELECT (coalesce(sum(debit), 0) - coalesce(sum(credit), 0))::numeric(18,2)::text AS b FROM journal_line WHERE account_code = '1223' AND subject = $1`, [contractId])) as Array<{ b: string }>;
    return Money.of(row.b);
  }

  async recordPaymentTx(contractId: string, p: { kind: 'premium' | 'penalty'; amount: Money; paidOn: IsoDate; bankTxnId: string }) {
    return this.dataSource.transaction(async (em) => {
      await this.recordPayment(em, contractId, p);
      return this.contractIn(em, contractId, toShanghaiDate(await this.tx.now(em)));
    });
  }

  /**
   * An approved payment extension (延期缴款): an installment not yet due gets a later due date. The
   * reason and the approval are on record (audit); nothing is posted — the receivable is unchanged.
   */
  async extendInstallment(contractId: string, number: number, input: { dueDate: IsoDate; reason: string }) {
    return this.dataSource.transaction(async (em) => {
      const [c] = (await em.query(`SELECT lot_id, status FROM land_contract WHERE id = $1 FOR UPDATE`, [contractId])) as Array<{ lot_id: string; status: string }>;
      if (!c) throw new DomainError('CONTRACT_NOT_FOUND', `contract ${contractId} does not exist`, 'id');
      const now = await this.tx.now(em);
      if (c.status !== 'active') throw new DomainError('CONTRACT_NOT_ACTIVE', `the contract is ${c.status}`, 'id');
      const [i] = (await em.query(`SELECT to_char(due_date, 'YYYY-MM-DD') AS due_date FROM installment WHERE contract_id = $1 AND number = $2`, [contractId, number])) as Array<{ due_date: IsoDate }>;
      if (!i) throw new DomainError('INSTALLMENT_NOT_FOUND', `the contract has no installment ${number}`, 'number');
      const today = toShanghaiDate(now);
      if (i.due_date < today) throw new DomainError('INSTALLMENT_ALREADY_DUE', `installment ${number} fell due on ${i.due_date}; a late payment accrues its penalty`, 'number');
      if (input.dueDate <= i.due_date) throw new DomainError('EXTENSION_NOT_LATER', `the new due date must be after ${i.due_date}`, 'dueDate');
      const [next] = (await em.query(`SELECT to_char(due_date, 'YYYY-MM-DD') AS due_date FROM installment WHERE contract_id = $1 AND number = $2`, [contractId, number + 1])) as Array<{ due_date: IsoDate }>;
      if (next && input.dueDate > next.due_date) throw new DomainError('EXTENSION_PAST_NEXT', `installment ${number} cannot fall due after installment ${number + 1} (${next.due_date})`, 'dueDate');
      await em.query(`UPDATE installment SET due_date = $3 WHERE contract_id = $1 AND number = $2`, [contractId, number, input.dueDate]);
      await this.audit.record(em, { action: 'installment.extend', entityType: 'lot', entityId: c.lot_id, before: { contractId, number, dueDate: i.due_date }, after: { contractId, number, dueDate: input.dueDate }, reason: input.reason });
      return this.contractIn(em, contractId, today);
    });
  }

  // ───────────────────────────── refunds ─────────────────────────────

  async refunds(query: { status?: 'due' | 'paid'; overdue?: boolean; lotId?: string }) {
    return this.refundRows(`($1::text IS NULL OR r.status = $1) AND ($2::boolean IS NOT TRUE OR (r.status = 'due' AND r.due_at < clock_timestamp())) AND ($3::uuid IS NULL OR r.lot_id = $3)`, [
      query.status ?? null,
      query.overdue ?? null,
      query.lotId ?? null,
    ]);
  }

  /** The refunds owed or paid to the caller's applications (winner or not, any member of a joint bid). */
  async myRefunds(actor: Actor) {
    return this.refundRows(memberOfSql('r.application_id', '$1'), [actor.id]);
  }

  private async refundRows(where: string, params: unknown[]): Promise<RefundView[]> {
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.lot_id, l.lot_number, r.application_id, a.bidder_number, r.txn_id, r.amount::text AS amount, r.reason, r.payee_name, r.due_at, r.status, r.bank_reference,
              to_char(r.paid_on, 'YYYY-MM-DD') AS paid_on, (r.status = 'due' AND r.due_at < clock_timestamp()) AS overdue,
              m.id AS line_id, m.txn_id AS line_txn_id, m.statement_id AS line_statement_id
         FROM refund r JOIN lot l ON l.id = r.lot_id JOIN application a ON a.id = r.application_id
         LEFT JOIN LATERAL (SELECT bl.id, bl.txn_id, bl.statement_id FROM bank_statement_line bl
                             WHERE bl.matched_kind = 'refund' AND bl.matched_id = 'refund:' || r.id::text AND bl.status IN ('matched', 'resolved') LIMIT 1) m ON true
        WHERE ${where}
        ORDER BY r.due_at, r.id`,
      params,
    )) as RefundRow[];
    return rows.map(refundView);
  }

  /** A refund went out: the bank's reference is kept, Dr refunds payable / Cr bank. Idempotent by reference. */
  async markRefundPaid(em: EntityManager, refundId: string, p: { bankReference: string; paidOn: IsoDate; at?: Date }): Promise<void> {
    const [r] = (await em.query(`SELECT id, lot_id, application_id, amount::text AS amount, status, bank_reference FROM refund WHERE id = $1 FOR UPDATE`, [refundId])) as Array<{
      id: string;
      lot_id: string;
      application_id: string;
      amount: string;
      status: string;
      bank_reference: string | null;
    }>;
    if (!r) throw new DomainError('REFUND_NOT_FOUND', `refund ${refundId} does not exist`, 'id');
    if (r.status === 'paid') {
      if (r.bank_reference === p.bankReference) return;
      throw new DomainError('REFUND_ALREADY_PAID', `the refund was paid with bank reference ${r.bank_reference ?? ''}`, 'id');
    }
    await em.query(`UPDATE refund SET status = 'paid', bank_reference = $2, paid_on = $3, updated_at = now() WHERE id = $1`, [refundId, p.bankReference, p.paidOn]);
    await this.ledger.post(em, refundPaid({ at: p.at ?? new Date(`${p.paidOn}T12:00:00+08:00`), date: p.paidOn, sourceId: p.bankReference, payee: r.application_id, amount: Money.of(r.amount) }));
    await this.audit.record(em, { action: 'refund.paid', entityType: 'lot', entityId: r.lot_id, before: { status: 'due' }, after: { refundId, status: 'paid', bankReference: p.bankReference, paidOn: p.paidOn, amount: r.amount } });
    await this.notices.refundPaid(em, refundId);
  }

  async markRefundPaidTx(refundId: string, p: { bankReference: string; paidOn: IsoDate }) {
    await this.dataSource.transaction((em) => this.markRefundPaid(em, refundId, p));
    return (await this.refundRows('r.id = $1', [refundId]))[0];
  }

  // ───────────────────────────── deadlines and defaults ─────────────────────────────

  /**
   * A winner without a contract by the deadline forfeits its deposit (earnest money) and is blacklisted
   * through qualification; a contract whose payment is overdue beyond the long-default limit is
   * terminated (the receivable reversed, the earnest money forfeited, what was paid owed back).
   */
  async enforceDeadlines(): Promise<{ defaulted: string[]; terminated: string[] }> {
    const defaulted: string[] = [];
    const terminated: string[] = [];
    const due = (await this.dataSource.query(`SELECT lot_id FROM settlement WHERE status = 'awaiting_contract' AND contract_deadline < clock_timestamp()`)) as Array<{ lot_id: string }>;
    for (const { lot_id } of due) {
      await this.dataSource.transaction(async (em) => {
        const [s] = (await em.query(`SELECT winner_application_id, earnest::text AS earnest, contract_deadline FROM settlement WHERE lot_id = $1 AND status = 'awaiting_contract' FOR UPDATE SKIP LOCKED`, [lot_id])) as Array<{
          winner_application_id: string;
          earnest: string;
          contract_deadline: Date;
        }>;
        if (!s) return;
        const settings = await this.settings.get(em);
        const earnest = Money.of(s.earnest);
        const now = await this.tx.now(em);
        if (earnest.isPositive()) await this.ledger.post(em, depositForfeited({ at: new Date(now), sourceId: `lot:${lot_id}`, applicationId: s.winner_application_id, amount: earnest }));
        const members = (await em.query(`SELECT bidder_id FROM application_partner WHERE application_id = $1`, [s.winner_application_id])) as Array<{ bidder_id: string }>;
        const until = new Date(now);
        until.setUTCMonth(until.getUTCMonth() + settings.blacklistMonths);
        for (const m of members) await this.bidders.blacklist(em, m.bidder_id, `竞得后未在期限内签订出让合同，保证金不予退还（标的 ${lot_id}）`, until);
        await em.query(`UPDATE settlement SET status = 'defaulted', updated_at = now() WHERE lot_id = $1`, [lot_id]);
        await this.audit.record(em, {
          actor: 'system',
          action: 'settlement.default',
          entityType: 'lot',
          entityId: lot_id,
          before: { status: 'awaiting_contract', contractDeadline: s.contract_deadline },
          after: { status: 'defaulted', forfeited: earnest.toString(), blacklistedUntil: until },
          reason: 'no land contract signed by the deadline',
        });
        defaulted.push(lot_id);
      });
    }
    const active = (await this.dataSource.query(`SELECT id FROM land_contract WHERE status = 'active'`)) as Array<{ id: string }>;
    for (const { id } of active) {
      await this.dataSource.transaction(async (em) => {
        const now = await this.tx.now(em);
        const today = toShanghaiDate(new Date(now));
        await this.postDueInstallments(em, id, today);
        await this.notices.installmentReminders(em, id, today);
        const view = await this.contractIn(em, id, today);
        if (!view.longDefault) return;
        const paid = Money.sum(view.payments.filter((p) => p.kind === 'premium').map((p) => Money.of(p.amount)));
        const outstandingDue = await this.dueBalance(em, id);
        const outstandingLeft = Money.of(view.outstanding).subtract(outstandingDue);
        await this.ledger.post(
          em,
          contractTerminated({ at: new Date(now), sourceId: id, contractId: id, outstanding: outstandingLeft, outstandingDue, earnestForfeited: Money.of(view.earnest), paidToRefund: paid }),
        );
        await em.query(`UPDATE land_contract SET status = 'terminated' WHERE id = $1`, [id]);
        await em.query(`UPDATE settlement SET status = 'defaulted', updated_at = now() WHERE lot_id = $1`, [view.lotId]);
        await this.audit.record(em, { actor: 'system', action: 'contract.terminate', entityType: 'lot', entityId: view.lotId, after: { contractId: id, outstanding: view.outstanding, forfeited: view.earnest, paidBack: paid.toString() }, reason: 'long payment default' });
        terminated.push(id);
      });
    }
    return { defaulted, terminated };
  }

  async settlements(query: { overdue?: boolean }) {
    const views = await this.settlementRows('true', []);
    return query.overdue ? views.filter((v) => v.overdue.length > 0) : views;
  }

  /** The settlements of the lots the caller won (any member of the winning application), with their deadlines. */
  async mySettlements(actor: Actor) {
    const views = await this.settlementRows(memberOfSql('s.winner_application_id', '$1'), [actor.id]);
    // Other bidders' refunds are not the winner's business.
    return views.map(({ refundsDue: _others, ...v }) => ({ ...v, overdue: v.overdue.filter((o) => o !== 'refunds') }));
  }

  private async settlementRows(where: string, params: unknown[]) {
    const rows = (await this.dataSource.query(
      `SELECT s.lot_id, l.lot_number, s.outcome, s.status, s.price::text AS price, s.earnest::text AS earnest, s.closed_at, s.confirmation_deadline, s.contract_deadline, s.refund_due,
              s.publication_deadline, s.service_deadline, s.published_at, c.signed_at AS confirmation_signed_at, k.id AS contract_id,
              (SELECT count(*)::int FROM refund r WHERE r.lot_id = s.lot_id AND r.status = 'due') AS refunds_due,
              clock_timestamp() AS now
         FROM settlement s JOIN lot l ON l.id = s.lot_id LEFT JOIN confirmation c ON c.lot_id = s.lot_id LEFT JOIN land_contract k ON k.lot_id = s.lot_id
        WHERE ${where}
        ORDER BY s.closed_at DESC`,
      params,
    )) as SettlementRow[];
    return rows.map((r) => {
      const past = (d: Date | null) => d !== null && new Date(d).getTime() < new Date(r.now).getTime();
      const overdue: string[] = [];
      if (r.status === 'awaiting_contract' && !r.confirmation_signed_at && past(r.confirmation_deadline)) overdue.push('confirmation');
      if (r.status === 'awaiting_contract' && past(r.contract_deadline)) overdue.push('contract');
      if (r.refunds_due > 0 && past(r.refund_due)) overdue.push('refunds');
      if (r.outcome === 'sold' && !r.published_at && past(r.publication_deadline)) overdue.push('publication');
      if (!['paid', 'unsold'].includes(r.status) && past(r.service_deadline)) overdue.push('service_target');
      return {
        lotId: r.lot_id,
        lotNumber: r.lot_number,
        outcome: r.outcome,
        status: r.status,
        price: r.price,
        earnest: r.earnest,
        closedAt: r.closed_at,
        confirmationDeadline: r.confirmation_deadline,
        confirmationSignedAt: r.confirmation_signed_at,
        contractDeadline: r.contract_deadline,
        contractId: r.contract_id,
        refundDue: r.refund_due,
        refundsDue: r.refunds_due,
        publicationDeadline: r.publication_deadline,
        publishedAt: r.published_at,
        serviceDeadline: r.service_deadline,
        overdue,
      };
    });
  }

  /** 成交公示: the result published with the winner's name (and partners), within its deadline. */
  async publishResult(lotId: string) {
    return this.dataSource.transaction(async (em) => {
      const [s] = (await em.query(
        `SELECT s.outcome, s.price::text AS price, s.published_at, l.lot_number, l.title, l.announcement_id, r.price_unit, r.bid_price::text AS bid_price,
                r.unit_price::text AS unit_price, r.floor_price::text AS floor_price, r.premium_rate::text AS premium_rate, s.winner_application_id
           FROM settlement s JOIN lot l ON l.id = s.lot_id JOIN result r ON r.lot_id = s.lot_id WHERE s.lot_id = $1 FOR UPDATE OF s`,
        [lotId],
      )) as Array<{
        outcome: string;
        price: string;
        published_at: Date | null;
        lot_number: string;
        title: string;
        announcement_id: string;
        price_unit: PriceUnit;
        bid_price: string | null;
        unit_price: string | null;
        floor_price: string | null;
        premium_rate: string | null;
        winner_application_id: string | null;
      }>;
      if (!s) throw new DomainError('SETTLEMENT_NOT_FOUND', `lot ${lotId} has no settlement`, 'lotId');
      if (s.outcome !== 'sold' || !s.winner_application_id) throw new DomainError('NOT_SOLD', 'only a sale is published with its winner', 'lotId');
      if (s.published_at) throw new DomainError('ALREADY_PUBLISHED', 'the result was already published', 'lotId');
      const members = (await em.query(`SELECT b.name, p.share::text AS share FROM application_partner p JOIN bidder b ON b.id = p.bidder_id WHERE p.application_id = $1 ORDER BY p.is_lead DESC, b.name`, [s.winner_application_id])) as Array<{ name: string; share: string }>;
      const who = members.length > 1 ? members.map((m) => `${m.name}（${Ratio.of(m.share).formatPercent(2)}）`).join('、') : members[0]?.name ?? '';
      const body = [
        `宗地编号 ${s.lot_number}（${s.title}）`,
        `竞得人：${who}`,
        ...(s.price_unit !== 'total' && s.bid_price ? [`成交报价：${s.bid_price} ${PRICE_UNIT_LABELS[s.price_unit]}`] : []),
        `成交总价：${s.price} 元`,
        ...(s.unit_price ? [`单价：${s.unit_price} 元/平方米（按出让面积）`] : []),
        ...(s.floor_price ? [`楼面地价：${s.floor_price} 元/平方米（按最大容积率计算的建筑面积）`] : []),
        ...(s.premium_rate ? [`溢价率：${Ratio.of(s.premium_rate).formatPercent(2)}`] : []),
        '公示期内如有异议，请向出让人书面反映。',
      ].join('\n');
      await this.disclosure.publish(em, { kind: 'result', announcementId: s.announcement_id, lotId, title: `${s.lot_number} 成交公示`, body });
      await em.query(`UPDATE settlement SET published_at = clock_timestamp(), updated_at = now() WHERE lot_id = $1`, [lotId]);
      await this.audit.record(em, { action: 'result.publish', entityType: 'lot', entityId: lotId, after: { winner: who } });
      return { lotId, published: true };
    });
  }

  // ───────────────────────────── reconciliation ─────────────────────────────

  private registerReconciliationSources(): void {
    this.reconciliation.register({
      kind: 'installment',
      expected: async (em) => {
        const contracts = (await em.query(`SELECT id, contract_number FROM land_contract WHERE status = 'active'`)) as Array<{ id: string; contract_number: string }>;
        const items: ExpectedItem[] = [];
        for (const c of contracts) {
          const { installments, payments } = await this.moneyOf(em, c.id);
          let paid = Money.sum(payments.filter((p) => p.kind === 'premium').map((p) => p.amount));
          for (const i of installments) {
            const covered = paid.gt(i.payable) ? i.payable : paid;
            paid = paid.subtract(covered);
            const left = i.payable.subtract(covered);
            if (left.isPositive()) items.push({ id: `installment:${c.id}:${i.number}`, kind: 'installment', reference: c.contract_number, amount: left, dueDate: i.dueDate });
          }
        }
        return items;
      },
      settle: async (em, item, line) => {
        const [, contractId] = item.id.split(':');
        await this.recordPayment(em, contractId, { kind: 'premium', amount: line.amount, paidOn: line.date, bankTxnId: line.txnId, at: line.bookedAt });
      },
    });
    this.reconciliation.register({
      kind: 'penalty',
      expected: async (em) => {
        const rows = (await em.query(
          `SELECT c.id, c.contract_number,
                  (SELECT coalesce(sum(amount), 0) FROM penalty_accrual a WHERE a.contract_id = c.id)::text AS accrued,
                  (SELECT coalesce(sum(amount), 0) FROM premium_payment p WHERE p.contract_id = c.id AND p.kind = 'penalty')::text AS paid
             FROM land_contract c`,
        )) as Array<{ id: string; contract_number: string; accrued: string; paid: string }>;
        return rows
          .map((r) => ({ r, unpaid: Money.of(r.accrued).subtract(Money.of(r.paid)) }))
          .filter(({ unpaid }) => unpaid.isPositive())
          .map(({ r, unpaid }) => ({ id: `penalty:${r.id}`, kind: 'penalty' as const, reference: r.contract_number, amount: unpaid }));
      },
      settle: async (em, item, line: StatementLine) => {
        const [, contractId] = item.id.split(':');
        await this.recordPayment(em, contractId, { kind: 'penalty', amount: line.amount, paidOn: line.date, bankTxnId: line.txnId, at: line.bookedAt });
      },
    });
    this.reconciliation.register({
      kind: 'refund',
      // A refund due, and a refund already recorded as paid (by hand, POST /refunds/:id/payment) that no
      // statement line has confirmed yet: its payout still has to show on a statement.
      expected: async (em) => {
        const rows = (await em.query(
          `SELECT r.id, r.amount::text AS amount, r.status,
                  CASE WHEN r.status = 'paid' THEN to_char(r.paid_on, 'YYYY-MM-DD') ELSE to_char(r.due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') END AS due
             FROM refund r
            WHERE r.status = 'due'
               OR NOT EXISTS (SELECT 1 FROM bank_statement_line l WHERE l.matched_kind = 'refund' AND l.matched_id = 'refund:' || r.id::text AND l.status IN ('matched', 'resolved'))`,
        )) as Array<{ id: string; amount: string; status: 'due' | 'paid'; due: IsoDate }>;
        return rows.map((r) => ({
          id: `refund:${r.id}`,
          kind: 'refund' as const,
          reference: refundReference(r.id),
          amount: Money.of(r.amount),
          dueDate: r.due,
          ...(r.status === 'paid' ? { recorded: true } : {}),
        }));
      },
      // A refund due is paid by the line; a refund already recorded as paid is only confirmed by it:
      // nothing is booked twice (the line is linked through its matched item).
      settle: async (em, item, line) => {
        const refundId = item.id.slice('refund:'.length);
        const [r] = (await em.query(`SELECT status, bank_reference, lot_id, amount::text AS amount FROM refund WHERE id = $1 FOR UPDATE`, [refundId])) as Array<{ status: 'due' | 'paid'; bank_reference: string | null; lot_id: string; amount: string }>;
        if (r?.status !== 'paid') {
          await this.markRefundPaid(em, refundId, { bankReference: line.txnId, paidOn: line.date, at: line.bookedAt });
          return;
        }
        await this.audit.record(em, {
          action: 'refund.bank_confirmed',
          entityType: 'lot',
          entityId: r.lot_id,
          before: { refundId, status: 'paid', bankConfirmed: false },
          after: { refundId, bankConfirmed: true, bankReference: r.bank_reference, statementTxnId: line.txnId, statementAmount: line.amount.toString(), recordedAmount: r.amount },
        });
      },
    });
  }
}

/** SQL: the account `$user` is a member (a partner, the lead included) of the application `applicationExpr`. */
function memberOfSql(applicationExpr: string, user: string): string {
  return `EXISTS (SELECT 1 FROM application_partner mp JOIN bidder mb ON mb.id = mp.bidder_id WHERE mp.application_id = ${applicationExpr} AND mb.user_id = ${user})`;
}

interface RefundRow {
  id: string;
  lot_id: string;
  lot_number: string;
  application_id: string;
  bidder_number: string | null;
  txn_id: string;
  amount: string;
  reason: string;
  payee_name: string;
  due_at: Date;
  status: 'due' | 'paid';
  bank_reference: string | null;
  paid_on: string | null;
  overdue: boolean;
  line_id: string | null;
  line_txn_id: string | null;
  line_statement_id: string | null;
}

/** A refund as the API shows it. */
export interface RefundView {
  id: string;
  lotId: string;
  lotNumber: string;
  applicationId: string;
  bidderNumber: string | null;
  /** The deposit payment (bank transaction) being returned. */
  txnId: string;
  amount: string;
  reason: string;
  payeeName: string;
  dueAt: Date;
  status: 'due' | 'paid';
  overdue: boolean;
  /** The reference to quote on the transfer (附言), which the bank statement line carries. */
  reference: string;
  bankReference: string | null;
  paidOn: string | null;
  /** The bank statement line that confirmed the payout, once one did (paid by hand and not yet confirmed: null). */
  reconciledWith: { lineId: string; txnId: string; statementId: string } | null;
}

function refundView(r: RefundRow): RefundView {
  return {
    id: r.id,
    lotId: r.lot_id,
    lotNumber: r.lot_number,
    applicationId: r.application_id,
    bidderNumber: r.bidder_number,
    txnId: r.txn_id,
    amount: r.amount,
    reason: r.reason,
    payeeName: r.payee_name,
    dueAt: r.due_at,
    status: r.status,
    overdue: r.overdue,
    reference: refundReference(r.id),
    bankReference: r.bank_reference,
    paidOn: r.paid_on,
    reconciledWith: r.line_id === null ? null : { lineId: r.line_id, txnId: r.line_txn_id as string, statementId: r.line_statement_id as string },
  };
}

interface SettlementRow {
  lot_id: string;
  lot_number: string;
  outcome: 'sold' | 'unsold';
  status: string;
  price: string | null;
  earnest: string;
  closed_at: Date;
  confirmation_deadline: Date | null;
  contract_deadline: Date | null;
  refund_due: Date;
  publication_deadline: Date | null;
  service_deadline: Date;
  published_at: Date | null;
  confirmation_signed_at: Date | null;
  contract_id: string | null;
  refunds_due: number;
  now: Date;
}

/** The reference finance quotes on a refund transfer (附言), so the bank statement line matches it. */
export function refundReference(refundId: string): string {
  return `TK${refundId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}

/**
 * One answer for a lot without a confirmation and for another bidder's: a bidder cannot tell from it
 * which lots have been sold, or to whom.
 */
function confirmationNotFound(lotId: string): DomainError {
  return new DomainError('CONFIRMATION_NOT_FOUND', `there is no confirmation of yours for lot ${lotId}`, 'lotId');
}
