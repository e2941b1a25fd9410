import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReserveModule } from '@app/reserve';
import { AnnouncementService } from './application/announcement.service';
import { ApplicantDirectory } from './application/applicant-directory';
import { ApprovalService } from './application/approval.service';
import { DraftLotService } from './application/draft-lot.service';
import { LISTING_OPTIONS, type ListingOptions } from './application/listing-config';
import { LiveTrading } from './application/live-trading';
import { PracticeLotWriter } from './application/practice-lot-writer';
import { ReservePriceService } from './application/reserve-price.service';
import { AnnouncementsController } from './http/announcements.controller';
import { AnnouncementVersionEntity } from './persistence/announcement-version.entity';
import { AnnouncementEntity } from './persistence/announcement.entity';
import { ApprovalRequestEntity } from './persistence/approval-request.entity';
import { LotParcelEntity } from './persistence/lot-parcel.entity';
import { LotEntity } from './persistence/lot.entity';
import { ReserveCommitteeMemberEntity, ReserveProposalEntity, ReserveSealEntity } from './persistence/reserve.entities';

@Module({})
export class ListingModule {
  static forRoot(options: ListingOptions): DynamicModule {
    return {
      module: ListingModule,
      imports: [
        ReserveModule,
        TypeOrmModule.forFeature([
          AnnouncementEntity,
          AnnouncementVersionEntity,
          LotEntity,
          LotParcelEntity,
          ReserveCommitteeMemberEntity,
          ReserveProposalEntity,
          ReserveSealEntity,
          ApprovalRequestEntity,
        ]),
      ],
      controllers: [AnnouncementsController],
      providers: [{ provide: LISTING_OPTIONS, useValue: options }, AnnouncementService, DraftLotService, ReservePriceService, ApprovalService, ApplicantDirectory, LiveTrading, PracticeLotWriter],
      exports: [AnnouncementService, ReservePriceService, ApplicantDirectory, LiveTrading, PracticeLotWriter],
    };
  }
}
