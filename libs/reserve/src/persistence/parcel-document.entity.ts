import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ParcelEntity } from './parcel.entity';

/** A source document of a parcel (收储协议, 批复, 测绘报告…): its metadata and SHA-256, not the file. */
@Entity({ name: 'parcel_document' })
@Check('parcel_document_sha256_check', `sha256 ~ '^[0-9a-f]{64}$'`)
export class ParcelDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @Index('parcel_document_parcel_idx')
  parcelId: string;

  @ManyToOne(() => ParcelEntity)
  @JoinColumn({ name: 'parcel_id', foreignKeyConstraintName: 'parcel_document_parcel_fk' })
  parcel?: ParcelEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
