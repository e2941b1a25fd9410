import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A lot sold without a reserve price has no moment by which a reserve must be sealed: the column
 * becomes optional, and the moments derived for such lots are cleared.
 */
export class ReserveSealOnlyWithReserve1795300004010 implements MigrationInterface {
  name = 'ReserveSealOnlyWithReserve1795300004010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lot ALTER COLUMN reserve_seal_deadline DROP NOT NULL`);
    await q.query(`UPDATE lot SET reserve_seal_deadline = NULL WHERE (terms->>'hasReserve') IS DISTINCT FROM 'true'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The default again: 60 minutes before the listing end / submission deadline, or the auction start.
    await q.query(`UPDATE lot SET reserve_seal_deadline = coalesce(trading_end, trading_start) - interval '60 minutes' WHERE reserve_seal_deadline IS NULL`);
    await q.query(`ALTER TABLE lot ALTER COLUMN reserve_seal_deadline SET NOT NULL`);
  }
}
