import type { EntityManager } from 'typeorm';
import { Area, Ratio, type SaleParcel } from '@app/money';

/**
 * Area and maximum plot ratio of the parcels, so that a start price per ㎡ or per 建筑㎡ can be taken
 * as a total (the deposit rule); undefined unless every parcel exists.
 */
export async function saleParcelsOf(em: EntityManager, ids: readonly string[]): Promise<SaleParcel[] | undefined> {
  const unique = [...new Set(ids)];
  const rows = (await em.query(`SELECT declared_area::text AS area, plot_ratio_max::text AS max FROM parcel WHERE id = ANY($1::uuid[])`, [unique])) as Array<{ area: string; max: string | null }>;
  if (unique.length === 0 || rows.length !== unique.length) return undefined;
  return rows.map((r) => ({ area: Area.of(r.area), plotRatioMax: r.max === null ? null : Ratio.of(r.max) }));
}
