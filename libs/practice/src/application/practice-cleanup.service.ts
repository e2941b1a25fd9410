import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { SettingsService } from '@app/settings';
import { PRACTICE_OPTIONS, type PracticeOptions } from './practice-options';

/**
 * Deletes practice lots (模拟竞价) whose retention has passed: `practice.retentionHours` (default 24)
 * after the later of their start and their close. Every instance runs it; each lot is taken with
 * `FOR UPDATE SKIP LOCKED`, so exactly one instance deletes it, in one transaction, with every row it
 * produced (the database function `delete_practice_lot`, which refuses any lot that is not practice).
 *
 * The audit trail keeps its records of the lot — its start, its trading, and this deletion: they are
 * the record that someone rehearsed, and the trail is append-only ("nothing is deleted").
 */
@Injectable()
export class PracticeCleanup implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PracticeCleanup.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<string[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    @Inject(PRACTICE_OPTIONS) private readonly options: PracticeOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.cleanupIntervalMs > 0) {
      this.timer = setInterval(() => {
        if (!this.running) void this.runOnce().catch((err: unknown) => this.logger.error({ err }, 'practice cleanup failed'));
      }, this.options.cleanupIntervalMs);
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Deletes every expired practice lot; returns their ids. Tests and the timer call it. */
  async runOnce(limit = 100): Promise<string[]> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.pass(limit);
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }

  private async pass(limit: number): Promise<string[]> {
    const deleted: string[] = [];
    while (deleted.length < limit) {
      const id = await this.deleteNext();
      if (!id) break;
      deleted.push(id);
    }
    return deleted;
  }

  private async deleteNext(): Promise<string | null> {
    return this.dataSource.transaction(async (em) => {
      const retentionHours = await this.settings.get<number>('practice.retentionHours', em);
      const [row] = (await em.query(
        `SELECT p.lot_id, l.lot_number, p.created_by, p.created_at, r.closed_at
           FROM practice_lot p JOIN lot l ON l.id = p.lot_id LEFT JOIN result r ON r.lot_id = p.lot_id
          WHERE greatest(p.created_at, coalesce(r.closed_at, p.created_at)) + make_interval(hours => $1::int) <= clock_timestamp()
          ORDER BY p.created_at LIMIT 1
          FOR UPDATE OF p SKIP LOCKED`,
        [retentionHours],
      )) as Array<{ lot_id: string; lot_number: string; created_by: string; created_at: Date; closed_at: Date | null }>;
      if (!row) return null;
      await em.query(`SELECT delete_practice_lot($1)`, [row.lot_id]);
      await this.audit.record(em, {
        actor: 'system',
        action: 'practice.delete',
        entityType: 'lot',
        entityId: row.lot_id,
        before: { practice: true, lotNumber: row.lot_number, createdBy: row.created_by, createdAt: row.created_at, closedAt: row.closed_at },
        reason: 'practice lot retention (practice.retentionHours) elapsed',
      });
      this.logger.log({ lotId: row.lot_id, lotNumber: row.lot_number }, 'practice lot deleted');
      return row.lot_id;
    });
  }
}
