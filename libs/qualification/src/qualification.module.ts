import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicantDirectory } from '@app/listing';
import { ReconciliationSources } from '@app/ledger';
import { Money } from '@app/money';
import type { IsoDate } from '@app/calendar/domain/calendar-day';
import { ApplicationAccess } from './application/application-access';
import { ApplicationService } from './application/application.service';
import { BidderService } from './application/bidder.service';
import { DepositService } from './application/deposit.service';
import { DocumentService } from './application/document.service';
import { FileStore, LocalDiskFileStore } from './application/file-store';
import { InvitationService } from './application/invitation.service';
import { PracticeSeats } from './application/practice-seats';
import { QUALIFICATION_OPTIONS, type QualificationOptions } from './application/qualification-options';
import { BankSimulatorController, QualificationController } from './http/qualification.controller';
import { ApplicationDocumentEntity, ApplicationEntity, ApplicationPartnerEntity, JointInvitationEntity, SubAccountRegistryEntity } from './persistence/application.entity';
import { BidderEntity, BlacklistEntryEntity } from './persistence/bidder.entity';
import { BankNoticeConflictEntity, BankNoticeLogEntity, DepositPaymentEntity } from './persistence/deposit.entities';

@Module({})
export class QualificationModule implements OnModuleInit {
  constructor(
    @Inject(ApplicantDirectory) private readonly directory: ApplicantDirectory,
    private readonly reconciliation: ReconciliationSources,
  ) {}

  static forRoot(options: QualificationOptions & { listing: DynamicModule }): DynamicModule {
    return {
      module: QualificationModule,
      imports: [
        options.listing,
        TypeOrmModule.forFeature([
          BidderEntity,
          BlacklistEntryEntity,
          ApplicationEntity,
          ApplicationPartnerEntity,
          JointInvitationEntity,
          ApplicationDocumentEntity,
          SubAccountRegistryEntity,
          DepositPaymentEntity,
          BankNoticeLogEntity,
          BankNoticeConflictEntity,
        ]),
      ],
      // The simulated bank exists only where the configuration serves it (a demo): elsewhere its route is unknown.
      controllers: options.bankSimulator ? [QualificationController, BankSimulatorController] : [QualificationController],
      providers: [
        { provide: QUALIFICATION_OPTIONS, useValue: options },
        { provide: FileStore, useFactory: () => new LocalDiskFileStore(options.fileStoreDir) },
        BidderService,
        ApplicationAccess,
        ApplicationService,
        InvitationService,
        DocumentService,
        DepositService,
        PracticeSeats,
      ],
      exports: [BidderService, ApplicationService, PracticeSeats],
    };
  }

  /** Amendments and suspensions reach everyone who applied: listing asks us who that is. */
  onModuleInit(): void {
    // Bank statements confirm the deposits the bank already notified: matched by sub-account and amount.
    this.reconciliation.register({
      kind: 'deposit',
      async expected(em) {
        const rows = (await em.query(
          `SELECT dp.bank_txn_id, dp.sub_account, dp.amount::text AS amount, to_char(dp.arrived_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
             FROM deposit_payment dp
            WHERE NOT EXISTS (SELECT 1 FROM bank_statement_line l WHERE l.matched_kind = 'deposit' AND l.matched_id = 'deposit:' || dp.bank_txn_id)`,
        )) as Array<{ bank_txn_id: string; sub_account: string; amount: string; day: string }>;
        return rows.map((r) => ({ id: `deposit:${r.bank_txn_id}`, kind: 'deposit' as const, subAccount: r.sub_account, reference: r.bank_txn_id, amount: Money.of(r.amount), dueDate: r.day as IsoDate }));
      },
      // The deposit was posted when the bank's notice arrived; the statement line only confirms it.
      settle: async () => undefined,
    });
    this.directory.register(async (em, lotIds) => {
      const rows: Array<{ user_id: string }> = await em
        .createQueryBuilder()
        .select('DISTINCT b.user_id', 'user_id')
        .from(ApplicationPartnerEntity, 'p')
        .innerJoin(BidderEntity, 'b', 'b.id = p.bidder_id')
        .where('p.lot_id IN (:...lotIds)', { lotIds: [...lotIds] })
        .andWhere('p.released_at IS NULL')
        .getRawMany();
      return rows.map((r) => r.user_id);
    });
  }
}
