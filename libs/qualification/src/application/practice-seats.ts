import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/common';
import { drawBidderNumber, secureRandomInt } from '../domain/bidder-number';
import { BidderEntity } from '../persistence/bidder.entity';
import { ApplicationEntity } from '../persistence/application.entity';

/** A seat on a practice lot: the application (qualified at once) and its bidder number. */
export interface PracticeSeat {
  readonly applicationId: string;
  readonly bidderNumber: string;
  readonly bidderId: string;
}

/** The fictional opponents of practice lots: disabled accounts without a usable password, one per slot, reused. */
const SIMULATED_NAMES = ['模拟竞买人甲（模拟竞价）', '模拟竞买人乙（模拟竞价）', '模拟竞买人丙（模拟竞价）'];

/**
 * Seats on practice lots (模拟竞价): an application qualified at once, with a bidder number drawn like a
 * real one, but no deposit (shown as simulated), no review, no sub-account and no confirmation code.
 *
 * A practice seat has no `application_partner` row: that row is what puts an application in a bidder's
 * list of applications (`/api/applications/mine`), its joint-bid checks and the applicants told of an
 * amendment, none of which a rehearsal belongs to. The seat is found the way trading finds every seat:
 * by its lead bidder's account (TradingQueryService.seatOf).
 */
@Injectable()
export class PracticeSeats {
  /** Seats a registered bidder (by its account); its existing seat when it has one. NOT_A_BIDDER without a registration. */
  async seatAccount(em: EntityManager, lotId: string, userId: string, field: string): Promise<PracticeSeat & { created: boolean }> {
    const bidder = await em.findOneBy(BidderEntity, { userId });
    if (!bidder) throw new DomainError('NOT_A_BIDDER', 'this account has no bidder registration: register as a bidder first (POST /api/bidders)', field);
    const existing = await em.findOneBy(ApplicationEntity, { lotId, leadBidderId: bidder.id });
    if (existing?.bidderNumber) return { applicationId: existing.id, bidderNumber: existing.bidderNumber, bidderId: bidder.id, created: false };
    return { ...(await this.insertSeat(em, lotId, bidder.id)), created: true };
  }

  /** Seats simulated opponent number `slot` (0, 1, 2), creating its account and registration the first time. */
  async seatSimulated(em: EntityManager, lotId: string, slot: number): Promise<PracticeSeat & { name: string }> {
    const name = SIMULATED_NAMES[slot];
    if (name === undefined) throw new DomainError('INVALID_OPPONENTS', `there are ${SIMULATED_NAMES.length} simulated opponents at most`, 'opponents');
    const username = `practice.sim${slot + 1}`;
    // A disabled account whose hash matches no password: it never logs in; it bids only through the driver.
    await em.query(
      `INSERT INTO app_user (username, display_name, password_hash, roles, active) VALUES ($1, $2, '!simulated-no-login', ARRAY['bidder'], false) ON CONFLICT (username) DO NOTHING`,
      [username, name],
    );
    await em.query(
      `INSERT INTO bidder (user_id, kind, name, credit_code, legal_representative, contact_name, contact_phone, address)
       SELECT id, 'organization', $2, $3, '模拟', '模拟', '00000000000', '模拟竞价（非真实竞买人）' FROM app_user WHERE username = $1
       ON CONFLICT (user_id) DO NOTHING`,
      [username, name, `MN-SIM-${slot + 1}`],
    );
    const [bidder] = (await em.query(`SELECT b.id FROM bidder b JOIN app_user u ON u.id = b.user_id WHERE u.username = $1`, [username])) as Array<{ id: string }>;
    return { ...(await this.insertSeat(em, lotId, bidder!.id)), name };
  }

  private async insertSeat(em: EntityManager, lotId: string, bidderId: string): Promise<PracticeSeat> {
    // The lot's row orders concurrent seatings, so two never draw the same number.
    await em.query('SELECT 1 FROM lot WHERE id = $1 AND practice FOR UPDATE', [lotId]);
    const taken = new Set(((await em.query(`SELECT bidder_number FROM application WHERE lot_id = $1 AND bidder_number IS NOT NULL`, [lotId])) as Array<{ bidder_number: string }>).map((r) => r.bidder_number));
    const bidderNumber = drawBidderNumber(taken, secureRandomInt);
    const [row] = (await em.query(
      `INSERT INTO application (lot_id, lead_bidder_id, joint, status, review_mode, submitted_at, deposit_required, deposit_deadline, bidder_number, qualified_at, version)
       SELECT l.id, $2, false, 'qualified', 'post_review', now(), l.deposit, l.deposit_deadline, $3, now(), 1 FROM lot l WHERE l.id = $1 AND l.practice
       RETURNING id`,
      [lotId, bidderId, bidderNumber],
    )) as Array<{ id: string }>;
    if (!row) throw new DomainError('PRACTICE_LOT_NOT_FOUND', `lot ${lotId} is not a practice lot`, 'lotId');
    return { applicationId: row.id, bidderNumber, bidderId };
  }
}
