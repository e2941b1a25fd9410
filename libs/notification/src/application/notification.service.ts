import { Inject, Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { DomainError, pageWindow, type Actor, type Page } from '@app/common';
import { TransactionRunner } from '@app/database';
import type { NotificationKind } from '../domain/notification-kinds';
import { NotificationEntity } from '../persistence/notification.entity';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options';

export interface NewNotification {
  /** User ids; duplicates are sent once. */
  readonly recipients: readonly string[];
  readonly kind: NotificationKind;
  readonly subject: string;
  readonly body: string;
  readonly related?: { readonly type: string; readonly id: string } | null;
  /** Reminders and re-run jobs: a recipient gets one message per key, however often this is called. */
  readonly dedupeKey?: string;
}

export interface NotificationView {
  id: string;
  kind: string;
  subject: string;
  body: string;
  relatedType: string | null;
  relatedId: string | null;
  createdAt: Date;
  read: boolean;
  readAt: Date | null;
}

const view = (n: NotificationEntity): NotificationView => ({
  id: n.id,
  kind: n.kind,
  subject: n.subject,
  body: n.body,
  relatedType: n.relatedType,
  relatedId: n.relatedId,
  createdAt: n.createdAt,
  read: n.readAt !== null,
  readAt: n.readAt,
});

/**
 * Tells users what happened to them: the in-app inbox, and for each outbound channel a row in the
 * outbox that the dispatcher delivers after commit. `notify` runs in the caller's transaction.
 */
@Injectable()
export class NotificationService {
  private readonly channels: string[];

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(NOTIFICATION_OPTIONS) options: NotificationOptions,
  ) {
    this.channels = options.channels.length > 0 ? [...options.channels] : ['none'];
  }

  /** Writes the messages (and their outbox rows) with the caller's change; returns the ids written. */
  async notify(em: EntityManager, n: NewNotification): Promise<string[]> {
    const recipients = [...new Set(n.recipients)];
    if (recipients.length === 0) return [];
    const rows = (await em.query(
      `INSERT INTO notification (recipient_id, kind, subject, body, related_type, related_id, dedupe_key)
       SELECT r, $2, $3, $4, $5, $6, $7 FROM unnest($1::uuid[]) AS r
       ON CONFLICT ON CONSTRAINT notification_dedupe_unique DO NOTHING
       RETURNING id`,
      [recipients, n.kind, n.subject, n.body, n.related?.type ?? null, n.related?.id ?? null, n.dedupeKey ?? null],
    )) as Array<{ id: string }>;
    const ids = rows.map((r) => r.id);
    if (ids.length > 0) {
      await em.query(`INSERT INTO notification_delivery (notification_id, channel) SELECT n, c FROM unnest($1::uuid[]) AS n CROSS JOIN unnest($2::text[]) AS c`, [ids, this.channels]);
    }
    return ids;
  }

  // ── the inbox: a user reads and marks only its own ──────────────────────────────────────────

  async mine(actor: Actor, query: { page?: number; pageSize?: number; unread?: boolean }): Promise<Page<NotificationView> & { unread: number }> {
    const { page, pageSize, skip } = pageWindow(query);
    return this.tx.run(async (em) => {
      const [rows, total] = await em.findAndCount(NotificationEntity, {
        where: query.unread ? { recipientId: actor.id, readAt: IsNull() } : { recipientId: actor.id },
        // Newest first; the id breaks ties so pages never overlap.
        order: { createdAt: 'DESC', id: 'DESC' },
        skip,
        take: pageSize,
      });
      const [{ unread }] = (await em.query(`SELECT count(*)::int AS unread FROM notification WHERE recipient_id = $1 AND read_at IS NULL`, [actor.id])) as Array<{ unread: number }>;
      return { items: rows.map(view), total, unread, page, pageSize };
    });
  }

  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    return this.tx.run(async (em) => {
      // Someone else's message is reported exactly like a missing one.
      const n = await em.findOne(NotificationEntity, { where: { id, recipientId: actor.id }, lock: { mode: 'pessimistic_write' } });
      if (!n) throw new DomainError('NOTIFICATION_NOT_FOUND', `notification ${id} does not exist`, 'id');
      if (n.readAt === null) {
        const [{ now }] = (await em.query('SELECT clock_timestamp() AS now')) as Array<{ now: Date }>;
        n.readAt = now;
        await em.update(NotificationEntity, { id }, { readAt: now });
        await this.audit.record(em, { action: 'notification.read', entityType: 'notification', entityId: id, before: { readAt: null }, after: { readAt: now } });
      }
      return view(n);
    });
  }

  async markAllRead(actor: Actor): Promise<{ updated: number }> {
    return this.tx.run(async (em) => {
      const [{ updated }] = (await em.query(
        `WITH marked AS (UPDATE notification SET read_at = clock_timestamp() WHERE recipient_id = $1 AND read_at IS NULL RETURNING id) SELECT count(*)::int AS updated FROM marked`,
        [actor.id],
      )) as Array<{ updated: number }>;
      if (updated > 0) await this.audit.record(em, { action: 'notification.read_all', entityType: 'user', entityId: actor.id, after: { marked: updated } });
      return { updated };
    });
  }
}
