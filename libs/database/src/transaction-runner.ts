import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * Runs one use case atomically: everything done through the given EntityManager (the change and its
 * audit record alike) commits together or not at all.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (em: EntityManager) => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED'): Promise<T> {
    return this.dataSource.transaction(isolation, work);
  }

  /** The current database time: the clock every deadline is judged by. */
  async now(em: EntityManager = this.dataSource.manager): Promise<Date> {
    const rows: Array<{ now: Date }> = await em.query('SELECT clock_timestamp() AS now');
    return rows[0]!.now;
  }
}
