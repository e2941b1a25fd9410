import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';

/**
 * Work to run once a transaction that another context opened has committed — and never if it rolls
 * back. A lot step taken inside such a transaction (the announcement's suspension, approved by a
 * supervisor) broadcasts its events this way: after the commit, as every other event (DESIGN.md §4).
 * Listens to TypeORM's transaction events for the whole data source.
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface, OnModuleInit {
  private readonly pending = new WeakMap<QueryRunner, Array<() => void>>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  /** Runs `work` after the transaction of `qr` commits. */
  run(qr: QueryRunner, work: () => void): void {
    const list = this.pending.get(qr) ?? [];
    list.push(work);
    this.pending.set(qr, list);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint is not the commit: wait for the outermost one.
    if (event.queryRunner.isTransactionActive) return;
    const list = this.pending.get(event.queryRunner);
    this.pending.delete(event.queryRunner);
    list?.forEach((work) => work());
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}
