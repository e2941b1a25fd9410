import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ParcelEntity } from '@app/reserve/persistence/parcel.entity';
import { LotEntity } from './lot.entity';

@Entity({ name: 'lot_parcel' })
export class LotParcelEntity {
  @PrimaryColumn({ type: 'uuid' })
  lotId: string;

  @PrimaryColumn({ type: 'uuid' })
  parcelId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'lot_parcel_lot_fk' })
  lot?: LotEntity;

  @ManyToOne(() => ParcelEntity)
  @JoinColumn({ name: 'parcel_id', foreignKeyConstraintName: 'lot_parcel_parcel_fk' })
  parcel?: ParcelEntity;
}
