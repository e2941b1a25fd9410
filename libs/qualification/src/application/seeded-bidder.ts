import type { EntityManager } from 'typeorm';

/**
 * A bidder qualified on lots without going through registration, review and the bank: for the demo's
 * simulated bidders, the benchmark and test factories only — never reachable over the API. The rows
 * are the same the real flow writes (account, bidder, application as its lead, bidder number), so
 * everything downstream treats them alike. The account's password hash matches no password.
 */
export interface SeededBidderInput {
  readonly username: string;
  readonly name: string;
  /** A company's unified social credit code, or a person's ID number (`kind: 'person'`). */
  readonly identifier: string;
  readonly kind: 'company' | 'person';
  /** One application per lot, with its bidder number. */
  readonly lots: ReadonlyArray<{ readonly lotId: string; readonly bidderNumber: string }>;
}

export interface SeededBidder {
  readonly userId: string;
  readonly bidderId: string;
  /** lotId → application id. */
  readonly applications: ReadonlyMap<string, string>;
}

export async function seedQualifiedBidder(em: EntityManager, input: SeededBidderInput): Promise<SeededBidder> {
  let [user] = (await em.query(`SELECT id FROM app_user WHERE username = $1`, [input.username])) as Array<{ id: string }>;
  if (!user) {
    [user] = (await em.query(`INSERT INTO app_user (username, display_name, password_hash, roles) VALUES ($1, $2, '!seeded-no-login', ARRAY['bidder']) RETURNING id`, [input.username, input.name])) as Array<{
      id: string;
    }>;
  }
  const [bidder] = (await em.query(
    `INSERT INTO bidder (user_id, kind, name, credit_code, id_number, legal_representative, contact_name, contact_phone, address)
     VALUES ($1, $2, $3, $4, $5, '王建国', '李明', '13805360000', '山东省寿光市') RETURNING id`,
    [user.id, input.kind, input.name, input.kind === 'company' ? input.identifier : null, input.kind === 'person' ? input.identifier : null],
  )) as Array<{ id: string }>;
  const applications = new Map<string, string>();
  for (const { lotId, bidderNumber } of input.lots) {
    const [app] = (await em.query(
      `INSERT INTO application (lot_id, lead_bidder_id, joint, status, review_mode, submitted_at, deposit_required, deposit_deadline, bidder_number, qualified_at, confirmation_code, version)
       SELECT $1, $2, false, 'qualified', 'post_review', now(), deposit, deposit_deadline, $3, now(), gen_random_uuid()::text, 1 FROM lot WHERE id = $1 RETURNING id`,
      [lotId, bidder.id, bidderNumber],
    )) as Array<{ id: string }>;
    await em.query(`INSERT INTO application_partner (application_id, bidder_id, lot_id, share, is_lead, accepted_at) VALUES ($1, $2, $3, 1, true, now())`, [app.id, bidder.id, lotId]);
    applications.set(lotId, app.id);
  }
  return { userId: user.id, bidderId: bidder.id, applications };
}
