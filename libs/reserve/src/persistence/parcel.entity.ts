import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Area, Ratio } from '@app/money';
import { AreaColumn, RatioColumn } from '@app/money';
import type { Decimal } from '@app/money';
import type { BoundaryGeometry } from '../domain/parcel-boundary';
import type { ParcelState } from '../domain/parcel-lifecycle';
import type { PlannedUse } from '../domain/parcel-rules';

export const ACQUISITION_METHODS = ['recovery', 'purchase', 'pre_emption', 'requisition'] as const;
export type AcquisitionMethod = (typeof ACQUISITION_METHODS)[number];

const decimalText = {
  to: (v: Decimal | null | undefined) => (v == null ? null : v.toString()),
  from: (v: string | null) => v,
};

/** A parcel (宗地) of the land reserve. Only ParcelService writes `state`, through the lifecycle table. */
@Entity({ name: 'parcel' })
@Check('parcel_state_check', `state IN ('acquired','in_reserve','developing','ready_for_supply','listed','sold','withdrawn')`)
@Check('parcel_plot_ratio_check', `plot_ratio_min IS NULL OR plot_ratio_max IS NULL OR plot_ratio_min <= plot_ratio_max`)
@Index('parcel_state_district_idx', ['state', 'district'])
export class ParcelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  district: string;

  @Column({ type: 'text' })
  location: string;

  @Column({ type: 'jsonb' })
  boundary: BoundaryGeometry;

  @Column({ type: 'text' })
  boundaryCrs: string;

  @AreaColumn()
  declaredArea: Area;

  @AreaColumn()
  computedArea: Area;

  @Column({ type: 'text' })
  plannedUse: PlannedUse;

  @Column({ type: 'integer' })
  tenureYears: number;

  @RatioColumn({ nullable: true })
  plotRatioMin: Ratio | null;

  @RatioColumn({ nullable: true })
  plotRatioMax: Ratio | null;

  @RatioColumn({ nullable: true })
  buildingDensity: Ratio | null;

  @RatioColumn({ nullable: true })
  greenRatio: Ratio | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: decimalText })
  heightLimitMetres: string | null;

  @Column({ type: 'text' })
  acquisitionMethod: AcquisitionMethod;

  @Column({ type: 'date' })
  acquiredOn: string;

  /** `YYYY-Qn` of the annual supply plan, or null while unplanned. */
  @Column({ type: 'text', nullable: true })
  plannedSupplyQuarter: string | null;

  @Column({ type: 'text' })
  state: ParcelState;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
