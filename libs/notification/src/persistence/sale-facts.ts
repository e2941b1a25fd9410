import type { EntityManager } from 'typeorm';
import { Money } from '@app/money';
import type { LotRef, RefundLine } from '../domain/sale-messages';

/**
 * What the notices after an application need to know, read (never written) from the tables of the
 * contexts that own them: listing (lot, announcement), qualification (application and its members,
 * bidder accounts) and settlement (settlement, confirmation, refund, contract, installments). Kept in
 * this one file so those contexts call the notices with an id and stay free of message texts.
 *
 * "Members" are the user accounts of every bidder in an application: the lead and, for a joint bid,
 * each partner.
 */
const MEMBERS = (applicationId: string) =>
  `ARRAY(SELECT b.user_id::text FROM application_partner p JOIN bidder b ON b.id = p.bidder_id WHERE p.application_id = ${applicationId} ORDER BY p.is_lead DESC, b.user_id)`;

interface RefRow {
  announcement_number: string;
  lot_number: string;
  lot_title: string;
}
const refOf = (r: RefRow): LotRef => ({ announcementNumber: r.announcement_number, lotNumber: r.lot_number, lotTitle: r.lot_title });
const LOT_REF = `an.number AS announcement_number, l.lot_number, l.title AS lot_title`;

export interface ApplicationFacts {
  ref: LotRef;
  id: string;
  lotId: string;
  status: string;
  bidderNumber: string | null;
  subAccount: string | null;
  depositRequired: Money;
  depositDeadline: Date;
  members: string[];
}

export async function applicationFacts(em: EntityManager, applicationId: string): Promise<ApplicationFacts | null> {
  const [r] = (await em.query(
    `SELECT a.id, a.lot_id, a.status, a.bidder_number, a.sub_account, a.deposit_required::text AS deposit_required, a.deposit_deadline, ${LOT_REF}, ${MEMBERS('a.id')} AS members
       FROM application a JOIN lot l ON l.id = a.lot_id JOIN announcement an ON an.id = l.announcement_id WHERE a.id = $1`,
    [applicationId],
  )) as Array<RefRow & { id: string; lot_id: string; status: string; bidder_number: string | null; sub_account: string | null; deposit_required: string; deposit_deadline: Date; members: string[] }>;
  if (!r) return null;
  return {
    ref: refOf(r),
    id: r.id,
    lotId: r.lot_id,
    status: r.status,
    bidderNumber: r.bidder_number,
    subAccount: r.sub_account,
    depositRequired: Money.of(r.deposit_required),
    depositDeadline: new Date(r.deposit_deadline),
    members: r.members,
  };
}

export interface SettledLotFacts {
  ref: LotRef;
  lotId: string;
  outcome: 'sold' | 'unsold';
  winnerApplicationId: string | null;
  price: Money | null;
  earnest: Money;
  closedAt: Date;
  contractDeadline: Date | null;
  confirmation: { verificationCode: string; signDeadline: Date } | null;
  /** Applications told of the result: every qualified one, and every one with money to refund. */
  applications: Array<{ id: string; bidderNumber: string | null; members: string[]; refunds: RefundLine[] }>;
}

export async function settledLotFacts(em: EntityManager, lotId: string): Promise<SettledLotFacts | null> {
  const [s] = (await em.query(
    `SELECT s.outcome, s.winner_application_id, s.price::text AS price, s.earnest::text AS earnest, s.closed_at, s.contract_deadline, c.verification_code, c.sign_deadline, ${LOT_REF}
       FROM settlement s JOIN lot l ON l.id = s.lot_id JOIN announcement an ON an.id = l.announcement_id LEFT JOIN confirmation c ON c.lot_id = s.lot_id
      WHERE s.lot_id = $1`,
    [lotId],
  )) as Array<
    RefRow & { outcome: 'sold' | 'unsold'; winner_application_id: string | null; price: string | null; earnest: string; closed_at: Date; contract_deadline: Date | null; verification_code: string | null; sign_deadline: Date | null }
  >;
  if (!s) return null;
  const apps = (await em.query(
    `SELECT a.id, a.bidder_number, ${MEMBERS('a.id')} AS members,
            coalesce((SELECT json_agg(json_build_object('amount', r.amount::text, 'dueAt', r.due_at) ORDER BY r.due_at) FROM refund r WHERE r.application_id = a.id), '[]'::json) AS refunds
       FROM application a
      WHERE a.lot_id = $1 AND (a.status = 'qualified' OR a.id = $2 OR EXISTS (SELECT 1 FROM refund r WHERE r.application_id = a.id))
      ORDER BY a.created_at, a.id`,
    [lotId, s.winner_application_id],
  )) as Array<{ id: string; bidder_number: string | null; members: string[]; refunds: Array<{ amount: string; dueAt: string }> }>;
  return {
    ref: refOf(s),
    lotId,
    outcome: s.outcome,
    winnerApplicationId: s.winner_application_id,
    price: s.price ? Money.of(s.price) : null,
    earnest: Money.of(s.earnest),
    closedAt: new Date(s.closed_at),
    contractDeadline: s.contract_deadline ? new Date(s.contract_deadline) : null,
    confirmation: s.verification_code && s.sign_deadline ? { verificationCode: s.verification_code, signDeadline: new Date(s.sign_deadline) } : null,
    applications: apps.map((a) => ({ id: a.id, bidderNumber: a.bidder_number, members: a.members, refunds: a.refunds.map((r) => ({ amount: Money.of(r.amount), dueAt: new Date(r.dueAt) })) })),
  };
}

export interface RefundFacts {
  ref: LotRef;
  id: string;
  amount: Money;
  status: string;
  paidOn: string | null;
  bankReference: string | null;
  members: string[];
}

export async function refundFacts(em: EntityManager, refundId: string): Promise<RefundFacts | null> {
  const [r] = (await em.query(
    `SELECT r.id, r.amount::text AS amount, r.status, to_char(r.paid_on, 'YYYY-MM-DD') AS paid_on, r.bank_reference, ${LOT_REF}, ${MEMBERS('r.application_id')} AS members
       FROM refund r JOIN lot l ON l.id = r.lot_id JOIN announcement an ON an.id = l.announcement_id WHERE r.id = $1`,
    [refundId],
  )) as Array<RefRow & { id: string; amount: string; status: string; paid_on: string | null; bank_reference: string | null; members: string[] }>;
  if (!r) return null;
  return { ref: refOf(r), id: r.id, amount: Money.of(r.amount), status: r.status, paidOn: r.paid_on, bankReference: r.bank_reference, members: r.members };
}

export interface ContractFacts {
  ref: LotRef;
  id: string;
  contractNumber: string;
  status: string;
  members: string[];
  installments: Array<{ number: number; dueDate: string; payable: Money }>;
  premiumPaid: Money;
}

export async function contractFacts(em: EntityManager, contractId: string): Promise<ContractFacts | null> {
  const [k] = (await em.query(
    `SELECT k.id, k.contract_number, k.status, ${LOT_REF}, ${MEMBERS('k.application_id')} AS members,
            (SELECT coalesce(sum(p.amount), 0)::text FROM premium_payment p WHERE p.contract_id = k.id AND p.kind = 'premium') AS paid
       FROM land_contract k JOIN lot l ON l.id = k.lot_id JOIN announcement an ON an.id = l.announcement_id WHERE k.id = $1`,
    [contractId],
  )) as Array<RefRow & { id: string; contract_number: string; status: string; members: string[]; paid: string }>;
  if (!k) return null;
  const inst = (await em.query(`SELECT number, to_char(due_date, 'YYYY-MM-DD') AS due_date, payable::text AS payable FROM installment WHERE contract_id = $1 ORDER BY number`, [contractId])) as Array<{
    number: number;
    due_date: string;
    payable: string;
  }>;
  return {
    ref: refOf(k),
    id: k.id,
    contractNumber: k.contract_number,
    status: k.status,
    members: k.members,
    installments: inst.map((i) => ({ number: i.number, dueDate: i.due_date, payable: Money.of(i.payable) })),
    premiumPaid: Money.of(k.paid),
  };
}
