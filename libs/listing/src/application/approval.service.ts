import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { DomainError, pageWindow, type Actor, type PageQueryDto } from '@app/common';
import { TransactionRunner } from '@app/database';
import { ApprovalRequestEntity } from '../persistence/approval-request.entity';
import { AnnouncementService } from './announcement.service';

/** Supervisors decide what trading officers request (maker-checker). */
@Injectable()
export class ApprovalService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly announcements: AnnouncementService,
  ) {}

  async list(query: PageQueryDto & { status?: string }) {
    const { page, pageSize, skip } = pageWindow(query);
    const [items, total] = await this.tx.run((em) =>
      em.findAndCount(ApprovalRequestEntity, { where: query.status ? { status: query.status as ApprovalRequestEntity['status'] } : {}, order: { requestedAt: 'DESC' }, skip, take: pageSize }),
    );
    return { items, total, page, pageSize };
  }

  async decide(id: string, decision: 'approve' | 'reject', reason: string, approver: Actor) {
    return this.tx.run(async (em) => {
      const request = await em.findOne(ApprovalRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw new DomainError('APPROVAL_REQUEST_NOT_FOUND', `approval request ${id} does not exist`, 'id');
      if (request.status !== 'pending') throw new DomainError('ALREADY_DECIDED', `this request was already ${request.status}`, 'id');
      if (request.requestedBy === approver.id) throw new DomainError('SAME_PERSON_APPROVAL', 'a request must be decided by another official than the one who made it', 'id');
      if (decision === 'approve') await this.announcements.applyApproved(em, request, approver);
      request.status = decision === 'approve' ? 'approved' : 'rejected';
      request.decidedBy = approver.id;
      request.decidedAt = await this.tx.now(em);
      request.decisionReason = reason;
      await em.save(request);
      await this.audit.record(em, { action: `approval.${request.status}`, entityType: 'approval_request', entityId: id, before: { status: 'pending' }, after: { status: request.status, action: request.action, targetId: request.targetId }, reason });
      return request;
    });
  }
}
