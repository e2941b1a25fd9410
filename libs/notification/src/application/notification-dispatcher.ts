import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { afterFailure, type RetryPolicy } from '../domain/delivery-retry';
import { contactOf } from '../persistence/recipient-contacts';
import type { NotificationChannel, DeliveryOutcome } from './notification-channel';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options';

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');

/** How long a claimed delivery is leased to the instance that took it; after that another may retry it. */
const LEASE = '10 minutes';
const BATCH = 50;

interface Claimed {
  id: string;
  channel: string;
  attempts: number;
  notification_id: string;
  recipient_id: string;
  kind: string;
  subject: string;
  body: string;
}

export interface DispatchReport {
  sent: number;
  notSent: number;
  retried: number;
  failed: number;
}

/**
 * Delivers the outbox after commit. Every instance runs it; a row is claimed with `FOR UPDATE SKIP
 * LOCKED` and leased by moving its next attempt forward in the same statement, so one instance sends
 * it, and one that dies mid-send leaves it to be retried when the lease runs out. A gateway error is
 * retried with a growing wait (domain/delivery-retry.ts) and given up after the last attempt.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly byName: Map<string, NotificationChannel>;
  private readonly policy: RetryPolicy;
  private timer?: NodeJS.Timeout;
  private running?: Promise<DispatchReport>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CHANNELS) channels: NotificationChannel[],
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {
    this.byName = new Map(channels.map((c) => [c.name, c]));
    this.policy = { maxAttempts: options.maxAttempts, baseSeconds: options.retryBaseSeconds, maxDelaySeconds: 6 * 3600 };
  }

  onApplicationBootstrap(): void {
    if (this.options.dispatchIntervalMs > 0) {
      this.timer = setInterval(() => {
        this.runOnce().catch((err: unknown) => this.logger.error({ err }, 'notification dispatch failed; the next tick tries again'));
      }, this.options.dispatchIntervalMs);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Delivers everything due now; a run already in progress is joined rather than doubled. */
  runOnce(): Promise<DispatchReport> {
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(): Promise<DispatchReport> {
    const report: DispatchReport = { sent: 0, notSent: 0, retried: 0, failed: 0 };
    for (let round = 0; round < 20; round++) {
      const claimed = await this.claim();
      for (const row of claimed) await this.deliverOne(row, report);
      if (claimed.length < BATCH) break;
    }
    return report;
  }

  private async claim(): Promise<Claimed[]> {
    return (await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM notification_delivery WHERE status = 'pending' AND next_attempt_at <= clock_timestamp()
          ORDER BY next_attempt_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE notification_delivery d
            SET attempts = d.attempts + 1, next_attempt_at = clock_timestamp() + interval '${LEASE}', updated_at = clock_timestamp()
           FROM due WHERE d.id = due.id
         RETURNING d.id, d.channel, d.attempts, d.notification_id)
       SELECT c.id, c.channel, c.attempts, c.notification_id, n.recipient_id, n.kind, n.subject, n.body
         FROM claimed c JOIN notification n ON n.id = c.notification_id ORDER BY c.id`,
    )) as Claimed[];
  }

  private async deliverOne(row: Claimed, report: DispatchReport): Promise<void> {
    const channel = this.byName.get(row.channel);
    let address: string | null = null;
    let outcome: DeliveryOutcome;
    try {
      if (!channel) {
        outcome = { status: 'not_sent', detail: `not sent: channel ${row.channel} is not configured on this instance` };
      } else {
        if (row.channel !== 'none') {
          const contact = await contactOf(this.dataSource.manager, row.recipient_id);
          address = row.channel === 'email' ? contact.email : contact.phone;
        }
        outcome = await channel.deliver({ notificationId: row.notification_id, kind: row.kind, to: address, subject: row.subject, body: row.body });
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const next = afterFailure(row.attempts, this.policy);
      if (next.retry) {
        await this.dataSource.query(
          `UPDATE notification_delivery SET next_attempt_at = clock_timestamp() + make_interval(secs => $2), detail = $3, address = $4, updated_at = clock_timestamp() WHERE id = $1`,
          [row.id, next.delaySeconds, message.slice(0, 1000), address],
        );
        report.retried++;
        this.logger.warn({ deliveryId: row.id, channel: row.channel, attempts: row.attempts, retryInSeconds: next.delaySeconds, err: message }, 'notification delivery failed; will retry');
      } else {
        await this.dataSource.query(`UPDATE notification_delivery SET status = 'failed', detail = $2, address = $3, updated_at = clock_timestamp() WHERE id = $1`, [row.id, message.slice(0, 1000), address]);
        report.failed++;
        this.logger.error({ deliveryId: row.id, channel: row.channel, attempts: row.attempts, err: message }, 'notification delivery given up');
      }
      return;
    }
    await this.dataSource.query(
      `UPDATE notification_delivery SET status = $2, detail = $3, address = $4, sent_at = CASE WHEN $2 = 'sent' THEN clock_timestamp() END, updated_at = clock_timestamp() WHERE id = $1`,
      [row.id, outcome.status, outcome.detail ?? null, address],
    );
    if (outcome.status === 'sent') report.sent++;
    else report.notSent++;
  }
}
