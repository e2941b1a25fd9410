import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { pageWindow, type Page } from '@app/common';
import { AuditEventEntity } from '../persistence/audit-event.entity';
import type { AuditQueryDto } from '../http/dto/audit-query.dto';

@Injectable()
export class AuditQueryService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  async search(query: AuditQueryDto): Promise<Page<AuditEventEntity>> {
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.events.createQueryBuilder('e');
    if (query.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    if (query.actorName) qb.andWhere('e.actor_name = :actorName', { actorName: query.actorName });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurred_at <= :to', { to: query.to });
    // Newest first. The id (a sequence) breaks ties between records of one transaction, which share
    // its time, so pages never overlap or skip a record.
    const [items, total] = await qb.orderBy('e.occurredAt', 'DESC').addOrderBy('e.id', 'DESC').skip(skip).take(pageSize).getManyAndCount();
    return { items, total, page, pageSize };
  }
}
