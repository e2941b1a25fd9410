import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ParcelService } from './application/parcel.service';
import { ParcelsController } from './http/parcels.controller';
import { ParcelCostEntryEntity } from './persistence/parcel-cost-entry.entity';
import { ParcelDocumentEntity } from './persistence/parcel-document.entity';
import { ParcelEntity } from './persistence/parcel.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ParcelEntity, ParcelCostEntryEntity, ParcelDocumentEntity])],
  controllers: [ParcelsController],
  providers: [ParcelService],
  exports: [ParcelService],
})
export class ReserveModule {}
