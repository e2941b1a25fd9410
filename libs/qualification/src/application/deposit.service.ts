import { depositReceived, LedgerService } from '@app/ledger';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { DomainError, pageWindow, type Actor, type PageQueryDto } from '@app/common';
import { TransactionRunner } from '@app/database';
import { SaleNotices } from '@app/notification';
import { SettingsService } from '@app/settings';
import { namesMatch } from '../domain/deposit-status';
import { noticeDifferences, parseBankNotice, signBankNotice, verifyBankNotice, type AppliedNotice, type BankNotice } from '../domain/bank-notice';
import { ApplicationEntity } from '../persistence/application.entity';
import { BankNoticeConflictEntity, BankNoticeLogEntity, DepositPaymentEntity } from '../persistence/deposit.entities';
import { ApplicationService } from './application.service';
import { QUALIFICATION_OPTIONS, type QualificationOptions } from './qualification-options';

export interface BankNoticeResult {
  status: 'accepted' | 'duplicate' | 'unmatched';
  txnId: string;
  qualified?: boolean;
}

function noticeJson(n: AppliedNotice) {
  return { txnId: n.txnId, subAccount: n.subAccount, amount: n.amount.toString(), payerName: n.payerName, payerAccount: n.payerAccount, arrivedAt: n.arrivedAt.toISOString() };
}

/**
 * The bank's arrival notices (HTTP callback, HMAC over timestamp and body). A notice is applied once
 * by its transaction id; a replayed, forged, stale or malformed one changes nothing and is logged.
 */
@Injectable()
export class DepositService {
  private readonly logger = new Logger('BankNotices');

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly applications: ApplicationService,
    private readonly ledger: LedgerService,
    private readonly notices: SaleNotices,
    @Inject(QUALIFICATION_OPTIONS) private readonly options: QualificationOptions,
  ) {}

  /**
   * Applies a signed notice once. The same transaction id again with the same content is a duplicate
   * (200, nothing changes); with any other content it is a conflict: nothing changes either, the
   * conflict is kept for finance and the bank gets 409 BANK_NOTICE_CONFLICT.
   */
  async receive(rawBody: string, timestamp: string | undefined, signature: string | undefined, remoteIp?: string, simulatedBy?: Actor): Promise<BankNoticeResult> {
    const maxSkewSeconds = await this.settings.get<number>('qualification.bankNoticeMaxSkewSeconds');
    const check = verifyBankNotice({ rawBody, timestamp: timestamp ?? '', signature: signature ?? '', secret: this.options.bankNoticeSecret, now: new Date(), maxSkewSeconds });
    if (!check.ok) {
      await this.log(null, `rejected_${check.reason.toLowerCase()}`, null, rawBody, remoteIp);
      throw new DomainError('BANK_SIGNATURE_INVALID', check.reason === 'STALE_TIMESTAMP' ? 'the notice timestamp is too old or in the future' : 'the notice signature does not verify', 'x-bank-signature');
    }
    let notice: ReturnType<typeof parseBankNotice>;
    try {
      notice = parseBankNotice(JSON.parse(rawBody) as unknown);
    } catch (e) {
      await this.log(null, 'rejected_malformed', e instanceof Error ? e.message : String(e), rawBody, remoteIp);
      if (e instanceof DomainError) throw e;
      throw new DomainError('BANK_NOTICE_MALFORMED', 'the notice body is not valid JSON', 'body');
    }
    let outcome: BankNoticeResult | { status: 'conflict'; differences: string[] };
    try {
      outcome = await this.apply(notice, rawBody, remoteIp, simulatedBy);
    } catch (e) {
      // Two copies of one transaction racing: the unique transaction id lets exactly one through, and
      // the other is judged against it like any later copy.
      if (!(e instanceof QueryFailedError && /deposit_payment_bank_txn_id_key|unique/i.test(e.message))) throw e;
      outcome = await this.apply(notice, rawBody, remoteIp, simulatedBy);
    }
    if (outcome.status === 'conflict') {
      throw new DomainError(
        'BANK_NOTICE_CONFLICT',
        `transaction ${notice.txnId} was already applied with other content (${outcome.differences.join(', ')}); this notice changed nothing and is kept for finance to review`,
        outcome.differences[0],
        { differences: outcome.differences, txnId: notice.txnId, fields: outcome.differences.join('、') },
      );
    }
    return outcome;
  }

  private async apply(notice: BankNotice, rawBody: string, remoteIp: string | undefined, simulatedBy: Actor | undefined): Promise<BankNoticeResult | { status: 'conflict'; differences: string[] }> {
    return this.tx.run(async (em) => {
      const seen = await em.findOneBy(DepositPaymentEntity, { bankTxnId: notice.txnId });
      if (seen) {
        const differences = noticeDifferences({ ...seen, txnId: seen.bankTxnId }, notice);
        if (differences.length === 0) {
          await this.logIn(em, notice.txnId, 'duplicate', null, rawBody, remoteIp);
          return { status: 'duplicate' as const, txnId: notice.txnId };
        }
        await this.recordConflict(em, { ...seen, txnId: seen.bankTxnId }, notice, differences, rawBody, remoteIp);
        return { status: 'conflict' as const, differences };
      }
      const app = await em.findOne(ApplicationEntity, { where: { subAccount: notice.subAccount }, lock: { mode: 'pessimistic_write' } });
      if (!app) {
        await this.logIn(em, notice.txnId, 'unmatched', `no application holds sub-account ${notice.subAccount}`, rawBody, remoteIp);
        return { status: 'unmatched' as const, txnId: notice.txnId };
      }
      const names = await this.applications.memberNames(em, app.id);
      const inTime = notice.arrivedAt.getTime() < app.depositDeadline.getTime();
      const payerMismatch = !names.some((n) => namesMatch(n, notice.payerName));
      await em.insert(DepositPaymentEntity, {
        applicationId: app.id,
        bankTxnId: notice.txnId,
        subAccount: notice.subAccount,
        amount: notice.amount,
        payerName: notice.payerName,
        payerAccount: notice.payerAccount,
        arrivedAt: notice.arrivedAt,
        inTime,
        payerMismatch,
      });
      // Every deposit received is held for its application until it is refunded or converted.
      await this.ledger.post(em, depositReceived({ at: notice.arrivedAt, sourceId: notice.txnId, applicationId: app.id, amount: notice.amount }));
      await this.audit.record(em, {
        action: 'deposit.arrival',
        entityType: 'application',
        entityId: app.id,
        after: { txnId: notice.txnId, amount: notice.amount.toString(), arrivedAt: notice.arrivedAt, inTime, payerMismatch, refundDue: !inTime, ...(simulatedBy ? { simulated: true } : {}) },
        // A simulated deposit is on the record as the staff member's doing, not the bank's.
        actor: simulatedBy ?? 'system',
      });
      const qualified = await this.applications.qualifyIfPaid(em, app);
      await this.logIn(em, notice.txnId, 'accepted', inTime ? null : 'arrived after the deposit deadline: marked for refund', rawBody, remoteIp);
      return { status: 'accepted' as const, txnId: notice.txnId, qualified };
    });
  }

  /**
   * Keeps a conflicting notice (both versions, when, the raw body and its hash), once per distinct body,
   * and warns. The deposit and the ledger stay as they were.
   */
  private async recordConflict(em: EntityManager, applied: AppliedNotice, received: BankNotice, differences: string[], rawBody: string, remoteIp: string | undefined): Promise<void> {
    const rawBodySha256 = createHash('sha256').update(rawBody, 'utf8').digest('hex');
    const [kept] = (await em.query(
      `INSERT INTO bank_notice_conflict (txn_id, raw_body_sha256, differences, applied, received, raw_body, remote_ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT bank_notice_conflict_once DO UPDATE SET last_received_at = now(), times_received = bank_notice_conflict.times_received + 1
       RETURNING id`,
      [applied.txnId, rawBodySha256, differences, JSON.stringify(noticeJson(applied)), JSON.stringify(noticeJson(received)), rawBody.slice(0, 10_000), remoteIp ?? null],
    )) as Array<{ id: string }>;
    await this.logIn(em, received.txnId, 'conflict', `already applied with other ${differences.join(', ')}`, rawBody, remoteIp);
    this.logger.warn({ txnId: received.txnId, differences, rawBodySha256, remoteIp }, 'bank notice conflicts with the one already applied under its transaction id');
    await this.notices.bankNoticeConflict(em, { conflictId: kept!.id, txnId: received.txnId, differences, rawBodySha256 });
  }

  /** Conflicting notices for finance and supervisors, the latest first. */
  async conflicts(query: PageQueryDto) {
    const { page, pageSize, skip } = pageWindow(query);
    const [rows, total] = await this.dataSource.manager.findAndCount(BankNoticeConflictEntity, { order: { lastReceivedAt: 'DESC' }, skip, take: pageSize });
    return {
      items: rows.map((c) => ({
        id: c.id,
        txnId: c.txnId,
        differences: c.differences,
        applied: c.applied,
        received: c.received,
        rawBodySha256: c.rawBodySha256,
        remoteIp: c.remoteIp,
        firstReceivedAt: c.firstReceivedAt,
        lastReceivedAt: c.lastReceivedAt,
        timesReceived: c.timesReceived,
      })),
      total,
      page,
      pageSize,
    };
  }

  /**
   * The demo's simulated bank (served only when BANK_SIMULATOR is on in a demo, to finance or an
   * administrator): builds and signs a notice exactly as the bank would, then submits it.
   */
  async simulate(input: { subAccount: string; amount: string; payerName: string; payerAccount?: string; arrivedAt?: string; txnId?: string }, actor: Actor): Promise<BankNoticeResult> {
    if (!this.options.bankSimulator) throw new DomainError('NOT_FOUND', 'the simulated bank is switched off');
    const body = JSON.stringify({
      txnId: input.txnId ?? `SIM${randomUUID().replace(/-/g, '').slice(0, 20)}`,
      subAccount: input.subAccount,
      amount: input.amount,
      currency: 'CNY',
      payerName: input.payerName,
      payerAccount: input.payerAccount ?? '6228480000000000000',
      arrivedAt: input.arrivedAt ?? new Date().toISOString(),
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    return this.receive(body, timestamp, signBankNotice(body, timestamp, this.options.bankNoticeSecret), `simulator:${actor.username}`, actor);
  }

  private async log(txnId: string | null, outcome: string, detail: string | null, rawBody: string, remoteIp?: string): Promise<void> {
    await this.logIn(this.dataSource.manager, txnId, outcome, detail, rawBody, remoteIp);
    if (outcome.startsWith('rejected')) this.logger.warn({ txnId, outcome, remoteIp }, 'bank notice refused');
  }

  private async logIn(em: DataSource['manager'], txnId: string | null, outcome: string, detail: string | null, rawBody: string, remoteIp?: string): Promise<void> {
    await em.insert(BankNoticeLogEntity, { txnId, outcome, detail, remoteIp: remoteIp ?? null, rawBody: rawBody.slice(0, 10_000) });
  }
}
