import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Who has applied for a set of lots, so amendments, suspensions and terminations reach them. The
 * qualification context (applications) provides the real list; until it exists, nobody has applied.
 */
@Injectable()
export class ApplicantDirectory {
  async recipientsFor(_em: EntityManager, _lotIds: readonly string[]): Promise<string[]> {
    return [];
  }
}
