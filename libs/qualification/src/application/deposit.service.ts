import { depositReceived, LedgerService } from '@app/ledger';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { TransactionRunner } from '@app/database';
import { SettingsService } from '@app/settings';
import { namesMatch } from '../domain/deposit-status';
import { parseBankNotice, signBankNotice, verifyBankNotice } from '../domain/bank-notice';
import { ApplicationEntity } from '../persistence/application.entity';
import { BankNoticeLogEntity, DepositPaymentEntity } from '../persistence/deposit.entities';
import { ApplicationService } from './application.service';
import { QUALIFICATION_OPTIONS, type QualificationOptions } from './qualification-options';

export interface BankNoticeResult {
  status: 'accepted' | 'duplicate' | 'unmatched';
  txnId: string;
  qualified?: boolean;
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
    @Inject(QUALIFICATION_OPTIONS) private readonly options: QualificationOptions,
  ) {}

  async receive(rawBody: string, timestamp: string | undefined, signature: string | undefined, remoteIp?: string): Promise<BankNoticeResult> {
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
    try {
      return await this.tx.run(async (em) => {
        const seen = await em.findOneBy(DepositPaymentEntity, { bankTxnId: notice.txnId });
        if (seen) {
          const same = seen.amount.eq(notice.amount) && seen.subAccount === notice.subAccount && seen.arrivedAt.getTime() === notice.arrivedAt.getTime();
          await this.logIn(em, notice.txnId, same ? 'duplicate' : 'duplicate_conflicting', same ? null : 'a notice with this transaction id but other content was already applied', rawBody, remoteIp);
          return { status: 'duplicate' as const, txnId: notice.txnId };
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
          after: { txnId: notice.txnId, amount: notice.amount.toString(), arrivedAt: notice.arrivedAt, inTime, payerMismatch, refundDue: !inTime },
          actor: 'system',
        });
        const qualified = await this.applications.qualifyIfPaid(em, app);
        await this.logIn(em, notice.txnId, 'accepted', inTime ? null : 'arrived after the deposit deadline: marked for refund', rawBody, remoteIp);
        return { status: 'accepted' as const, txnId: notice.txnId, qualified };
      });
    } catch (e) {
      // Two copies of one notice racing: the unique transaction id lets exactly one through.
      if (e instanceof QueryFailedError && /deposit_payment_bank_txn_id_key|unique/i.test(e.message)) {
        await this.log(notice.txnId, 'duplicate', 'concurrent copy', rawBody, remoteIp);
        return { status: 'duplicate', txnId: notice.txnId };
      }
      throw e;
    }
  }

  /** The dev-only simulated bank: builds and signs a notice exactly as the bank would, then submits it. */
  async simulate(input: { subAccount: string; amount: string; payerName: string; payerAccount?: string; arrivedAt?: string; txnId?: string }): Promise<BankNoticeResult> {
    if (!this.options.bankSimulator) throw new DomainError('NOT_FOUND', 'the simulated bank is switched off (BANK_SIMULATOR=off)');
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
    return this.receive(body, timestamp, signBankNotice(body, timestamp, this.options.bankNoticeSecret), 'simulator');
  }

  private async log(txnId: string | null, outcome: string, detail: string | null, rawBody: string, remoteIp?: string): Promise<void> {
    await this.logIn(this.dataSource.manager, txnId, outcome, detail, rawBody, remoteIp);
    if (outcome.startsWith('rejected')) this.logger.warn({ txnId, outcome, remoteIp }, 'bank notice refused');
  }

  private async logIn(em: DataSource['manager'], txnId: string | null, outcome: string, detail: string | null, rawBody: string, remoteIp?: string): Promise<void> {
    await em.insert(BankNoticeLogEntity, { txnId, outcome, detail, remoteIp: remoteIp ?? null, rawBody: rawBody.slice(0, 10_000) });
  }
}
