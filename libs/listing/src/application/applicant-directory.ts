import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type ApplicantSource = (em: EntityManager, lotIds: readonly string[]) => Promise<string[]>;

/**
 * Who has applied for a set of lots (their user ids), so amendments, suspensions and terminations
 * reach them. The qualification context, which owns applications, registers the source at start-up;
 * listing does not reach into its tables.
 */
@Injectable()
export class ApplicantDirectory {
  private source: ApplicantSource = async () => [];

  register(source: ApplicantSource): void {
    this.source = source;
  }

  recipientsFor(em: EntityManager, lotIds: readonly string[]): Promise<string[]> {
    return lotIds.length === 0 ? Promise.resolve([]) : this.source(em, lotIds);
  }
}
