import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The figures of a sale in the lot's price unit (libs/money saleFigures): the result keeps the price
 * unit, the winning price as bid (in that unit) and the exact floor area (Σ area × maximum plot ratio)
 * next to the total (`price`, 元) it already had. Results written before keep their totals; their
 * bid price is recovered from what they stored (a per-㎡ lot stored its bid as the unit price).
 */
export class SaleFigures1795300003000 implements MigrationInterface {
  name = 'SaleFigures1795300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE result ADD COLUMN price_unit text NOT NULL DEFAULT 'total', ADD COLUMN bid_price numeric(18,2), ADD COLUMN floor_area numeric(28,6)`);
    // `result` is append-only (a trigger refuses UPDATE): the backfill of existing rows is the one exception.
    await q.query(`ALTER TABLE result DISABLE TRIGGER result_append_only`);
    await q.query(`
      UPDATE result r SET price_unit = coalesce(l.terms->>'priceUnit', 'total'),
                          bid_price = CASE WHEN r.outcome <> 'sold' THEN NULL
                                           WHEN l.terms->>'priceUnit' = 'per_square_metre' THEN r.unit_price
                                           ELSE r.price END
        FROM lot l WHERE l.id = r.lot_id`);
    await q.query(`ALTER TABLE result ENABLE TRIGGER result_append_only`);
    await q.query(`
      ALTER TABLE result ADD CONSTRAINT result_price_unit_check
        CHECK (price_unit IN ('total','per_square_metre','per_floor_area') AND (outcome = 'sold') = (bid_price IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE result DROP CONSTRAINT result_price_unit_check`);
    await q.query(`ALTER TABLE result DROP COLUMN price_unit, DROP COLUMN bid_price, DROP COLUMN floor_area`);
  }
}
