import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { DomainError, type Actor, mapInOrder } from '@app/common';
import { TransactionRunner } from '@app/database';
import { SaleNotices } from '@app/notification';
import { LotEntity } from '@app/listing/persistence/lot.entity';
import { answerInvitation } from '../domain/joint-invitation';
import { ApplicationEntity, ApplicationPartnerEntity, JointInvitationEntity } from '../persistence/application.entity';
import { BidderEntity } from '../persistence/bidder.entity';
import { ApplicationAccess, identifiersOf } from './application-access';
import { ApplicationService } from './application.service';
import { BidderService } from './bidder.service';

/**
 * A partner's side of a joint bid: the invitations addressed to its credit code or ID number, and its
 * answer to each (accept, and become a member; or decline). Both answers are audited.
 */
@Injectable()
export class InvitationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly bidders: BidderService,
    private readonly access: ApplicationAccess,
    private readonly applications: ApplicationService,
    private readonly notices: SaleNotices,
  ) {}

  /** Every invitation addressed to me, newest first, whatever became of it. */
  async mine(actor: Actor) {
    return this.tx.run(async (em) => {
      const me = await this.bidders.forActor(em, actor);
      const invitations = await em.find(JointInvitationEntity, { where: { identifier: In(identifiersOf(me)) }, order: { createdAt: 'DESC' } });
      return mapInOrder(invitations, (i) => this.inviteeView(em, i));
    });
  }

  /**
   * Accepts: the partner becomes a member of the group with the share the lead proposed. Refused when
   * the partner has meanwhile applied for the lot alone or in another group (ALONE_AND_JOINT,
   * ALREADY_APPLIED), is barred, or the application is no longer a draft.
   */
  async accept(applicationId: string, actor: Actor) {
    return this.tx.run(async (em) => {
      const { app, me, invitation } = await this.access.asInvitee(em, applicationId, actor);
      const answer = answerInvitation(invitation.status, 'accept');
      if (!answer.changed) return this.applications.ownView(em, app, me);
      if (app.status !== 'draft') throw new DomainError('APPLICATION_NOT_DRAFT', `the application is already ${app.status}`, 'id');
      const lot = await em.findOneByOrFail(LotEntity, { id: app.lotId });
      const now = await this.tx.now(em);
      this.applications.assertWindowOpen(lot, now);
      await this.applications.assertNotBanned(em, me, 'you are');
      await this.applications.assertFreeForLot(em, me, app.lotId, true, 'id');
      await em.insert(ApplicationPartnerEntity, { applicationId, lotId: app.lotId, bidderId: me.id, share: invitation.share, isLead: false, acceptedAt: now });
      await em.update(JointInvitationEntity, { id: invitation.id }, { status: answer.status, bidderId: me.id, answeredAt: now });
      await this.audit.record(em, {
        action: 'application.partner.accept',
        entityType: 'application',
        entityId: applicationId,
        before: { invitation: invitation.id, status: invitation.status },
        after: { invitation: invitation.id, status: answer.status, bidderId: me.id, share: invitation.share.toPercentString(2) },
      });
      await this.notices.partnerAnswered(em, invitation.id);
      return this.applications.ownView(em, app, me);
    });
  }

  /** Declines: the partner stays out; the lead withdraws the draft and may apply again with another group. */
  async decline(applicationId: string, actor: Actor, reason: string | undefined) {
    return this.tx.run(async (em) => {
      const { me, invitation } = await this.access.asInvitee(em, applicationId, actor);
      const answer = answerInvitation(invitation.status, 'decline');
      if (answer.changed) {
        const now = await this.tx.now(em);
        await em.update(JointInvitationEntity, { id: invitation.id }, { status: answer.status, bidderId: me.id, answeredAt: now });
        await this.audit.record(em, {
          action: 'application.partner.decline',
          entityType: 'application',
          entityId: applicationId,
          before: { invitation: invitation.id, status: invitation.status },
          after: { invitation: invitation.id, status: answer.status, bidderId: me.id },
          reason: reason ?? null,
        });
        await this.notices.partnerAnswered(em, invitation.id, reason ?? null);
      }
      return this.inviteeView(em, await em.findOneByOrFail(JointInvitationEntity, { id: invitation.id }));
    });
  }

  /** What an invited partner needs to decide: the lot, who leads, its own share and the group's size. */
  private async inviteeView(em: EntityManager, i: JointInvitationEntity) {
    const app = await em.findOneByOrFail(ApplicationEntity, { id: i.applicationId });
    const lot = await em.findOneByOrFail(LotEntity, { id: i.lotId });
    const lead = await em.findOneByOrFail(BidderEntity, { id: app.leadBidderId });
    const size = 1 + (await em.countBy(JointInvitationEntity, { applicationId: i.applicationId }));
    return {
      id: i.id,
      applicationId: i.applicationId,
      applicationStatus: app.status,
      lotId: lot.id,
      lotNumber: lot.lotNumber,
      lotTitle: lot.title,
      lead: lead.name,
      share: i.share.toPercentString(2),
      partners: size,
      status: i.status,
      invitedAt: i.createdAt,
      answeredAt: i.answeredAt,
      acceptUrl: `/api/applications/${i.applicationId}/acceptance`,
      declineUrl: `/api/applications/${i.applicationId}/decline`,
    };
  }
}
