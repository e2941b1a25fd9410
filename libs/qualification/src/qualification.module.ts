import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicantDirectory } from '@app/listing';
import { ApplicationService } from './application/application.service';
import { BidderService } from './application/bidder.service';
import { DepositService } from './application/deposit.service';
import { FileStore, LocalDiskFileStore } from './application/file-store';
import { QUALIFICATION_OPTIONS, type QualificationOptions } from './application/qualification-options';
import { QualificationController } from './http/qualification.controller';
import { ApplicationDocumentEntity, ApplicationEntity, ApplicationPartnerEntity, SubAccountRegistryEntity } from './persistence/application.entity';
import { BidderEntity, BlacklistEntryEntity } from './persistence/bidder.entity';
import { BankNoticeLogEntity, DepositPaymentEntity } from './persistence/deposit.entities';

@Module({})
export class QualificationModule implements OnModuleInit {
  constructor(@Inject(ApplicantDirectory) private readonly directory: ApplicantDirectory) {}

  static forRoot(options: QualificationOptions & { listing: DynamicModule }): DynamicModule {
    return {
      module: QualificationModule,
      imports: [
        options.listing,
        TypeOrmModule.forFeature([BidderEntity, BlacklistEntryEntity, ApplicationEntity, ApplicationPartnerEntity, ApplicationDocumentEntity, SubAccountRegistryEntity, DepositPaymentEntity, BankNoticeLogEntity]),
      ],
      controllers: [QualificationController],
      providers: [
        { provide: QUALIFICATION_OPTIONS, useValue: options },
        { provide: FileStore, useFactory: () => new LocalDiskFileStore(options.fileStoreDir) },
        BidderService,
        ApplicationService,
        DepositService,
      ],
      exports: [BidderService, ApplicationService],
    };
  }

  /** Amendments and suspensions reach everyone who applied: listing asks us who that is. */
  onModuleInit(): void {
    this.directory.register(async (em, lotIds) => {
      const rows: Array<{ user_id: string }> = await em
        .createQueryBuilder()
        .select('DISTINCT b.user_id', 'user_id')
        .from(ApplicationPartnerEntity, 'p')
        .innerJoin(BidderEntity, 'b', 'b.id = p.bidder_id')
        .where('p.lot_id IN (:...lotIds)', { lotIds: [...lotIds] })
        .getRawMany();
      return rows.map((r) => r.user_id);
    });
  }
}
