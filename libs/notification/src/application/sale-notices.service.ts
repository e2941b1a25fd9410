import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { daysBetween, type IsoDate } from '@app/calendar';
import { Ratio } from '@app/money';
import { SettingsService } from '@app/settings';
import {
  applicationReviewedMessage,
  applicationWithdrawnMessage,
  bankNoticeConflictMessage,
  invitationAnsweredMessage,
  invitationReceivedMessage,
  confirmationIssuedMessage,
  installmentDueSoonMessage,
  installmentOverdueMessage,
  notWonMessage,
  qualifiedMessage,
  refundPaidMessage,
  unpaidByInstallment,
  wonMessage,
} from '../domain/sale-messages';
import { applicationFacts, contractFacts, financeOfficers, invitationFacts, leadOf, refundFacts, settledLotFacts } from '../persistence/sale-facts';
import { NotificationService } from './notification.service';

/**
 * The notices of a bidder's path after it applies. The owning services (qualification, settlement)
 * call one method with an id inside their own transaction; this class finds the recipients (every
 * member of the application, joint partners included) and the facts, and writes the messages.
 */
@Injectable()
export class SaleNotices {
  constructor(
    private readonly notifications: NotificationService,
    private readonly settings: SettingsService,
  ) {}

  /** A pre-review decision: `approve`, `reject`, or `return` (more documents needed). */
  async applicationReviewed(em: EntityManager, applicationId: string, decision: string, reason: string): Promise<void> {
    const app = await applicationFacts(em, applicationId);
    if (!app) return;
    const m = applicationReviewedMessage(app.ref, decision, reason, { amount: app.depositRequired, deadline: app.depositDeadline, subAccount: app.subAccount });
    await this.notifications.notify(em, { recipients: app.members, kind: m.kind, subject: m.subject, body: m.body, related: { type: 'application', id: app.id } });
  }

  /** The full deposit arrived in time and the bidder number (号牌) was drawn. */
  async bidderQualified(em: EntityManager, applicationId: string): Promise<void> {
    const app = await applicationFacts(em, applicationId);
    if (!app?.bidderNumber) return;
    const m = qualifiedMessage(app.ref, { bidderNumber: app.bidderNumber, applicationId: app.id });
    await this.notifications.notify(em, { recipients: app.members, kind: 'application.qualified', ...m, related: { type: 'application', id: app.id }, dedupeKey: `application.qualified:${app.id}` });
  }

  /**
   * The lot has closed and been settled: the winner learns it won (and that its confirmation awaits
   * its signature), every other qualified applicant that it did not, with the deposit refund due.
   */
  async lotSettled(em: EntityManager, lotId: string): Promise<void> {
    const lot = await settledLotFacts(em, lotId);
    if (!lot) return;
    const related = { type: 'lot', id: lotId };
    for (const app of lot.applications) {
      const key = `lot.closed:${lotId}:${app.id}`;
      if (app.id === lot.winnerApplicationId && lot.outcome === 'sold' && lot.price) {
        const m = wonMessage(lot.ref, { bidderNumber: app.bidderNumber, price: lot.price, earnest: lot.earnest, contractDeadline: lot.contractDeadline, refunds: app.refunds });
        await this.notifications.notify(em, { recipients: app.members, kind: 'lot.won', ...m, related, dedupeKey: key });
        if (lot.confirmation) {
          const c = confirmationIssuedMessage(lot.ref, { ...lot.confirmation, lotId });
          await this.notifications.notify(em, { recipients: app.members, kind: 'confirmation.issued', ...c, related, dedupeKey: `confirmation.issued:${lotId}` });
        }
      } else {
        const m = notWonMessage(lot.ref, { bidderNumber: app.bidderNumber, outcome: lot.outcome, closedAt: lot.closedAt, refunds: app.refunds });
        await this.notifications.notify(em, { recipients: app.members, kind: m.kind, subject: m.subject, body: m.body, related, dedupeKey: key });
      }
    }
  }

  /** A deposit refund went out (bank reference recorded). */
  async refundPaid(em: EntityManager, refundId: string): Promise<void> {
    const r = await refundFacts(em, refundId);
    if (!r || r.status !== 'paid' || !r.paidOn || !r.bankReference) return;
    const m = refundPaidMessage(r.ref, { amount: r.amount, paidOn: r.paidOn, bankReference: r.bankReference });
    await this.notifications.notify(em, { recipients: r.members, kind: 'refund.paid', ...m, related: { type: 'refund', id: r.id }, dedupeKey: `refund.paid:${r.id}` });
  }

  /**
   * Reminders for a contract's installments: once when one falls due within the reminder window
   * (region setting `notification.installmentReminderDays`), once when it is overdue. Safe to call on
   * every settlement run: each reminder is keyed by contract, installment and due date (an approved
   * extension moves the date, so the new date is reminded again).
   */
  async installmentReminders(em: EntityManager, contractId: string, today: IsoDate): Promise<void> {
    const k = await contractFacts(em, contractId);
    if (!k || k.status !== 'active') return;
    const window = await this.settings.get<number>('notification.installmentReminderDays', em);
    const rate = Ratio.of(await this.settings.get<string>('settlement.dailyPenaltyRate', em), 6);
    const longDefaultDays = await this.settings.get<number>('settlement.longDefaultDays', em);
    const related = { type: 'contract', id: k.id };
    for (const i of unpaidByInstallment(k.installments, k.premiumPaid)) {
      if (!i.unpaid.isPositive()) continue;
      const days = daysBetween(today, i.dueDate as IsoDate);
      const facts = { contractNumber: k.contractNumber, number: i.number, dueDate: i.dueDate, unpaid: i.unpaid, dailyPenaltyRate: rate };
      if (days < 0) {
        const m = installmentOverdueMessage(k.ref, { ...facts, longDefaultDays });
        await this.notifications.notify(em, { recipients: k.members, kind: 'installment.overdue', ...m, related, dedupeKey: `installment.overdue:${k.id}:${i.number}:${i.dueDate}` });
      } else if (days <= window) {
        const m = installmentDueSoonMessage(k.ref, facts);
        await this.notifications.notify(em, { recipients: k.members, kind: 'installment.due_soon', ...m, related, dedupeKey: `installment.due_soon:${k.id}:${i.number}:${i.dueDate}` });
      }
    }
  }

  /**
   * A joint-bid invitation: to the accounts of the bidder that holds the invited code, if anyone
   * registered it. Nothing tells the lead whether anyone did.
   */
  async partnerInvited(em: EntityManager, invitationId: string): Promise<void> {
    const i = await invitationFacts(em, invitationId);
    if (!i || i.holders.length === 0) return;
    const m = invitationReceivedMessage(i.ref, { leadName: i.leadName, share: Ratio.of(i.share), groupSize: i.groupSize, applicationEnd: i.applicationEnd });
    await this.notifications.notify(em, { recipients: i.holders, kind: 'invitation.received', ...m, related: { type: 'application', id: i.applicationId }, dedupeKey: `invitation.received:${invitationId}` });
  }

  /** A partner accepted (to the lead and the members who accepted before) or declined (to the lead). */
  async partnerAnswered(em: EntityManager, invitationId: string, reason: string | null = null): Promise<void> {
    const i = await invitationFacts(em, invitationId);
    if (!i || (i.status !== 'accepted' && i.status !== 'declined')) return;
    const accepted = i.status === 'accepted';
    const lead = await leadOf(em, i.applicationId);
    const holders = new Set(i.holders);
    const recipients = accepted ? i.members.filter((m) => !holders.has(m)) : lead ? [lead] : [];
    const m = invitationAnsweredMessage(i.ref, { accepted, identifier: i.identifier, partnerName: i.partnerName, reason });
    await this.notifications.notify(em, {
      recipients,
      kind: accepted ? 'invitation.accepted' : 'invitation.declined',
      ...m,
      related: { type: 'application', id: i.applicationId },
      dedupeKey: `invitation.${i.status}:${invitationId}`,
    });
  }

  /** The lead withdrew: the partners who accepted and the holders of the invitations that lapse. */
  async applicationWithdrawn(em: EntityManager, applicationId: string, lapsedInvitationIds: readonly string[], reason: string | null): Promise<void> {
    const app = await applicationFacts(em, applicationId);
    if (!app) return;
    const lead = await leadOf(em, applicationId);
    const holders: string[] = [];
    for (const id of lapsedInvitationIds) holders.push(...((await invitationFacts(em, id))?.holders ?? []));
    const recipients = [...new Set([...app.members, ...holders])].filter((u) => u !== lead);
    const m = applicationWithdrawnMessage(app.ref, { reason });
    await this.notifications.notify(em, { recipients, kind: 'application.withdrawn', ...m, related: { type: 'application', id: applicationId }, dedupeKey: `application.withdrawn:${applicationId}` });
  }

  /** To every active finance officer, once per conflicting notice body. */
  async bankNoticeConflict(em: EntityManager, x: { conflictId: string; txnId: string; differences: readonly string[]; rawBodySha256: string }): Promise<void> {
    const m = bankNoticeConflictMessage(x);
    await this.notifications.notify(em, {
      recipients: await financeOfficers(em),
      kind: 'bank_notice.conflict',
      ...m,
      related: { type: 'bank_notice_conflict', id: x.conflictId },
      dedupeKey: `bank_notice.conflict:${x.txnId}:${x.rawBodySha256}`,
    });
  }
}
