import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { hasPermission, type Permission } from '@app/auth';
import { DomainError, type Actor } from '@app/common';
import { ApplicationEntity, ApplicationPartnerEntity, JointInvitationEntity } from '../persistence/application.entity';
import { BidderEntity } from '../persistence/bidder.entity';

/** The one answer for an application that does not exist and for one the caller may not see. */
export function applicationNotFound(): DomainError {
  return new DomainError('APPLICATION_NOT_FOUND', 'there is no such application', 'id');
}

/** Codes a bidder is invited by: its credit code or its ID number. */
export function identifiersOf(bidder: BidderEntity): string[] {
  return [bidder.creditCode, bidder.idNumber].filter((x): x is string => x !== null);
}

/**
 * Loads an application for a caller, or answers exactly as for an unknown id. Every route that takes
 * an application id goes through here *before* it looks at the application's state, so no answer
 * (a status, a code, a message) can tell an outsider that somebody else's application exists.
 * Members (past ones included: a withdrawn application stays visible to them) get the application;
 * what only the lead may do is refused with NOT_THE_LEAD, which tells a member nothing new.
 */
@Injectable()
export class ApplicationAccess {
  /** A member of the application: the lead, or a partner who accepted. */
  async asMember(em: EntityManager, id: string, actor: Actor, opts: { lock?: boolean } = {}): Promise<{ app: ApplicationEntity; me: BidderEntity }> {
    const me = await this.bidderOf(em, actor);
    if (!me || !(await em.existsBy(ApplicationPartnerEntity, { applicationId: id, bidderId: me.id }))) throw applicationNotFound();
    return { app: await this.load(em, id, opts.lock), me };
  }

  /** The lead of the application; another member gets NOT_THE_LEAD, anyone else the not-found answer. */
  async asLead(em: EntityManager, id: string, actor: Actor, opts: { lock?: boolean } = {}): Promise<{ app: ApplicationEntity; me: BidderEntity }> {
    const found = await this.asMember(em, id, actor, opts);
    if (found.me.id !== found.app.leadBidderId) throw new DomainError('NOT_THE_LEAD', 'only the lead of the application may do this', 'id');
    return found;
  }

  /** Staff holding one of `permissions` see any application; a bidder only its own. */
  async asStaffOrMember(em: EntityManager, id: string, actor: Actor, permissions: readonly Permission[]): Promise<{ app: ApplicationEntity; me: BidderEntity | null }> {
    if (permissions.some((p) => hasPermission(actor.roles, p))) return { app: await this.load(em, id, false), me: null };
    return this.asMember(em, id, actor);
  }

  /**
   * A bidder invited to the application (by its credit code or ID number), whatever its answer so far.
   * The application's row is locked: every change to its invitations happens under that lock.
   */
  async asInvitee(em: EntityManager, id: string, actor: Actor): Promise<{ app: ApplicationEntity; me: BidderEntity; invitation: JointInvitationEntity }> {
    const me = await this.bidderOf(em, actor);
    const where = me ? { applicationId: id, identifier: In(identifiersOf(me)) } : null;
    if (!me || !where || !(await em.existsBy(JointInvitationEntity, where))) throw applicationNotFound();
    const app = await this.load(em, id, true);
    return { app, me, invitation: await em.findOneOrFail(JointInvitationEntity, { where }) };
  }

  private async bidderOf(em: EntityManager, actor: Actor): Promise<BidderEntity | null> {
    return em.findOneBy(BidderEntity, { userId: actor.id });
  }

  private async load(em: EntityManager, id: string, lock: boolean | undefined): Promise<ApplicationEntity> {
    const app = lock ? await em.findOne(ApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : await em.findOneBy(ApplicationEntity, { id });
    if (!app) throw applicationNotFound();
    return app;
  }
}
